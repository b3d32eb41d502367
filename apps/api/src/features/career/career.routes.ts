import {
  CareerPath,
  CareerPlan,
  CareerPlanCommentCreate,
  CareerPlanQuery,
  CareerPlanSave,
  CareerPlanSubmit,
  CareerPlanVersionList,
  CareerPlanView,
  MyDashboard,
  SelfDevelopmentCreate,
  SelfDevelopmentDeleteQuery,
  SelfDevelopmentPage,
  SelfDevelopmentQuery,
  SelfDevelopmentRecord,
  SelfDevelopmentUpdate,
  SupportDecisionCreate,
  TimelinePage,
  TimelineQuery,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../../shared/idempotency.ts';
import { createCareerRepository } from './career.repository.ts';
import { createCareerHistoryService } from './career-history.service.ts';
import { createCareerPlanService } from './career-plan.service.ts';
import { createSelfDevelopmentService } from './self-development.service.ts';

const StaffParams = z.object({ id: z.uuid() });
const RecordParams = z.object({ id: z.uuid(), recordId: z.uuid() });
const tags = ['career'];

/** Career plans, timeline, self-development, the career path and "my figures". */
export const careerRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = createCareerRepository(app.db);
  const plans = createCareerPlanService({ db: app.db, repo });
  const selfDev = createSelfDevelopmentService({ db: app.db, repo });
  const history = createCareerHistoryService({ db: app.db, repo });

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

  app.get(
    '/staff/:id/timeline',
    {
      schema: {
        tags,
        summary:
          'The person’s history, newest first: assignments, training, OJT, self-development, qualifications',
        params: StaffParams,
        querystring: TimelineQuery,
        response: { 200: TimelinePage },
      },
    },
    async (request) => history.timeline(actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/staff/:id/career-path',
    {
      schema: {
        tags,
        summary: 'Where the person stands on the grade ladder, with the grade-based courses of each step',
        params: StaffParams,
        response: { 200: CareerPath },
      },
    },
    async (request) => history.careerPath(actorOf(request), request.params.id),
  );

  app.get(
    '/staff/:id/self-development',
    {
      schema: {
        tags,
        summary: 'Self-development records (自己啓発), paginated',
        params: StaffParams,
        querystring: SelfDevelopmentQuery,
        response: { 200: SelfDevelopmentPage },
      },
    },
    async (request) => selfDev.list(actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/staff/:id/self-development',
    {
      schema: {
        tags,
        summary: 'Record self-development (the person themself), optionally asking for support',
        params: StaffParams,
        body: SelfDevelopmentCreate,
        response: { 201: SelfDevelopmentRecord },
      },
    },
    async (request, reply) => {
      const result = await selfDev.create(
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
        idempotencyKeyOf(request),
      );
      return reply.status(201).send(result.body);
    },
  );
  app.put(
    '/staff/:id/self-development/:recordId',
    {
      schema: {
        tags,
        summary: 'Edit a record (the person themself), with its version',
        params: RecordParams,
        body: SelfDevelopmentUpdate,
        response: { 200: SelfDevelopmentRecord },
      },
    },
    async (request) =>
      selfDev.update(
        actorOf(request),
        request.params.id,
        request.params.recordId,
        request.body,
        requestMeta(request),
      ),
  );
  app.delete(
    '/staff/:id/self-development/:recordId',
    {
      schema: {
        tags,
        summary: 'Delete a record (the person themself), with its version; approved support is kept',
        params: RecordParams,
        querystring: SelfDevelopmentDeleteQuery,
      },
    },
    async (request, reply) => {
      await selfDev.remove(
        actorOf(request),
        request.params.id,
        request.params.recordId,
        request.query.version,
        requestMeta(request),
      );
      return reply.status(204).send();
    },
  );
  app.post(
    '/staff/:id/self-development/:recordId/decision',
    {
      schema: {
        tags,
        summary: 'The supervisor approves or declines (with a reason) a support request, with its version',
        params: RecordParams,
        body: SupportDecisionCreate,
        response: { 200: SelfDevelopmentRecord },
      },
    },
    async (request) =>
      selfDev.decide(
        actorOf(request),
        request.params.id,
        request.params.recordId,
        request.body,
        requestMeta(request),
      ),
  );

  app.get(
    '/dashboards/me',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'My own figures this 年度: OJT received, career plan, self-development, training',
        response: { 200: MyDashboard },
      },
    },
    async (request) => history.myDashboard(actorOf(request)),
  );
};
