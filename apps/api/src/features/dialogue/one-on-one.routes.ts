import { OneOnOne, OneOnOneCreate, OneOnOnePage, OneOnOneQuery } from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../../shared/idempotency.ts';
import { createOneOnOneRepository } from './one-on-one.repository.ts';
import { createOneOnOneService } from './one-on-one.service.ts';

const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().max(200).optional().describe('A retry with the same key creates nothing new'),
});

export const oneOnOneRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createOneOnOneService({ db: app.db, oneOnOnes: createOneOnOneRepository(app.db) });

  app.get(
    '/one-on-ones',
    {
      schema: {
        tags: ['dialogue'],
        summary:
          '1on1 records I may see (mine, those I wrote, my staff’s; all for HR), newest first; never the private notes',
        querystring: OneOnOneQuery,
        response: { 200: OneOnOnePage },
      },
    },
    async (request) => service.list(actorOf(request), request.query),
  );

  app.post(
    '/one-on-ones',
    {
      schema: {
        tags: ['dialogue'],
        summary: 'Record (or schedule) a 1on1 with one of my staff (Idempotency-Key honoured)',
        headers: IdempotencyHeaders,
        body: OneOnOneCreate,
        response: { 201: OneOnOne },
      },
    },
    async (request, reply) => {
      const r = await service.create(
        actorOf(request),
        request.body,
        idempotencyKeyOf(request),
        requestMeta(request),
      );
      if (r.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(r.body);
    },
  );
};
