/** The person saves their plan of this or the next 年度; every save is kept as a version, a stale one is refused with the current plan. */
import { CareerPlanContent, type CareerPlanSaveData, type CareerPlanView } from '@portal/contracts';
import { assertSelfWrite } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { BadRequestError } from '../../../shared/errors.ts';
import { guardUpdated, refuseStale, write } from '../../../shared/write.ts';
import { loadPolicyCatalog } from '../../policy/policy-links.ts';
import type { CareerPlanContext } from '../career-plan.context.ts';
import { checkContent, columnsOf, contentOf, currentFiscalYear } from '../career-plan.shared.ts';

export async function saveCareerPlan(
  ctx: CareerPlanContext,
  actor: Actor,
  staffId: string,
  fiscalYearInput: number | undefined,
  body: CareerPlanSaveData,
  meta: RequestMeta,
): Promise<CareerPlanView> {
  const { db, repo, currentPlan, keepVersion, stale, view, writableYears } = ctx;
  await assertSelfWrite(db, actor, staffId, 'career:write:self');
  const fiscalYear = fiscalYearInput ?? currentFiscalYear();
  if (!writableYears().includes(fiscalYear)) {
    throw new BadRequestError('Only the plans of this and the next 年度 can be written.', [
      { field: 'query.fiscalYear', message: `one of ${writableYears().join(', ')}` },
    ]);
  }
  const { version, ...rest } = body;
  const content = CareerPlanContent.parse(rest);
  checkContent(await loadPolicyCatalog(db), content);

  try {
    await write(db, {
      actorId: actor.staffId,
      meta,
      what: 'career plan',
      current: () => currentPlan(staffId, fiscalYear),
      run: async (tx) => {
        const existing = await repo.planForVersion(tx, { staffId_fiscalYear: { staffId, fiscalYear } });
        if (!existing) {
          if (version !== 0) refuseStale();
          const created = await repo.createPlan(tx, {
            staffId,
            fiscalYear,
            status: 'draft',
            ...columnsOf(content),
          });
          await keepVersion(tx, created.id, actor.staffId);
          return {
            body: null,
            audit: {
              action: 'career_plan.create',
              entityType: 'career_plan',
              entityId: created.id,
              after: { fiscalYear, ...content },
            },
          };
        }
        guardUpdated(
          await repo.updatePlan(tx, { id: existing.id, version }, { ...columnsOf(content), status: 'draft' }),
        );
        await keepVersion(tx, existing.id, actor.staffId);
        return {
          body: null,
          audit: {
            action: 'career_plan.update',
            entityType: 'career_plan',
            entityId: existing.id,
            before: { version: existing.version, status: existing.status, ...contentOf(existing) },
            after: { version: existing.version + 1, status: 'draft', ...content },
          },
        };
      },
    });
  } catch (e) {
    // the plan was created by another request meanwhile: as stale as a version that moved on
    if (isUniqueViolation(e)) await stale(staffId, fiscalYear);
    throw e;
  }
  return view(actor, staffId, fiscalYear, await repo.plan(db, staffId, fiscalYear));
}
