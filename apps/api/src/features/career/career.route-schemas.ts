/** What the career route plugins share: the params, the tag, and the services they call. */
import { z } from 'zod';
import type { CareerHistoryService } from './career-history.service.ts';
import type { CareerPlanUseCases } from './career-plan.use-cases.ts';
import type { SelfDevelopmentService } from './self-development.service.ts';

export const StaffParams = z.object({ id: z.uuid() });
export const RecordParams = z.object({ id: z.uuid(), recordId: z.uuid() });
export const tags = ['career'];

/** The services the career route plugins share (bound once in `career.routes.ts`). */
export type CareerRouteOptions = {
  plans: CareerPlanUseCases;
  selfDev: SelfDevelopmentService;
  history: CareerHistoryService;
};
