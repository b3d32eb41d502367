/** HR edits an item (versioned). */
import type { PlanItem, PlanItemUpdate } from '@portal/contracts';
import type { z } from 'zod';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { refuseStale } from '../../../shared/write.ts';
import type { PlanContext } from '../plan.context.ts';
import type { Json } from '../plan.shared.ts';
import { planWrites } from '../plan-writes.repository.ts';

export async function updateItem(
  ctx: PlanContext,
  actor: Actor,
  id: string,
  input: z.output<typeof PlanItemUpdate>,
  meta: RequestMeta,
): Promise<PlanItem> {
  const { db, repo, itemOut, versioned, itemSnapshot, checkItemInput, assertEditable, record } = ctx;
  authorize(actor, 'plan:read:any');
  const found = await repo.item(id, db);
  if (!found) throw new NotFoundError('No such plan item.', 'plan_item_not_found');
  assertEditable(actor, found.period);
  await versioned(
    actor,
    'plan item',
    () => itemOut(actor, id),
    async (tx) => {
      const before = await repo.item(id, tx);
      if (!before) throw new NotFoundError('No such plan item.', 'plan_item_not_found');
      if (before.version !== input.version) refuseStale();
      await checkItemInput(tx, before.period, input);
      const next = {
        initiativeId: input.initiativeId ?? before.initiativeId,
        titleJa: input.titleJa ?? before.titleJa,
        titleEn: input.titleEn ?? before.titleEn,
        descriptionJa: input.descriptionJa ?? before.descriptionJa,
        descriptionEn: input.descriptionEn ?? before.descriptionEn,
        actions: (input.actions ?? before.actions) as Json,
        ownerOrgUnitIds: input.ownerOrgUnitIds ? [...new Set(input.ownerOrgUnitIds)] : before.ownerOrgUnitIds,
        schedule: (input.schedule ?? before.schedule) as Json,
        status: input.status ?? before.status,
        position: input.position ?? before.position,
      };
      if ((await planWrites.updateItem(tx, id, input.version, next)) !== 1) refuseStale();
      const b = await itemSnapshot(tx, before);
      const a = await itemSnapshot(tx, next);
      await record(tx, actor, meta, 'plan.item.update', {
        periodId: before.periodId,
        itemId: id,
        entityType: 'item',
        entityId: id,
        action: 'update',
        before: b,
        after: a,
      });
    },
  );
  return itemOut(actor, id);
}
