/** Surveys: the rounds — list, the population a window would take, one, create, change, remind. Thin handlers. */
import {
  PopulationCount,
  Survey,
  SurveyCreate,
  SurveyPage,
  SurveyPopulationQuery,
  SurveyQuery,
  SurveyReminderResult,
  SurveyUpdate,
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

export const surveyRoundRoutes: FastifyPluginAsyncZod<SurveyRouteOptions> = async (app, { surveys }) => {
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
};
