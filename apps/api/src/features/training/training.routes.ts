/** 研修: the catalogue, sessions, applications and their decisions, attendance, rosters. Thin handlers. */
import {
  PageQuery,
  Training,
  TrainingApplication,
  TrainingApplicationListQuery,
  TrainingApplicationPage,
  TrainingApplyRequest,
  TrainingAssignmentBatchPage,
  TrainingAssignmentPreview,
  TrainingAssignmentRequest,
  TrainingAssignmentResult,
  TrainingAssignmentUndoResult,
  TrainingAttendanceRequest,
  TrainingBulkDecisionRequest,
  TrainingBulkDecisionResult,
  TrainingDecisionRequest,
  TrainingFeedbackRequest,
  TrainingInput,
  TrainingListQuery,
  TrainingOptions,
  TrainingPage,
  TrainingPracticeConfirmRequest,
  TrainingPracticeReportRequest,
  TrainingRecommendations,
  TrainingRosterExportQuery,
  TrainingSession,
  TrainingSessionInput,
  TrainingSessionListQuery,
  TrainingSessionPage,
  TrainingSessionRoster,
  TrainingSessionUpdate,
  TrainingUpdate,
  TrainingWithdrawRequest,
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

export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = createTrainingRepository(app.db);
  const catalogue = createTrainingCatalogueUseCases({ repo });
  const applications = createTrainingApplicationUseCases({ repo });

  // --- catalogue ---------------------------------------------------------------------------------
  app.get(
    '/trainings',
    {
      schema: {
        tags,
        summary: 'The training catalogue, filtered and paginated',
        querystring: TrainingListQuery,
        response: { 200: TrainingPage },
      },
    },
    async (request) => catalogue.list(actorOf(request), request.query),
  );
  app.get(
    '/trainings/recommended',
    {
      schema: {
        tags,
        summary: 'Courses recommended for me: my grade, my career plan, what I have not taken yet',
        response: { 200: TrainingRecommendations },
      },
    },
    async (request) => catalogue.recommended(actorOf(request)),
  );
  app.get(
    '/trainings/options',
    {
      schema: {
        tags,
        summary: 'What the filters and the course editor offer: grades, job families, bureaus, 年度',
        response: { 200: TrainingOptions },
      },
    },
    async (request) => catalogue.options(actorOf(request)),
  );
  app.post(
    '/trainings',
    {
      schema: {
        tags,
        summary: 'Add a course (HR; a bureau officer for their own bureau’s 部門別研修). Idempotency-Key',
        body: TrainingInput,
        response: { 201: Training },
      },
    },
    async (request, reply) => {
      const result = await catalogue.create(
        actorOf(request),
        request.body,
        requestMeta(request),
        idempotencyKeyOf(request),
      );
      return sendWritten(reply, result);
    },
  );
  app.get(
    '/trainings/:id',
    { schema: { tags, summary: 'One course', params: IdParams, response: { 200: Training } } },
    async (request) => catalogue.get(actorOf(request), request.params.id),
  );
  app.put(
    '/trainings/:id',
    {
      schema: {
        tags,
        summary: 'Edit a course (versioned: a stale version → 409 with the current course)',
        params: IdParams,
        body: TrainingUpdate,
        response: { 200: Training },
      },
    },
    async (request) =>
      catalogue.update(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );
  app.post(
    '/trainings/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Enrol everyone of some grades in a session (mandatory courses). Idempotency-Key',
        params: IdParams,
        body: TrainingAssignmentRequest,
        response: { 200: TrainingAssignmentResult },
      },
    },
    async (request, reply) => {
      const result = await applications.assign(
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
        idempotencyKeyOf(request),
      );
      return sendWritten(reply, result, 200);
    },
  );

  app.post(
    '/trainings/:id/assignments/preview',
    {
      schema: {
        tags,
        summary: 'What an enrolment of some grades would do (head count, seats), without doing it',
        params: IdParams,
        body: TrainingAssignmentRequest,
        response: { 200: TrainingAssignmentPreview },
      },
    },
    async (request) => applications.previewAssignment(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/trainings/:id/assignment-batches',
    {
      schema: {
        tags,
        summary: "The course's bulk enrolments (一括指名), newest first",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: TrainingAssignmentBatchPage },
      },
    },
    async (request) => applications.listAssignmentBatches(actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/training-assignment-batches/:id/undo',
    {
      schema: {
        tags,
        summary:
          'Undo a bulk enrolment: its enrolments nobody acted on are removed, the freed seats go to the waiting list',
        params: IdParams,
        response: { 200: TrainingAssignmentUndoResult },
      },
    },
    async (request) =>
      applications.undoAssignmentBatch(actorOf(request), request.params.id, requestMeta(request)),
  );

  // --- sessions ----------------------------------------------------------------------------------
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

  // --- applications ------------------------------------------------------------------------------
  app.get(
    '/applications',
    {
      schema: {
        tags,
        summary:
          'My applications, or an inbox: my staff’s to approve, reports to confirm, approved ones to accept',
        querystring: TrainingApplicationListQuery,
        response: { 200: TrainingApplicationPage },
      },
    },
    async (request) => applications.list(actorOf(request), request.query),
  );
  app.get(
    '/applications/:id',
    {
      schema: { tags, summary: 'One application', params: IdParams, response: { 200: TrainingApplication } },
    },
    async (request) => applications.get(actorOf(request), request.params.id),
  );
  app.post(
    '/applications/:id/decision',
    {
      schema: {
        tags,
        summary: 'The supervisor approves or declines; then HR or the owning bureau accepts or rejects',
        params: IdParams,
        body: TrainingDecisionRequest,
        response: { 200: TrainingApplication },
      },
    },
    async (request) =>
      applications.decide(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );
  app.post(
    '/training-applications/bulk-decisions',
    {
      schema: {
        tags,
        summary:
          'One decision (approve; accept) for up to 100 applications, each with the version seen: each decided as alone, stale or out-of-scope ones reported. Idempotency-Key',
        body: TrainingBulkDecisionRequest,
        response: { 200: TrainingBulkDecisionResult },
      },
    },
    async (request, reply) => {
      const result = await applications.decideMany(
        actorOf(request),
        request.body,
        requestMeta(request),
        idempotencyKeyOf(request),
      );
      return sendWritten(reply, result, 200);
    },
  );
  app.post(
    '/applications/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw before the deadline; the seat goes to the first on the waiting list',
        params: IdParams,
        body: TrainingWithdrawRequest,
        response: { 200: TrainingApplication },
      },
    },
    async (request) =>
      applications.withdraw(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );
  app.post(
    '/applications/:id/feedback',
    {
      schema: {
        tags,
        summary: 'The survey after the course (once). Idempotency-Key',
        params: IdParams,
        body: TrainingFeedbackRequest,
        response: { 201: TrainingApplication },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await applications.feedback(
            actorOf(request),
            request.params.id,
            request.body,
            requestMeta(request),
            idempotencyKeyOf(request),
          ),
        ),
  );
  app.post(
    '/applications/:id/practice-report',
    {
      schema: {
        tags,
        summary: '職場での実践: what I put into practice after the course (once). Idempotency-Key',
        params: IdParams,
        body: TrainingPracticeReportRequest,
        response: { 201: TrainingApplication },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await applications.practiceReport(
            actorOf(request),
            request.params.id,
            request.body,
            requestMeta(request),
            idempotencyKeyOf(request),
          ),
        ),
  );
  app.post(
    '/applications/:id/practice-report/confirm',
    {
      schema: {
        tags,
        summary: 'The supervisor confirms the practice report, with a comment',
        params: IdParams,
        body: TrainingPracticeConfirmRequest,
        response: { 200: TrainingApplication },
      },
    },
    async (request) =>
      applications.confirmPractice(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );
};
