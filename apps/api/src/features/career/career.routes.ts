/**
 * Career over HTTP, as route plugins by concern — the plan, the timeline and career path,
 * self-development, "my figures" — registered in this order on one set of services.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { careerRepository } from './career.repository.ts';
import { careerHistoryRoutes } from './career-history.routes.ts';
import { createCareerHistoryService } from './career-history.service.ts';
import { careerPlanRoutes } from './career-plan.routes.ts';
import { createCareerPlanUseCases } from './career-plan.use-cases.ts';
import { myFiguresRoutes } from './my-figures.routes.ts';
import { selfDevelopmentRoutes } from './self-development.routes.ts';
import { createSelfDevelopmentService } from './self-development.service.ts';

export const careerRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = careerRepository;
  const services = {
    plans: createCareerPlanUseCases({ db: app.db, repo }),
    selfDev: createSelfDevelopmentService({ db: app.db, repo }),
    history: createCareerHistoryService({ db: app.db, repo }),
  };
  await app.register(careerPlanRoutes, services);
  await app.register(careerHistoryRoutes, services);
  await app.register(selfDevelopmentRoutes, services);
  await app.register(myFiguresRoutes, services);
};
