/** 推進計画: the periods — list, one, create, edit or move, delete, copy into the next. Thin handlers. */
import {
  PlanDeleteQuery,
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
import { errors, IdempotencyHeaders, IdParams, type PlanRouteOptions, tags } from './plan.route-schemas.ts';

export const planPeriodRoutes: FastifyPluginAsyncZod<PlanRouteOptions> = async (app, { plan }) => {
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
};
