/** Surveys: results by group, their export and the response rates, all suppressed below k. Thin handlers. */
import { SurveyExportQuery, SurveyResponseRate, SurveyResults, SurveyResultsQuery } from '@portal/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { exportResults } from './survey.export.ts';
import { errors, onOne, type SurveyRouteOptions } from './survey.route-schemas.ts';

export const surveyResultRoutes: FastifyPluginAsyncZod<SurveyRouteOptions> = async (app, { surveys }) => {
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
