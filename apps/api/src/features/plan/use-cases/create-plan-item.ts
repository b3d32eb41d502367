/** HR adds an item to a period (idempotent). */
import { PlanItemCreate } from '@portal/contracts';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { idempotent } from '../../../shared/idempotency.ts';
import type { PlanContext } from '../plan.context.ts';
import type { Json } from '../plan.shared.ts';
import { writeHistory } from '../plan-history.ts';

export async function createItem(
  ctx: PlanContext,
  actor: Actor,
  periodId: string,
  body: unknown,
  key: string | undefined,
  meta: RequestMeta,
) {
  const { db, repo, itemOut, itemSnapshot, checkItemInput, assertEditable, audit } = ctx;
  authorize(actor, 'plan:read:any');
  const period = await repo.period(periodId, db);
  if (!period) throw new NotFoundError('No such plan period.', 'plan_period_not_found');
  assertEditable(actor, period);
  const input = PlanItemCreate.parse(body);
  const result = await idempotent(
    db,
    { actorId: actor.staffId, scope: `plan.item.create:${periodId}`, key, body },
    async (tx) => {
      await checkItemInput(tx, period, input);
      const last = await tx.planItem.aggregate({
        where: { periodId, initiativeId: input.initiativeId },
        _max: { position: true },
      });
      const created = await tx.planItem.create({
        data: {
          periodId,
          initiativeId: input.initiativeId,
          position: (last._max.position ?? 0) + 1,
          titleJa: input.titleJa,
          titleEn: input.titleEn,
          descriptionJa: input.descriptionJa,
          descriptionEn: input.descriptionEn,
          actions: input.actions as Json,
          ownerOrgUnitIds: [...new Set(input.ownerOrgUnitIds)],
          schedule: input.schedule as Json,
          status: input.status,
        },
        select: { id: true },
      });
      const after = await itemSnapshot(tx, {
        ...input,
        ownerOrgUnitIds: [...new Set(input.ownerOrgUnitIds)],
      });
      await writeHistory(tx, {
        periodId,
        itemId: created.id,
        entityType: 'item',
        entityId: created.id,
        action: 'create',
        actorId: actor.staffId,
        after,
      });
      await audit(tx, actor, meta, 'plan.item.create', 'plan_item', created.id, undefined, after);
      return { status: 201, body: { id: created.id } };
    },
  );
  return { status: result.status, body: await itemOut(actor, result.body.id) };
}
