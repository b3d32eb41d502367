/** Surveys: the question bank (HR) — list, add, change. Thin handlers. */
import {
  SurveyQuestion,
  SurveyQuestionCreate,
  SurveyQuestionPage,
  SurveyQuestionQuery,
  SurveyQuestionUpdate,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import {
  createArgs,
  errors,
  onOne,
  retriedCreate,
  type SurveyRouteOptions,
  tags,
} from './survey.route-schemas.ts';

export const surveyQuestionRoutes: FastifyPluginAsyncZod<SurveyRouteOptions> = async (app, { surveys }) => {
  app.get(
    '/survey-questions',
    {
      schema: {
        tags,
        summary: 'The question bank (HR)',
        querystring: SurveyQuestionQuery,
        response: { 200: SurveyQuestionPage, ...errors },
      },
    },
    async (request) => surveys.listQuestions(actorOf(request), request.query),
  );
  app.post(
    '/survey-questions',
    retriedCreate('Add a question to the bank (HR; Idempotency-Key)', SurveyQuestionCreate, SurveyQuestion),
    async (request, reply) => {
      const r = await surveys.createQuestion(...createArgs(request));
      return reply.code(r.status as 200 | 201).send(r.body);
    },
  );
  app.put(
    '/survey-questions/:id',
    onOne('Edit a question (HR; versioned; kind and choices fixed once a round asked it)', {
      body: SurveyQuestionUpdate,
      response: { 200: SurveyQuestion, ...errors },
    }),
    async (request) =>
      surveys.updateQuestion(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );
};
