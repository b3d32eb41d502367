/**
 * The 人材育成推進計画 over HTTP, as route plugins by concern — periods, items (with their history), KPIs
 * and actuals — registered in this order on one set of use cases.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createPlanUseCases } from './plan.use-cases.ts';
import { planItemRoutes } from './plan-items.routes.ts';
import { planKpiRoutes } from './plan-kpis.routes.ts';
import { planPeriodRoutes } from './plan-periods.routes.ts';

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const plan = createPlanUseCases({ db: app.db });
  await app.register(planPeriodRoutes, { plan });
  await app.register(planItemRoutes, { plan });
  await app.register(planKpiRoutes, { plan });
};
