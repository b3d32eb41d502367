import {
  OneOnOne,
  OneOnOneAcknowledge,
  OneOnOneActionUpdate,
  OneOnOneAgenda,
  OneOnOneCadence,
  OneOnOneCadenceWrite,
  OneOnOneCreate,
  OneOnOneDeleteQuery,
  OneOnOnePage,
  OneOnOneQuery,
  OneOnOneTeam,
  OneOnOneTeamQuery,
  OneOnOneUpdate,
  OpenOneOnOneAction,
  OpenOneOnOneActionPage,
  OpenOneOnOneActionQuery,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { listAndCreateRoutes } from '../../shared/record-routes.ts';
import { oneOnOneRepository } from './one-on-one.repository.ts';
import { createOneOnOneUseCases } from './one-on-one.use-cases.ts';

const IdParams = z.object({ id: z.uuid() });

export const oneOnOneRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createOneOnOneUseCases({ db: app.db, oneOnOnes: oneOnOneRepository });

  listAndCreateRoutes(app, '/one-on-ones', {
    tags: ['dialogue'],
    list: {
      summary:
        '1on1 records I may see (mine, those I wrote, my staff’s; all for HR), newest first; never the private notes',
      querystring: OneOnOneQuery,
      response: OneOnOnePage,
      run: (actor, query) => service.list(actor, query),
    },
    create: {
      summary: 'Record (or schedule) a 1on1 with one of my staff (Idempotency-Key honoured)',
      body: OneOnOneCreate,
      response: OneOnOne,
      run: (actor, body, key, meta) => service.create(actor, body, key, meta),
    },
  });

  app.get(
    '/one-on-ones/:id',
    {
      schema: {
        tags: ['dialogue'],
        summary: 'One 1on1; its private notes only to its author',
        params: IdParams,
        response: { 200: OneOnOne },
      },
    },
    async (request) => service.get(actorOf(request), request.params.id),
  );

  app.put(
    '/one-on-ones/:id',
    {
      schema: {
        tags: ['dialogue'],
        summary:
          'Correct a 1on1 I recorded (versioned: stale → 409); once acknowledged, its date, minutes and status stay (409)',
        params: IdParams,
        body: OneOnOneUpdate,
        response: { 200: OneOnOne },
      },
    },
    async (request) =>
      service.update(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.delete(
    '/one-on-ones/:id',
    {
      schema: {
        tags: ['dialogue'],
        summary:
          'Delete a 1on1 I recorded, while the person has not acknowledged it (`?version=`; stale → 409)',
        params: IdParams,
        querystring: OneOnOneDeleteQuery,
        response: { 204: z.null().describe('Deleted') },
      },
    },
    async (request, reply) => {
      await service.remove(actorOf(request), request.params.id, request.query.version, requestMeta(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/one-on-ones/:id/acknowledge',
    {
      schema: {
        tags: ['dialogue'],
        summary: 'The person confirms a held 1on1, with their own notes',
        params: IdParams,
        body: OneOnOneAcknowledge.default({}),
        response: { 200: OneOnOne },
      },
    },
    async (request) =>
      service.acknowledge(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.put(
    '/one-on-ones/:id/agenda',
    {
      schema: {
        tags: ['dialogue'],
        summary: 'The person’s agenda for a scheduled 1on1 (versioned: stale → 409)',
        params: IdParams,
        body: OneOnOneAgenda,
        response: { 200: OneOnOne },
      },
    },
    async (request) =>
      service.writeAgenda(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.get(
    '/one-on-one-actions',
    {
      schema: {
        tags: ['dialogue'],
        summary: 'Open actions on my side: those I own and those of the 1on1s I recorded, due first',
        querystring: OpenOneOnOneActionQuery,
        response: { 200: OpenOneOnOneActionPage },
      },
    },
    async (request) => service.openActions(actorOf(request), request.query),
  );

  app.put(
    '/one-on-one-actions/:id',
    {
      schema: {
        tags: ['dialogue'],
        summary: 'The action’s owner or the 1on1’s author marks it done (or open again)',
        params: IdParams,
        body: OneOnOneActionUpdate,
        response: { 200: OpenOneOnOneAction },
      },
    },
    async (request) =>
      service.updateAction(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.get(
    '/dashboards/team/one-on-ones',
    {
      schema: {
        tags: ['dialogue', 'dashboards'],
        summary: 'My staff: days since each person’s last 1on1, against my cadence; who is overdue',
        querystring: OneOnOneTeamQuery,
        response: { 200: OneOnOneTeam },
      },
    },
    async (request) => service.team(actorOf(request), request.query),
  );

  app.get(
    '/one-on-one-cadence',
    {
      schema: {
        tags: ['dialogue'],
        summary: 'How often I mean to hold a 1on1 with each of my staff',
        response: { 200: OneOnOneCadence },
      },
    },
    async (request) => service.cadence(actorOf(request)),
  );

  app.put(
    '/one-on-one-cadence',
    {
      schema: {
        tags: ['dialogue'],
        summary: 'Set my team’s 1on1 cadence (version 0 the first time; stale → 409)',
        body: OneOnOneCadenceWrite,
        response: { 200: OneOnOneCadence },
      },
    },
    async (request) => service.setCadence(actorOf(request), request.body, requestMeta(request)),
  );
};
