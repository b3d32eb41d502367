/** Every saved version of the plan of a 年度, newest first. */
import { CareerPlanContent, type CareerPlanVersionList } from '@portal/contracts';
import { assertCareerRecordsVisible } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import type { CareerPlanContext } from '../career-plan.context.ts';
import { currentFiscalYear, iso, personRef } from '../career-plan.shared.ts';

export async function careerPlanVersions(
  ctx: CareerPlanContext,
  actor: Actor,
  staffId: string,
  fiscalYearInput: number | undefined,
): Promise<CareerPlanVersionList> {
  const { db, repo, requirePlan } = ctx;
  await assertCareerRecordsVisible(db, actor, staffId);
  const row = await requirePlan(db, staffId, fiscalYearInput ?? currentFiscalYear());
  const versions = await repo.planVersions(db, row.id);
  const people = new Map(
    (
      await repo.people(
        db,
        versions.flatMap((v) => v.savedById ?? []),
      )
    ).map((p) => [p.id, p]),
  );
  return {
    items: versions.map((v) => {
      const parsed = CareerPlanContent.safeParse(v.content);
      const savedBy = v.savedById ? people.get(v.savedById) : undefined;
      return {
        version: v.version,
        status: v.status,
        content: parsed.success ? parsed.data : CareerPlanContent.parse({}),
        savedBy: savedBy ? personRef(savedBy) : null,
        savedAt: iso(v.savedAt),
      };
    }),
  };
}
