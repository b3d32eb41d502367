/**
 * Engagement surveys over HTTP, as route plugins by concern — the question bank, rounds, one's own
 * answers, results and rates — registered in this order on one set of use cases.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createSurveyRepository } from './survey.repository.ts';
import { createSurveyUseCases } from './survey.use-cases.ts';
import { surveyMyResponseRoutes } from './survey-my-response.routes.ts';
import { surveyQuestionRoutes } from './survey-questions.routes.ts';
import { surveyResultRoutes } from './survey-results.routes.ts';
import { surveyRoundRoutes } from './survey-rounds.routes.ts';

export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = createSurveyRepository();
  const surveys = createSurveyUseCases({ db: app.db, repo });
  await app.register(surveyQuestionRoutes, { surveys });
  await app.register(surveyRoundRoutes, { surveys });
  await app.register(surveyMyResponseRoutes, { surveys });
  await app.register(surveyResultRoutes, { surveys });
};
