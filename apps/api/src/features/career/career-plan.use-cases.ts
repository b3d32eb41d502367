/**
 * キャリアプラン: one per person and 年度. The person writes it (every save is kept as a version; a
 * stale save is refused with the current plan), submits it to their supervisor, who comments or asks
 * for changes. A person's first read of the current 年度 carries their latest earlier plan forward as a
 * draft (docs/decisions/005-career-plan-carry-forward.md).
 * One file per use case under `use-cases/`; this binds them to one context for the routes.
 */
import type { Db } from '../../db/client.ts';
import { bindUseCases } from '../../shared/use-cases.ts';
import type { CareerRepository } from './career.repository.ts';
import { createCareerPlanContext } from './career-plan.context.ts';
import { careerPlanVersions } from './use-cases/career-plan-versions.ts';
import { commentCareerPlan } from './use-cases/comment-career-plan.ts';
import { getCareerPlan } from './use-cases/get-career-plan.ts';
import { saveCareerPlan } from './use-cases/save-career-plan.ts';
import { submitCareerPlan } from './use-cases/submit-career-plan.ts';

export function createCareerPlanUseCases(deps: { db: Db; repo: CareerRepository }) {
  return bindUseCases(createCareerPlanContext(deps), {
    get: getCareerPlan,
    save: saveCareerPlan,
    submit: submitCareerPlan,
    comment: commentCareerPlan,
    versions: careerPlanVersions,
  });
}

export type CareerPlanUseCases = ReturnType<typeof createCareerPlanUseCases>;
