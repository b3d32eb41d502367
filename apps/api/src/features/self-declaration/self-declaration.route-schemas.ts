/** What the 自己申告 route plugins share: the params, the error answers, the tag, and the use cases they call. */
import { ProblemDetails } from '@portal/contracts';
import { z } from 'zod';
import type { SelfDeclarationUseCases } from './self-declaration.use-cases.ts';

export const IdParams = z.object({ id: z.uuid() });
export const DeclarationParams = z.object({ id: z.uuid(), roundId: z.uuid() });
export const errors = { 400: ProblemDetails, 403: ProblemDetails, 404: ProblemDetails };
export const tags = ['self-declaration'];

/** The one set of use cases the feature's route plugins share (bound once in `self-declaration.routes.ts`). */
export type SelfDeclarationRouteOptions = { service: SelfDeclarationUseCases };
