/**
 * 研修: applications and their decisions — my list and the inboxes, one application, a decision alone or
 * for many at once, withdrawal. Thin handlers.
 */
import {
  TrainingApplication,
  TrainingApplicationListQuery,
  TrainingApplicationPage,
  TrainingBulkDecisionRequest,
  TrainingBulkDecisionResult,
  TrainingDecisionRequest,
  TrainingWithdrawRequest,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf, sendWritten } from '../../shared/idempotency.ts';
import { createTrainingRepository } from './training.repository.ts';
import { createTrainingApplicationUseCases } from './training-application.use-cases.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['training'];

export const trainingApplicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = createTrainingRepository(app.db);
  const applications = createTrainingApplicationUseCases({ repo });

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
};
