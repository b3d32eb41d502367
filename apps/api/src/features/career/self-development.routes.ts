/** Career: self-development records (自己啓発) — list, add, change, delete, the support decision. Thin handlers. */
import {
  SelfDevelopmentCreate,
  SelfDevelopmentDeleteQuery,
  SelfDevelopmentPage,
  SelfDevelopmentQuery,
  SelfDevelopmentRecord,
  SelfDevelopmentUpdate,
  SupportDecisionCreate,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../../shared/idempotency.ts';
import { type CareerRouteOptions, RecordParams, StaffParams, tags } from './career.route-schemas.ts';

export const selfDevelopmentRoutes: FastifyPluginAsyncZod<CareerRouteOptions> = async (app, { selfDev }) => {
  app.get(
    '/staff/:id/self-development',
    {
      schema: {
        tags,
        summary: 'Self-development records (自己啓発), paginated',
        params: StaffParams,
        querystring: SelfDevelopmentQuery,
        response: { 200: SelfDevelopmentPage },
      },
    },
    async (request) => selfDev.list(actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/staff/:id/self-development',
    {
      schema: {
        tags,
        summary: 'Record self-development (the person themself), optionally asking for support',
        params: StaffParams,
        body: SelfDevelopmentCreate,
        response: { 201: SelfDevelopmentRecord },
      },
    },
    async (request, reply) => {
      const result = await selfDev.create(
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
        idempotencyKeyOf(request),
      );
      return reply.status(201).send(result.body);
    },
  );
  app.put(
    '/staff/:id/self-development/:recordId',
    {
      schema: {
        tags,
        summary: 'Edit a record (the person themself), with its version',
        params: RecordParams,
        body: SelfDevelopmentUpdate,
        response: { 200: SelfDevelopmentRecord },
      },
    },
    async (request) =>
      selfDev.update(
        actorOf(request),
        request.params.id,
        request.params.recordId,
        request.body,
        requestMeta(request),
      ),
  );
  app.delete(
    '/staff/:id/self-development/:recordId',
    {
      schema: {
        tags,
        summary: 'Delete a record (the person themself), with its version; approved support is kept',
        params: RecordParams,
        querystring: SelfDevelopmentDeleteQuery,
      },
    },
    async (request, reply) => {
      await selfDev.remove(
        actorOf(request),
        request.params.id,
        request.params.recordId,
        request.query.version,
        requestMeta(request),
      );
      return reply.status(204).send();
    },
  );
  app.post(
    '/staff/:id/self-development/:recordId/decision',
    {
      schema: {
        tags,
        summary: 'The supervisor approves or declines (with a reason) a support request, with its version',
        params: RecordParams,
        body: SupportDecisionCreate,
        response: { 200: SelfDevelopmentRecord },
      },
    },
    async (request) =>
      selfDev.decide(
        actorOf(request),
        request.params.id,
        request.params.recordId,
        request.body,
        requestMeta(request),
      ),
  );
};
