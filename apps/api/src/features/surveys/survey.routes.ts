/** Engagement surveys over HTTP: the question bank, rounds, one's own answers, results and rates. */
import {
  MyResponse,
  MyResponsePut,
  MyResponseSubmit,
  PopulationCount,
  ProblemDetails,
  Survey,
  SurveyCreate,
  SurveyExportQuery,
  SurveyPage,
  SurveyPopulationQuery,
  SurveyQuery,
  SurveyQuestion,
  SurveyQuestionCreate,
  SurveyQuestionPage,
  SurveyQuestionQuery,
  SurveyQuestionUpdate,
  SurveyReminderResult,
  SurveyResponseRate,
  SurveyResults,
  SurveyResultsQuery,
  SurveyUpdate,
} from '@portal/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../../shared/idempotency.ts';
import { exportResults } from './survey.export.ts';
import { createSurveyRepository } from './survey.repository.ts';
import { createSurveyUseCases } from './survey.use-cases.ts';

const IdParams = z.object({ id: z.uuid() });
const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().max(200).optional() });
const Conflict = ProblemDetails.extend({ current: z.unknown().optional() });
const errors = { 400: ProblemDetails, 403: ProblemDetails, 404: ProblemDetails, 409: Conflict };
const tags = ['surveys'];

/** The options of a route on one question or round (`:id`): its summary and the rest of its schema. */
function onOne<S extends { response: object }>(summary: string, schema: S) {
  return { schema: { tags, summary, params: IdParams, ...schema } };
}

/** The options of a create a client may retry with its `Idempotency-Key`: 201 first, 200 with the same answer after. */
function retriedCreate<B, R>(summary: string, body: B, record: R) {
  return {
    schema: {
      tags,
      summary,
      headers: IdempotencyHeaders,
      body,
      response: { 200: record, 201: record, ...errors },
    },
  };
}

/** What a create's use case takes from the request: the actor, the body, the `Idempotency-Key`, the request's meta. */
function createArgs(request: FastifyRequest) {
  return [actorOf(request), request.body, idempotencyKeyOf(request), requestMeta(request)] as const;
}

export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = createSurveyRepository();
  const surveys = createSurveyUseCases({ db: app.db, repo });

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

  app.get(
    '/surveys',
    {
      schema: {
        tags,
        summary:
          'Rounds: HR every round; others the rounds open to them (and, with results to read, every open or closed round)',
        querystring: SurveyQuery,
        response: { 200: SurveyPage, ...errors },
      },
    },
    async (request) => surveys.listSurveys(actorOf(request), request.query),
  );
  app.get(
    '/surveys/population-count',
    {
      schema: {
        tags,
        summary:
          'How many people a population (局・区, grades, 若手) holds on the day a round in this window would take it (HR)',
        querystring: SurveyPopulationQuery,
        response: { 200: PopulationCount, ...errors },
      },
    },
    async (request) => surveys.countSurveyPopulation(actorOf(request), request.query),
  );
  app.get('/surveys/:id', onOne('One round', { response: { 200: Survey, ...errors } }), async (request) =>
    surveys.getSurvey(actorOf(request), request.params.id),
  );
  app.post(
    '/surveys',
    retriedCreate('Build a round as a draft (HR; Idempotency-Key)', SurveyCreate, Survey),
    async (request, reply) => {
      const r = await surveys.createSurvey(...createArgs(request));
      return reply.code(r.status as 200 | 201).send(r.body);
    },
  );
  app.put(
    '/surveys/:id',
    onOne('Edit, open or close a round (HR; versioned; k never lowered once open)', {
      body: SurveyUpdate,
      response: { 200: Survey, ...errors },
    }),
    async (request) =>
      surveys.updateSurvey(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.post(
    '/surveys/:id/reminders',
    onOne('Remind those of an open round who have not answered (HR; once a day; never says who)', {
      response: { 200: SurveyReminderResult, ...errors },
    }),
    async (request) => surveys.remind(actorOf(request), request.params.id, requestMeta(request)),
  );

  app.get(
    '/surveys/:id/my-response',
    onOne('My draft (nothing once submitted)', {
      response: { 200: MyResponse, ...errors },
    }),
    async (request) => surveys.myResponse(actorOf(request), request.params.id),
  );
  app.put(
    '/surveys/:id/my-response',
    onOne('Save my draft while the window is open (version 0 for the first save)', {
      body: MyResponsePut,
      response: { 200: MyResponse, ...errors },
    }),
    async (request) => surveys.saveMyResponse(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/surveys/:id/my-response/submit',
    onOne('Submit my draft, once: stored without who gave it', {
      body: MyResponseSubmit,
      response: { 200: MyResponse, ...errors },
    }),
    async (request) => surveys.submit(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/surveys/:id/results',
    onOne('Results by group in the reader’s reach; groups below k and their complements suppressed', {
      querystring: SurveyResultsQuery,
      response: { 200: SurveyResults, ...errors },
    }),
    async (request) => surveys.results(actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/surveys/:id/results/export',
    onOne('The results as CSV (scores by staff image) or Excel (scores and means per question)', {
      querystring: SurveyExportQuery,
      response: errors,
    }),
    async (request, reply) => {
      const { format, lang, ...query } = request.query;
      const r = await surveys.results(actorOf(request), request.params.id, query);
      const file = await exportResults(r, format, lang);
      // A file, not JSON: sent past the response schema as the dashboards' exports are
      return (reply as FastifyReply)
        .header('content-type', file.type)
        .header('content-disposition', `attachment; filename="survey-results.${file.ext}"`)
        .send(file.body);
    },
  );
  app.get(
    '/surveys/:id/response-rate',
    onOne('Eligible and answered counts by group (never who); groups below k suppressed', {
      querystring: SurveyResultsQuery,
      response: { 200: SurveyResponseRate, ...errors },
    }),
    async (request) => surveys.responseRate(actorOf(request), request.params.id, request.query),
  );
};
