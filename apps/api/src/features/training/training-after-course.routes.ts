/**
 * 研修: after the course — the survey, the report of what was put into practice, and the supervisor's
 * confirmation of it. Thin handlers.
 */
import {
  TrainingApplication,
  TrainingFeedbackRequest,
  TrainingPracticeConfirmRequest,
  TrainingPracticeReportRequest,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../../shared/idempotency.ts';
import { createTrainingRepository } from './training.repository.ts';
import { createTrainingApplicationUseCases } from './training-application.use-cases.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['training'];

export const trainingAfterCourseRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = createTrainingRepository(app.db);
  const applications = createTrainingApplicationUseCases({ repo });

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
