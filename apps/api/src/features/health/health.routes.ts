import { HealthResponse } from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { databaseReachable } from './health.repository.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Whether the API and its database answer',
        response: { 200: HealthResponse, 503: HealthResponse },
      },
    },
    async (_request, reply) => {
      const reachable = await databaseReachable(app.db);
      const body = {
        status: reachable ? ('ok' as const) : ('unavailable' as const),
        database: { mode: app.databaseMode, reachable },
        version: app.apiVersion,
      };
      return reply.status(reachable ? 200 : 503).send(body);
    },
  );
};
