/**
 * The career feature's Prisma access: career plans (with their versions and comments), self-development
 * records, and the reads behind the timeline, the career-path ladder and "my figures" — by concern in
 * `career-plans`, `self-development`, `career-timeline` and `career-figures.repository.ts`, composed here.
 * Every function takes the client it runs on: the pool for a read, the write's `tx` inside one.
 */
import type { Db, Tx } from '../../db/client.ts';
import { careerFiguresRepository } from './career-figures.repository.ts';
import { careerPlanRepository } from './career-plans.repository.ts';
import { careerTimelineRepository } from './career-timeline.repository.ts';
import { selfDevelopmentRepository } from './self-development.repository.ts';

export { ACTIVE_APPLICATION } from './career-figures.repository.ts';
export {
  type CareerPlanSelect,
  type PlanRow,
  planSelect,
  planVersionSelect,
} from './career-plans.repository.ts';
export type { TimelineEntry, TimelineFilter } from './career-timeline.repository.ts';
export { type RecordRow, recordSelect, type SelfDevelopmentWhere } from './self-development.repository.ts';

export const careerRepository = {
  /** Names of people. */
  people(client: Db | Tx, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return client.staff.findMany({
      where: { id: { in: [...new Set(ids)] } },
      select: { id: true, nameJa: true, nameEn: true },
    });
  },
  ...careerPlanRepository,
  ...selfDevelopmentRepository,
  ...careerTimelineRepository,
  ...careerFiguresRepository,
};

export type CareerRepository = typeof careerRepository;
