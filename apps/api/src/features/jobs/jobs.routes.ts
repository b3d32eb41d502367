import { BackgroundJobStatus } from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';

export const jobsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/background-jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Whether mail is on, jobs waiting, and the jobs that failed after their retries (HR)',
        response: { 200: BackgroundJobStatus },
      },
    },
    async (request) => app.services.jobs.status(actorOf(request)),
  );
};
