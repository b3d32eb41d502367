/** The grade ladder (職位) and the job families (職種): everyone signed in reads; HR maintains them. */
import {
  GradeCreate,
  GradeItem,
  GradeItemList,
  GradeUpdate,
  JobFamilyCreate,
  JobFamilyItem,
  JobFamilyItemList,
  JobFamilyUpdate,
  MasterDataOrder,
  MasterDataQuery,
  ProblemDetails,
} from '@portal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../../shared/idempotency.ts';

const IdParams = z.object({ id: z.uuid() });
const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().max(200).optional().describe('A retry with the same key creates nothing new'),
});
const Conflict = ProblemDetails.extend({ current: z.unknown().optional() });
const errors = { 400: ProblemDetails, 403: ProblemDetails, 404: ProblemDetails, 409: Conflict };
const tags = ['organisation'];

export const masterDataRoutes: FastifyPluginAsyncZod = async (app) => {
  const org = () => app.services.org;

  app.get(
    '/grades',
    {
      schema: {
        tags,
        summary: 'The grades (職位), low to high; retired ones with includeRetired=true',
        querystring: MasterDataQuery,
        response: { 200: GradeItemList },
      },
    },
    async (request) => org().gradeItems(actorOf(request), request.query),
  );
  app.post(
    '/grades',
    {
      schema: {
        tags,
        summary: 'Add a grade at the top of the ladder (HR; Idempotency-Key)',
        headers: IdempotencyHeaders,
        body: GradeCreate,
        response: { 200: GradeItem, 201: GradeItem, ...errors },
      },
    },
    async (request, reply) => {
      const r = await org().createGrade(
        actorOf(request),
        request.body,
        idempotencyKeyOf(request),
        requestMeta(request),
      );
      return reply.code(r.status).send(r.body);
    },
  );
  app.put(
    '/grades/order',
    {
      schema: {
        tags,
        summary: 'Reorder the whole ladder, low to high (HR; every grade with its version; 409 when stale)',
        body: MasterDataOrder,
        response: { 200: GradeItemList, ...errors },
      },
    },
    async (request) => org().reorderGrades(actorOf(request), request.body, requestMeta(request)),
  );
  app.put(
    '/grades/:id',
    {
      schema: {
        tags,
        summary: 'Rename, mark 管理監督者, retire or restore a grade (HR; versioned)',
        params: IdParams,
        body: GradeUpdate,
        response: { 200: GradeItem, ...errors },
      },
    },
    async (request) =>
      org().updateGrade(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.get(
    '/job-families',
    {
      schema: {
        tags,
        summary: 'The job families (職種) in HR’s order; retired ones with includeRetired=true',
        querystring: MasterDataQuery,
        response: { 200: JobFamilyItemList },
      },
    },
    async (request) => org().jobFamilyItems(actorOf(request), request.query),
  );
  app.post(
    '/job-families',
    {
      schema: {
        tags,
        summary: 'Add a job family at the end of the list (HR; Idempotency-Key)',
        headers: IdempotencyHeaders,
        body: JobFamilyCreate,
        response: { 200: JobFamilyItem, 201: JobFamilyItem, ...errors },
      },
    },
    async (request, reply) => {
      const r = await org().createJobFamily(
        actorOf(request),
        request.body,
        idempotencyKeyOf(request),
        requestMeta(request),
      );
      return reply.code(r.status).send(r.body);
    },
  );
  app.put(
    '/job-families/order',
    {
      schema: {
        tags,
        summary: 'Reorder the job families (HR; every one with its version; 409 when stale)',
        body: MasterDataOrder,
        response: { 200: JobFamilyItemList, ...errors },
      },
    },
    async (request) => org().reorderJobFamilies(actorOf(request), request.body, requestMeta(request)),
  );
  app.put(
    '/job-families/:id',
    {
      schema: {
        tags,
        summary: 'Rename, retire or restore a job family (HR; versioned)',
        params: IdParams,
        body: JobFamilyUpdate,
        response: { 200: JobFamilyItem, ...errors },
      },
    },
    async (request) =>
      org().updateJobFamily(actorOf(request), request.params.id, request.body, requestMeta(request)),
  );
};
