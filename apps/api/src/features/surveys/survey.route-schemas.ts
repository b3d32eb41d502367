/** What the survey route plugins share: the params, the error answers, the tag, the options of a route, the use cases. */
import { ProblemDetails } from '@portal/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from '../../shared/idempotency.ts';
import type { SurveyUseCases } from './survey.use-cases.ts';

const IdParams = z.object({ id: z.uuid() });
const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().max(200).optional() });
const Conflict = ProblemDetails.extend({ current: z.unknown().optional() });
export const errors = { 400: ProblemDetails, 403: ProblemDetails, 404: ProblemDetails, 409: Conflict };
export const tags = ['surveys'];

/** The options of a route on one question or round (`:id`): its summary and the rest of its schema. */
export function onOne<S extends { response: object }>(summary: string, schema: S) {
  return { schema: { tags, summary, params: IdParams, ...schema } };
}

/** The options of a create a client may retry with its `Idempotency-Key`: 201 first, 200 with the same answer after. */
export function retriedCreate<B, R>(summary: string, body: B, record: R) {
  return {
    schema: {
      tags,
      summary,
      headers: IdempotencyHeaders,
      body,
      response: { 200: record, 201: record, ...errors },
    },
  };
}

/** What a create's use case takes from the request: the actor, the body, the `Idempotency-Key`, the request's meta. */
export function createArgs(request: FastifyRequest) {
  return [actorOf(request), request.body, idempotencyKeyOf(request), requestMeta(request)] as const;
}

/** The one set of use cases the survey route plugins share (bound once in `survey.routes.ts`). */
export type SurveyRouteOptions = { surveys: SurveyUseCases };
