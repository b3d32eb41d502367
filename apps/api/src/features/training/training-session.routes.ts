/**
 * 研修: a course's dated sessions — added and edited, their roster (and as a file), applying to one,
 * attendance and completion. Thin handlers.
 */
import {
  TrainingApplication,
  TrainingApplyRequest,
  TrainingAttendanceRequest,
  TrainingRosterExportQuery,
  TrainingSession,
  TrainingSessionInput,
  TrainingSessionListQuery,
  TrainingSessionPage,
  TrainingSessionRoster,
  TrainingSessionUpdate,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf, sendWritten } from '../../shared/idempotency.ts';
import { createTrainingRepository } from './training.repository.ts';
import { createTrainingApplicationUseCases } from './training-application.use-cases.ts';
import { createTrainingCatalogueUseCases } from './training-catalogue.use-cases.ts';
import { rosterFile } from './training-export.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['training'];

export const trainingSessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = createTrainingRepository(app.db);
  const catalogue = createTrainingCatalogueUseCases({ repo });
  const applications = createTrainingApplicationUseCases({ repo });

  app.get(
    '/trainings/:id/sessions',
    {
      schema: {
        tags,
        summary: 'A course’s dated sessions, with capacity and my own application',
        params: IdParams,
        querystring: TrainingSessionListQuery,
        response: { 200: TrainingSessionPage },
      },
    },
    async (request) => catalogue.listSessions(actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/trainings/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Add a session (HR; the owning bureau for a 部門別研修). Idempotency-Key',
        params: IdParams,
        body: TrainingSessionInput,
        response: { 201: TrainingSession },
      },
    },
    async (request, reply) => {
      const result = await catalogue.createSession(
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
        idempotencyKeyOf(request),
      );
      return sendWritten(reply, result);
    },
  );
  app.put(
    '/training-sessions/:id',
    {
      schema: {
        tags,
        summary: 'Edit or cancel a session (versioned); more seats move the waiting list up',
        params: IdParams,
        body: TrainingSessionUpdate,
        response: { 200: TrainingSession },
      },
    },
    async (request) =>
      catalogue.updateSession(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );
  app.get(
    '/training-sessions/:id/roster',
    {
      schema: {
        tags,
        summary: 'The session’s roster: every application, accepted first, then the waiting list in order',
        params: IdParams,
        response: { 200: TrainingSessionRoster },
      },
    },
    async (request) => applications.roster(actorOf(request), request.params.id),
  );
  app.get(
    '/training-sessions/:id/roster/export',
    {
      schema: {
        tags,
        summary: 'The roster as a file: CSV (UTF-8 with BOM) or Excel',
        params: IdParams,
        querystring: TrainingRosterExportQuery,
      },
    },
    async (request, reply) => {
      const roster = await applications.roster(actorOf(request), request.params.id);
      const file = await rosterFile(roster, request.query.format);
      return reply
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="roster.${request.query.format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
  app.post(
    '/training-sessions/:id/applications',
    {
      schema: {
        tags,
        summary: 'Apply, with a reason (a second application → 409). Idempotency-Key',
        params: IdParams,
        body: TrainingApplyRequest,
        response: { 201: TrainingApplication },
      },
    },
    async (request, reply) => {
      const result = await applications.apply(
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
        idempotencyKeyOf(request),
      );
      return sendWritten(reply, result);
    },
  );
  app.post(
    '/training-sessions/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Record attendance and completion, many people at once (HR; the owning bureau)',
        params: IdParams,
        body: TrainingAttendanceRequest,
        response: { 200: TrainingSessionRoster },
      },
    },
    async (request) =>
      applications.recordAttendance(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );
};
