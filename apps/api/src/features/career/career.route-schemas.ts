/** What the career route plugins share: the params, the tag, and the use cases they call. */
import { z } from 'zod';
import type { CareerHistoryUseCases } from './career-history.use-cases.ts';
import type { CareerPlanUseCases } from './career-plan.use-cases.ts';
import type { SelfDevelopmentUseCases } from './self-development.use-cases.ts';

export const StaffParams = z.object({ id: z.uuid() });
export const RecordParams = z.object({ id: z.uuid(), recordId: z.uuid() });
export const tags = ['career'];

/** The use cases the career route plugins share (bound once in `career.routes.ts`). */
export type CareerRouteOptions = {
  plans: CareerPlanUseCases;
  selfDev: SelfDevelopmentUseCases;
  history: CareerHistoryUseCases;
};
