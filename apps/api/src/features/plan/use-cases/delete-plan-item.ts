/** HR deletes an item (versioned). */
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { refuseStale } from '../../../shared/write.ts';
import type { PlanContext } from '../plan.context.ts';
import { planWrites } from '../plan-writes.repository.ts';

export async function deleteItem(
  ctx: PlanContext,
  actor: Actor,
  id: string,
  version: number,
  meta: RequestMeta,
): Promise<void> {
  const { db, repo, itemOut, versioned, itemSnapshot, assertEditable, record } = ctx;
  authorize(actor, 'plan:read:any');
  const found = await repo.item(id, db);
  if (!found) throw new NotFoundError('No such plan item.', 'plan_item_not_found');
  assertEditable(actor, found.period);
  await versioned(
    actor,
    'plan item',
    () => itemOut(actor, id),
    async (tx) => {
      if ((await planWrites.deleteItem(tx, id, version)) !== 1) refuseStale();
      const b = await itemSnapshot(tx, found);
      await record(tx, actor, meta, 'plan.item.delete', {
        periodId: found.periodId,
        itemId: id,
        entityType: 'item',
        entityId: id,
        action: 'delete',
        before: b,
      });
    },
  );
}
