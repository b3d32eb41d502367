/** Reading the plan periods: the list (drafts for HR only) and one period with its items. */
import type { PlanPeriodDetail, PlanPeriodList } from '@portal/contracts';
import { assertPlanPeriodVisible, authorize } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { PlanContext } from '../plan.context.ts';

export async function listPeriods(ctx: PlanContext, actor: Actor): Promise<PlanPeriodList> {
  const { repo, shapePeriod } = ctx;
  authorize(actor, 'plan:read:any');
  const rows = await repo.periods(
    actor.permissions.has('plan:edit:any')
      ? { policy: { inForce: true } }
      : { policy: { inForce: true }, status: 'published' },
  );
  return { items: rows.map((r) => shapePeriod(r, r)) };
}

export async function getPeriod(ctx: PlanContext, actor: Actor, id: string): Promise<PlanPeriodDetail> {
  const { repo, shapeItems, shapePeriod } = ctx;
  authorize(actor, 'plan:read:any');
  const [row] = await repo.periods({ id });
  if (!row) throw new NotFoundError('No such plan period.', 'plan_period_not_found');
  assertPlanPeriodVisible(actor, row.status);
  const items = await shapeItems(actor, row, await repo.items(id));
  return { ...shapePeriod(row, row), items };
}
