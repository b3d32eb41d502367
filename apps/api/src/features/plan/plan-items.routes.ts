/** 推進計画: the items of a period — add, edit, delete, their history. Thin handlers. */
import {
  PlanDeleteQuery,
  PlanHistoryPage,
  PlanHistoryQuery,
  PlanItem,
  PlanItemCreate,
  PlanItemUpdate,
  ProblemDetails,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../../shared/idempotency.ts';
import { errors, IdempotencyHeaders, IdParams, type PlanRouteOptions, tags } from './plan.route-schemas.ts';

export const planItemRoutes: FastifyPluginAsyncZod<PlanRouteOptions> = async (app, { plan }) => {
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
};
