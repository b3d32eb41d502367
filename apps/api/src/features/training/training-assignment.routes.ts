/**
 * 研修: bulk enrolment (一括指名) of whole grades in a session — its preview, the course's batches, and
 * undoing one. Thin handlers.
 */
import {
  PageQuery,
  TrainingAssignmentBatchPage,
  TrainingAssignmentPreview,
  TrainingAssignmentRequest,
  TrainingAssignmentResult,
  TrainingAssignmentUndoResult,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf, sendWritten } from '../../shared/idempotency.ts';
import { createTrainingRepository } from './training.repository.ts';
import { createTrainingApplicationUseCases } from './training-application.use-cases.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['training'];

export const trainingAssignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = createTrainingRepository(app.db);
  const applications = createTrainingApplicationUseCases({ repo });

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
};
