/** What the 推進計画's route plugins share: the params, the headers, the error answers, the tag, the use cases. */
import { ProblemDetails } from '@portal/contracts';
import { z } from 'zod';
import type { PlanUseCases } from './plan.use-cases.ts';

export const IdParams = z.object({ id: z.uuid() });
export const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().max(200).optional() });
/** A stale version's 409 carries the current record */
const Conflict = ProblemDetails.extend({ current: z.unknown().optional() });
export const errors = { 400: ProblemDetails, 403: ProblemDetails, 404: ProblemDetails, 409: Conflict };
export const tags = ['plan'];

/** The one set of use cases the plan's route plugins share (bound once in `plan.routes.ts`). */
export type PlanRouteOptions = { plan: PlanUseCases };
