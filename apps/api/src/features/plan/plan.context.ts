/** What every use case of the plan works with: the database, the repository, the shaping and the checks. */
import type { Db } from '../../db/client.ts';
import { createPlanChecks } from './plan.checks.ts';
import { createPlanRepository, type PlanRepository } from './plan.repository.ts';
import { createPlanShaping } from './plan.shaping.ts';

export function createPlanContext(deps: { db: Db; plan?: PlanRepository }) {
  const { db } = deps;
  const repo = deps.plan ?? createPlanRepository(db);
  const shaping = createPlanShaping(db, repo);
  return { db, repo, ...shaping, ...createPlanChecks(db, shaping, repo) };
}

export type PlanContext = ReturnType<typeof createPlanContext>;
