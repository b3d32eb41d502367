/** Career: the person’s plan of a 年度 — read, save, submit, comment, its versions. Thin handlers. */
import {
  CareerPlan,
  CareerPlanCommentCreate,
  CareerPlanQuery,
  CareerPlanSave,
  CareerPlanSubmit,
  CareerPlanVersionList,
  CareerPlanView,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../../shared/idempotency.ts';
import { type CareerRouteOptions, StaffParams, tags } from './career.route-schemas.ts';

export const careerPlanRoutes: FastifyPluginAsyncZod<CareerRouteOptions> = async (app, { plans }) => {
  app.get(
    '/staff/:id/career-plan',
    {
      schema: {
        tags,
        summary:
          'The career plan of a 年度 (the current one by default); the person’s first look carries last year’s forward',
        params: StaffParams,
        querystring: CareerPlanQuery,
        response: { 200: CareerPlanView },
      },
    },
    async (request) =>
      plans.get(actorOf(request), request.params.id, request.query.fiscalYear, requestMeta(request)),
  );
  app.put(
    '/staff/:id/career-plan',
    {
      schema: {
        tags,
        summary:
          'Save the plan (the person themself); `version` 0 creates it; a stale version is 409 with the current plan',
        params: StaffParams,
        querystring: CareerPlanQuery,
        body: CareerPlanSave,
        response: { 200: CareerPlanView },
      },
    },
    async (request) =>
      plans.save(
        actorOf(request),
        request.params.id,
        request.query.fiscalYear,
        request.body,
        requestMeta(request),
      ),
  );
  app.post(
    '/staff/:id/career-plan/submit',
    {
      schema: {
        tags,
        summary: 'Submit the plan to the supervisor (the person themself)',
        params: StaffParams,
        querystring: CareerPlanQuery,
        body: CareerPlanSubmit,
        response: { 200: CareerPlanView },
      },
    },
    async (request) =>
      plans.submit(
        actorOf(request),
        request.params.id,
        request.query.fiscalYear,
        request.body,
        requestMeta(request),
      ),
  );
  app.post(
    '/staff/:id/career-plan/comments',
    {
      schema: {
        tags,
        summary: 'The supervisor’s comment; `requestsChanges` asks the person for changes',
        params: StaffParams,
        querystring: CareerPlanQuery,
        body: CareerPlanCommentCreate,
        response: { 201: CareerPlan },
      },
    },
    async (request, reply) => {
      const plan = await plans.comment(
        actorOf(request),
        request.params.id,
        request.query.fiscalYear,
        request.body,
        requestMeta(request),
        idempotencyKeyOf(request),
      );
      return reply.status(201).send(plan);
    },
  );
  app.get(
    '/staff/:id/career-plan/versions',
    {
      schema: {
        tags,
        summary: 'Every saved version of the plan of a 年度, newest first',
        params: StaffParams,
        querystring: CareerPlanQuery,
        response: { 200: CareerPlanVersionList },
      },
    },
    async (request) => plans.versions(actorOf(request), request.params.id, request.query.fiscalYear),
  );
};
