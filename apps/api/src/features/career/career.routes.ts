/**
 * Career over HTTP, as route plugins by concern — the plan, the timeline and career path,
 * self-development, "my figures" — registered in this order on one set of services.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { careerRepository } from './career.repository.ts';
import { careerHistoryRoutes } from './career-history.routes.ts';
import { createCareerHistoryUseCases } from './career-history.use-cases.ts';
import { careerPlanRoutes } from './career-plan.routes.ts';
import { createCareerPlanUseCases } from './career-plan.use-cases.ts';
import { myFiguresRoutes } from './my-figures.routes.ts';
import { selfDevelopmentRoutes } from './self-development.routes.ts';
import { createSelfDevelopmentUseCases } from './self-development.use-cases.ts';

export const careerRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.db, repo: careerRepository };
  const services = {
    plans: createCareerPlanUseCases(deps),
    selfDev: createSelfDevelopmentUseCases(deps),
    history: createCareerHistoryUseCases(deps),
  };
  await app.register(careerPlanRoutes, services);
  await app.register(careerHistoryRoutes, services);
  await app.register(selfDevelopmentRoutes, services);
  await app.register(myFiguresRoutes, services);
};
