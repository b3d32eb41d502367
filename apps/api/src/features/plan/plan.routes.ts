/** The 人材育成推進計画 over HTTP: periods, items, KPIs, actuals and the history. */
import {
  Kpi,
  KpiActualParams,
  KpiActualPut,
  KpiCreate,
  KpiUpdate,
  PlanDeleteQuery,
  PlanHistoryPage,
  PlanHistoryQuery,
  PlanItem,
  PlanItemCreate,
  PlanItemUpdate,
  PlanPeriodCopy,
  PlanPeriodCreate,
  PlanPeriodDetail,
  PlanPeriodList,
  PlanPeriodListItem,
  PlanPeriodUpdate,
  ProblemDetails,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../../shared/idempotency.ts';
import { createPlanUseCases } from './plan.use-cases.ts';

const IdParams = z.object({ id: z.uuid() });
const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().max(200).optional() });
/** A stale version's 409 carries the current record */
const Conflict = ProblemDetails.extend({ current: z.unknown().optional() });
const errors = { 400: ProblemDetails, 403: ProblemDetails, 404: ProblemDetails, 409: Conflict };

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const plan = createPlanUseCases({ db: app.db });
  const tags = ['plan'];

  app.get(
    '/plan-periods',
    {
      schema: {
        tags,
        summary: '推進計画の期 (HR sees drafts and periods under review too)',
        response: { 200: PlanPeriodList },
      },
    },
    async (request) => plan.listPeriods(actorOf(request)),
  );
  app.get(
    '/plan-periods/:id',
    {
      schema: {
        tags,
        summary: 'One period with its items, KPIs, targets and actuals (a draft is 404 outside HR)',
        params: IdParams,
        response: { 200: PlanPeriodDetail, 404: ProblemDetails },
      },
    },
    async (request) => plan.getPeriod(actorOf(request), request.params.id),
  );
  app.post(
    '/plan-periods',
    {
      schema: {
        tags,
        summary: 'Create a period as a draft (HR)',
        headers: IdempotencyHeaders,
        body: PlanPeriodCreate,
        response: { 200: PlanPeriodListItem, 201: PlanPeriodListItem, ...errors },
      },
    },
    async (request, reply) => {
      const result = await plan.createPeriod(
        actorOf(request),
        request.body,
        idempotencyKeyOf(request),
        requestMeta(request),
      );
      return reply.code(result.status).send(result.body);
    },
  );
  app.put(
    '/plan-periods/:id',
    {
      schema: {
        tags,
        summary: 'Edit a period or move it draft → review → published (HR; versioned)',
        params: IdParams,
        body: PlanPeriodUpdate,
        response: { 200: PlanPeriodListItem, ...errors },
      },
    },
    async (request) =>
      plan.updatePeriod(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );
  app.delete(
    '/plan-periods/:id',
    {
      schema: {
        tags,
        summary: 'Delete a period that is not published (HR; `?version=`)',
        params: IdParams,
        querystring: PlanDeleteQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await plan.deletePeriod(
        actorOf(request),
        request.params.id,
        request.query.version,
        requestMeta(request),
      );
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/plan-periods/:id/copy',
    {
      schema: {
        tags,
        summary: 'Copy a period into the next one as its starting draft (HR)',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: PlanPeriodCopy,
        response: { 200: PlanPeriodListItem, 201: PlanPeriodListItem, ...errors },
      },
    },
    async (request, reply) => {
      const result = await plan.copyPeriod(
        actorOf(request),
        request.params.id,
        request.body,
        idempotencyKeyOf(request),
        requestMeta(request),
      );
      return reply.code(result.status).send(result.body);
    },
  );
  app.post(
    '/plan-periods/:id/items',
    {
      schema: {
        tags,
        summary: 'Add a plan item under an initiative (HR)',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: PlanItemCreate,
        response: { 200: PlanItem, 201: PlanItem, ...errors },
      },
    },
    async (request, reply) => {
      const result = await plan.createItem(
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
    '/plan-items/:id',
    {
      schema: {
        tags,
        summary: 'Edit a plan item: actions, owners, schedule, status (HR; versioned)',
        params: IdParams,
        body: PlanItemUpdate,
        response: { 200: PlanItem, ...errors },
      },
    },
    async (request) =>
      plan.updateItem(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );
  app.delete(
    '/plan-items/:id',
    {
      schema: {
        tags,
        summary: 'Delete a plan item and its KPIs (HR; `?version=`)',
        params: IdParams,
        querystring: PlanDeleteQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await plan.deleteItem(actorOf(request), request.params.id, request.query.version, requestMeta(request));
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/plan-items/:id/history',
    {
      schema: {
        tags,
        summary: 'Every change to the item, its KPIs and actuals: who, when, a field-level diff',
        params: IdParams,
        querystring: PlanHistoryQuery,
        response: { 200: PlanHistoryPage, 404: ProblemDetails },
      },
    },
    async (request) =>
      plan.itemHistory(actorOf(request), request.params.id, request.query.page, request.query.pageSize),
  );
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
