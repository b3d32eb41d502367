/**
 * 自己申告 over HTTP, as route plugins by concern — rounds, a round's reports, the declarations (with the
 * 配慮事項 apart), the experience map — registered in this order on one set of use cases.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createSelfDeclarationRepository } from './self-declaration.repository.ts';
import { createSelfDeclarationUseCases } from './self-declaration.use-cases.ts';
import { selfDeclarationDeclarationRoutes } from './self-declaration-declarations.routes.ts';
import { selfDeclarationExperienceRoutes } from './self-declaration-experience.routes.ts';
import { selfDeclarationRoundReportRoutes } from './self-declaration-round-reports.routes.ts';
import { selfDeclarationRoundRoutes } from './self-declaration-rounds.routes.ts';

export const selfDeclarationRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = createSelfDeclarationRepository(app.sensitiveKeys);
  const service = createSelfDeclarationUseCases({ db: app.db, repo });
  await app.register(selfDeclarationRoundRoutes, { service });
  await app.register(selfDeclarationRoundReportRoutes, { service });
  await app.register(selfDeclarationDeclarationRoutes, { service });
  await app.register(selfDeclarationExperienceRoutes, { service });
};
