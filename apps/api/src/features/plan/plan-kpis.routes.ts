/** 推進計画: an item's KPIs — add, edit, delete, and a 年度's actual. Thin handlers. */
import { Kpi, KpiActualParams, KpiActualPut, KpiCreate, KpiUpdate, PlanDeleteQuery } from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../../shared/idempotency.ts';
import { errors, IdempotencyHeaders, IdParams, type PlanRouteOptions, tags } from './plan.route-schemas.ts';

export const planKpiRoutes: FastifyPluginAsyncZod<PlanRouteOptions> = async (app, { plan }) => {
  app.post(
    '/plan-items/:id/kpis',
    {
      schema: {
        tags,
        summary: 'Add a KPI to an item, with its targets per 年度 (HR)',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: KpiCreate,
        response: { 200: Kpi, 201: Kpi, ...errors },
      },
    },
    async (request, reply) => {
      const result = await plan.createKpi(
        actorOf(request),
        request.params.id,
        request.body,
        idempotencyKeyOf(request),
        requestMeta(request),
      );
      return reply.code(result.status).send(result.body);
    },
  );
  app.put(
    '/kpis/:id',
    {
      schema: {
        tags,
        summary: 'Edit a KPI and its targets (HR; versioned)',
        params: IdParams,
        body: KpiUpdate,
        response: { 200: Kpi, ...errors },
      },
    },
    async (request) =>
      plan.updateKpi(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );
  app.delete(
    '/kpis/:id',
    {
      schema: {
        tags,
        summary: 'Delete a KPI (HR; `?version=`)',
        params: IdParams,
        querystring: PlanDeleteQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await plan.deleteKpi(actorOf(request), request.params.id, request.query.version, requestMeta(request));
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/kpis/:id/actuals/:fiscalYear',
    {
      schema: {
        tags,
        summary: 'Record a 年度’s actual (HR; the owning 局・区 for its own KPIs; versioned)',
        params: KpiActualParams,
        body: KpiActualPut,
        response: { 200: Kpi, ...errors },
      },
    },
    async (request) =>
      plan.putActual(
        actorOf(request),
        request.params.id,
        request.params.fiscalYear,
        request.body,
        requestMeta(request),
      ),
  );
};
