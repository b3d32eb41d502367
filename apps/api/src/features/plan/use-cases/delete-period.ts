/** HR deletes a period that is not published (versioned). */
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { ConflictError, NotFoundError } from '../../../shared/errors.ts';
import { refuseStale } from '../../../shared/write.ts';
import type { PlanContext } from '../plan.context.ts';
import { planWrites } from '../plan-writes.repository.ts';

export async function deletePeriod(
  ctx: PlanContext,
  actor: Actor,
  id: string,
  version: number,
  meta: RequestMeta,
): Promise<void> {
  const { db, repo, periodSummary, versioned, periodSnapshot, assertEditable, record } = ctx;
  authorize(actor, 'plan:read:any');
  const period = await repo.period(id, db);
  if (!period) throw new NotFoundError('No such plan period.', 'plan_period_not_found');
  assertEditable(actor, period);
  if (period.status === 'published') {
    throw new ConflictError(
      'A published period is kept; only drafts can be deleted.',
      'plan_period_published',
    );
  }
  await versioned(
    actor,
    'plan period',
    () => periodSummary(id),
    async (tx) => {
      if ((await planWrites.deletePeriod(tx, id, version)) !== 1) refuseStale();
      const b = periodSnapshot(period);
      await record(tx, actor, meta, 'plan.period.delete', {
        periodId: id,
        itemId: null,
        entityType: 'period',
        entityId: id,
        action: 'delete',
        before: b,
      });
    },
  );
}
