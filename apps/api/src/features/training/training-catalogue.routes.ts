/**
 * 研修: the course catalogue — the list, what is recommended for me, the editor's options, a course
 * added, read and edited. Thin handlers.
 */
import {
  Training,
  TrainingInput,
  TrainingListQuery,
  TrainingOptions,
  TrainingPage,
  TrainingRecommendations,
  TrainingUpdate,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf, sendWritten } from '../../shared/idempotency.ts';
import { createTrainingRepository } from './training.repository.ts';
import { createTrainingCatalogueUseCases } from './training-catalogue.use-cases.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['training'];

export const trainingCatalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = createTrainingRepository(app.db);
  const catalogue = createTrainingCatalogueUseCases({ repo });

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
};
