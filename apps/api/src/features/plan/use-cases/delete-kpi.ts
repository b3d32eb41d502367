/** HR deletes a KPI (versioned). */
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { refuseStale } from '../../../shared/write.ts';
import type { PlanContext } from '../plan.context.ts';
import { planWrites } from '../plan-writes.repository.ts';

export async function deleteKpi(
  ctx: PlanContext,
  actor: Actor,
  id: string,
  version: number,
  meta: RequestMeta,
): Promise<void> {
  const { db, repo, kpiOut, versioned, kpiSnapshot, assertEditable, record } = ctx;
  authorize(actor, 'plan:read:any');
  const found = await repo.kpi(id, db);
  if (!found) throw new NotFoundError('No such KPI.', 'kpi_not_found');
  assertEditable(actor, found.item.period);
  await versioned(
    actor,
    'KPI',
    () => kpiOut(actor, id),
    async (tx) => {
      const b = await kpiSnapshot(tx, found);
      if ((await planWrites.deleteKpi(tx, id, version)) !== 1) refuseStale();
      await record(tx, actor, meta, 'plan.kpi.delete', {
        periodId: found.item.periodId,
        itemId: found.itemId,
        entityType: 'kpi',
        entityId: id,
        action: 'delete',
        before: b,
      });
    },
  );
}
