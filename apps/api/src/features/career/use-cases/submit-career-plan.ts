/** The person submits their plan to their supervisors, who are told. */
import type { CareerPlanSubmit, CareerPlanView } from '@portal/contracts';
import { assertSelfWrite } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { BadRequestError, ConflictError } from '../../../shared/errors.ts';
import { guardUpdated, write } from '../../../shared/write.ts';
import { tellSupervisors } from '../../notifications/tell.ts';
import type { CareerPlanContext } from '../career-plan.context.ts';
import { currentFiscalYear } from '../career-plan.shared.ts';

export async function submitCareerPlan(
  ctx: CareerPlanContext,
  actor: Actor,
  staffId: string,
  fiscalYearInput: number | undefined,
  body: CareerPlanSubmit,
  meta: RequestMeta,
): Promise<CareerPlanView> {
  const { db, repo, currentPlan, keepVersion, requirePlan, stale, toPlan, view } = ctx;
  await assertSelfWrite(db, actor, staffId, 'career:write:self');
  const fiscalYear = fiscalYearInput ?? currentFiscalYear();
  const row = await requirePlan(db, staffId, fiscalYear);
  if (row.version !== body.version) await stale(staffId, fiscalYear);
  if (row.status === 'submitted') {
    throw new ConflictError('The plan is already submitted.', 'already_submitted', await toPlan(db, row));
  }
  if (!row.shortTermGoal && !row.midTermGoal && !row.longTermGoal) {
    throw new BadRequestError('Write at least one goal before submitting.', [
      { field: 'plan.shortTermGoal', message: 'write at least one goal' },
    ]);
  }
  await write(db, {
    actorId: actor.staffId,
    meta,
    what: 'career plan',
    current: () => currentPlan(staffId, fiscalYear),
    run: async (tx) => {
      guardUpdated(
        await repo.updatePlan(
          tx,
          { id: row.id, version: body.version, status: { not: 'submitted' } },
          { status: 'submitted', submittedAt: new Date() },
        ),
      );
      await keepVersion(tx, row.id, actor.staffId);
      await tellSupervisors(tx, staffId, {
        kind: 'career.plan.submitted',
        link: `/staff/${staffId}/career#plan`,
        params: { fiscalYear },
        by: actor.staffId,
      });
      return {
        body: null,
        audit: {
          action: 'career_plan.submit',
          entityType: 'career_plan',
          entityId: row.id,
          before: { version: row.version, status: row.status },
          after: { version: row.version + 1, status: 'submitted' },
        },
      };
    },
  });
  return view(actor, staffId, fiscalYear, await repo.plan(db, staffId, fiscalYear));
}
