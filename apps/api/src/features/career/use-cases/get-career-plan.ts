/** The plan of a 年度 as the reader may see it; the person’s first look at the current 年度 carries their latest earlier plan forward as a draft (decision 005). */
import { allows, assertCareerRecordsVisible } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { write } from '../../../shared/write.ts';
import type { CareerPlanContext } from '../career-plan.context.ts';
import { columnsOf, contentOf, currentFiscalYear } from '../career-plan.shared.ts';

/** The person's first look at the current 年度: their latest earlier plan becomes this year's draft. */
async function carryForward(
  ctx: CareerPlanContext,
  actor: Actor,
  staffId: string,
  fiscalYear: number,
  meta: RequestMeta,
) {
  const { db, repo, keepVersion } = ctx;
  const previous = await repo.latestPlanBefore(db, staffId, fiscalYear);
  if (!previous) return null;
  try {
    await write(db, {
      actorId: actor.staffId,
      meta,
      run: async (tx) => {
        const created = await repo.createPlan(tx, {
          staffId,
          fiscalYear,
          status: 'draft',
          ...columnsOf(contentOf(previous)),
          carriedFromId: previous.id,
        });
        await keepVersion(tx, created.id, actor.staffId);
        return {
          body: null,
          audit: {
            action: 'career_plan.carry_forward',
            entityType: 'career_plan',
            entityId: created.id,
            after: { fiscalYear, carriedFromId: previous.id, carriedFromYear: previous.fiscalYear },
          },
        };
      },
    });
  } catch (e) {
    // Two first looks at once: the other one carried it forward.
    if (!isUniqueViolation(e)) throw e;
  }
  return repo.plan(db, staffId, fiscalYear);
}

export async function getCareerPlan(
  ctx: CareerPlanContext,
  actor: Actor,
  staffId: string,
  fiscalYearInput: number | undefined,
  meta: RequestMeta,
) {
  const { db, repo, view } = ctx;
  await assertCareerRecordsVisible(db, actor, staffId);
  const fiscalYear = fiscalYearInput ?? currentFiscalYear();
  let row = await repo.plan(db, staffId, fiscalYear);
  if (
    !row &&
    actor.staffId === staffId &&
    allows(actor, 'career:write:self') &&
    fiscalYear === currentFiscalYear()
  ) {
    row = await carryForward(ctx, actor, staffId, fiscalYear, meta);
  }
  return view(actor, staffId, fiscalYear, row);
}
