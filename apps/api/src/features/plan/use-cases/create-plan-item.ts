/** HR adds an item to a period (idempotent). */
import { PlanItemCreate } from '@portal/contracts';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import type { PlanContext } from '../plan.context.ts';
import type { Json } from '../plan.shared.ts';
import { planWrites } from '../plan-writes.repository.ts';

export async function createItem(
  ctx: PlanContext,
  actor: Actor,
  periodId: string,
  body: unknown,
  key: string | undefined,
  meta: RequestMeta,
) {
  const { db, repo, itemOut, itemSnapshot, checkItemInput, assertEditable, record } = ctx;
  authorize(actor, 'plan:read:any');
  const period = await repo.period(periodId, db);
  if (!period) throw new NotFoundError('No such plan period.', 'plan_period_not_found');
  assertEditable(actor, period);
  const input = PlanItemCreate.parse(body);
  const result = await write(db, {
    actorId: actor.staffId,
    idempotency: { operation: `plan.item.create:${periodId}`, key: key, body: body },
    run: async (tx) => {
      await checkItemInput(tx, period, input);
      const created = await planWrites.createItem(tx, {
        periodId,
        initiativeId: input.initiativeId,
        position: await planWrites.nextItemPosition(tx, periodId, input.initiativeId),
        titleJa: input.titleJa,
        titleEn: input.titleEn,
        descriptionJa: input.descriptionJa,
        descriptionEn: input.descriptionEn,
        actions: input.actions as Json,
        ownerOrgUnitIds: [...new Set(input.ownerOrgUnitIds)],
        schedule: input.schedule as Json,
        status: input.status,
      });
      const after = await itemSnapshot(tx, {
        ...input,
        ownerOrgUnitIds: [...new Set(input.ownerOrgUnitIds)],
      });
      await record(tx, actor, meta, 'plan.item.create', {
        periodId,
        itemId: created.id,
        entityType: 'item',
        entityId: created.id,
        action: 'create',
        after,
      });
      return { status: 201, body: { id: created.id } };
    },
  });
  return { status: result.status, body: await itemOut(actor, result.body.id) };
}
