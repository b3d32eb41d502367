/**
 * The career feature's Prisma access: career plans (with their versions and comments), self-development
 * records, and the reads behind the timeline, the career-path ladder and "my figures" — by concern in
 * `career-plans`, `self-development`, `career-timeline` and `career-figures.repository.ts`, composed here.
 */
import type { Db, Tx } from '../../db/client.ts';
import { createCareerFiguresRepository } from './career-figures.repository.ts';
import { createCareerPlanRepository } from './career-plans.repository.ts';
import { createCareerTimelineRepository } from './career-timeline.repository.ts';
import { createSelfDevelopmentRepository } from './self-development.repository.ts';

export { ACTIVE_APPLICATION } from './career-figures.repository.ts';
export {
  type CareerPlanSelect,
  type PlanRow,
  planSelect,
  planVersionSelect,
} from './career-plans.repository.ts';
export type { TimelineEntry, TimelineFilter } from './career-timeline.repository.ts';
export { type RecordRow, recordSelect, type SelfDevelopmentWhere } from './self-development.repository.ts';

export function createCareerRepository(db: Db) {
  return {
    /** Names of people, through `client` (the transaction's, when called inside one). */
    people(client: Db | Tx, ids: string[]) {
      if (!ids.length) return Promise.resolve([]);
      return client.staff.findMany({
        where: { id: { in: [...new Set(ids)] } },
        select: { id: true, nameJa: true, nameEn: true },
      });
    },
    ...createCareerPlanRepository(db),
    ...createSelfDevelopmentRepository(db),
    ...createCareerTimelineRepository(db),
    ...createCareerFiguresRepository(db),
  };
}

export type CareerRepository = ReturnType<typeof createCareerRepository>;
