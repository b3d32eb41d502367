import {
  OjtAcknowledge,
  OjtPlan,
  OjtPlanQuery,
  OjtPlanWrite,
  OjtSession,
  OjtSessionBatch,
  OjtSessionBatchCreate,
  OjtSessionCreate,
  OjtSessionPage,
  OjtSessionQuery,
  OjtSessionUpdate,
  TeamDashboard,
  TeamDashboardQuery,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../../shared/idempotency.ts';
import { IdempotencyHeaders, listAndCreateRoutes } from '../../shared/record-routes.ts';
import { createOjtRepository } from './ojt.repository.ts';
import { createOjtUseCases } from './ojt.use-cases.ts';

const IdParams = z.object({ id: z.uuid() });

export const ojtRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createOjtUseCases({ db: app.db, ojt: createOjtRepository() });

  listAndCreateRoutes(app, '/ojt-sessions', {
    tags: ['ojt'],
    list: {
      summary: 'OJT sessions I may see (mine, my team’s, my bureau’s, all), newest first',
      querystring: OjtSessionQuery,
      response: OjtSessionPage,
      run: (actor, query) => service.listSessions(actor, query),
    },
    create: {
      summary: 'Log one OJT session for one of my staff (Idempotency-Key honoured)',
      body: OjtSessionCreate,
      response: OjtSession,
      run: (actor, body, key, meta) => service.createSession(actor, body, key, meta),
    },
  });

  app.post(
    '/ojt-sessions/batch',
    {
      schema: {
        tags: ['ojt'],
        summary: 'Log the same OJT session for several of my staff: all of them or none',
        headers: IdempotencyHeaders,
        body: OjtSessionBatchCreate,
        response: { 201: OjtSessionBatch },
      },
    },
    async (request, reply) => {
      const r = await service.createBatch(
        actorOf(request),
        request.body,
        idempotencyKeyOf(request),
        requestMeta(request),
      );
      if (r.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(r.body);
    },
  );

  app.post(
    '/ojt-sessions/:id/acknowledge',
    {
      schema: {
        tags: ['ojt'],
        summary: 'The trainee confirms a session, with an optional 振り返り',
        params: IdParams,
        body: OjtAcknowledge.default({}),
        response: { 200: OjtSession },
      },
    },
    async (request) =>
      service.acknowledge(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.put(
    '/ojt-sessions/:id',
    {
      schema: {
        tags: ['ojt'],
        summary:
          'Correct a session I logged (`updatedAt` as read: stale → 409); once acknowledged, its trainee, date and minutes stay (409 ojt_acknowledged)',
        params: IdParams,
        body: OjtSessionUpdate,
        response: { 200: OjtSession },
      },
    },
    async (request) =>
      service.updateSession(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.delete(
    '/ojt-sessions/:id',
    {
      schema: {
        tags: ['ojt'],
        summary: 'Delete a session I logged, while the trainee has not acknowledged it (else 409)',
        params: IdParams,
        response: { 204: z.null().describe('Deleted') },
      },
    },
    async (request, reply) => {
      await service.deleteSession(actorOf(request), request.params.id, requestMeta(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/staff/:id/ojt-plan',
    {
      schema: {
        tags: ['ojt'],
        summary: 'The person’s 年間OJT計画 for a 年度 (the current one by default)',
        params: IdParams,
        querystring: OjtPlanQuery,
        response: { 200: OjtPlan },
      },
    },
    async (request) => service.getPlan(actorOf(request), request.params.id, request.query.fiscalYear),
  );

  app.put(
    '/staff/:id/ojt-plan',
    {
      schema: {
        tags: ['ojt'],
        summary: 'Write the person’s 年間OJT計画 (their supervisor; versioned: stale → 409)',
        params: IdParams,
        querystring: OjtPlanQuery,
        body: OjtPlanWrite,
        response: { 200: OjtPlan },
      },
    },
    async (request) =>
      service.putPlan(
        actorOf(request),
        request.params.id,
        request.query.fiscalYear,
        request.body,
        requestMeta(request),
      ),
  );

  app.get(
    '/dashboards/team',
    {
      schema: {
        tags: ['ojt', 'dashboards'],
        summary: 'My staff: OJT against the plan, days since the last session, career plan, requests',
        querystring: TeamDashboardQuery,
        response: { 200: TeamDashboard },
      },
    },
    async (request) => service.teamDashboard(actorOf(request), request.query),
  );
};
