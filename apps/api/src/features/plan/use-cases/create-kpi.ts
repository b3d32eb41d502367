/** HR adds a KPI to an item (idempotent). */
import { KpiCreate } from '@portal/contracts';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import type { PlanContext } from '../plan.context.ts';
import type { Json } from '../plan.shared.ts';
import { planWrites } from '../plan-writes.repository.ts';

export async function createKpi(
  ctx: PlanContext,
  actor: Actor,
  itemId: string,
  body: unknown,
  key: string | undefined,
  meta: RequestMeta,
) {
  const { db, repo, kpiOut, kpiSnapshot, checkKpiInput, assertEditable, record } = ctx;
  authorize(actor, 'plan:read:any');
  const item = await repo.item(itemId, db);
  if (!item) throw new NotFoundError('No such plan item.', 'plan_item_not_found');
  assertEditable(actor, item.period);
  const input = KpiCreate.parse(body);
  const metric = input.source === 'computed' ? input.metric : null;
  const metricParams = input.source === 'computed' ? input.metricParams : null;
  const result = await write(db, {
    actorId: actor.staffId,
    idempotency: { operation: `plan.kpi.create:${itemId}`, key: key, body: body },
    run: async (tx) => {
      await checkKpiInput(tx, item.period, { ...input, metric, metricParams });
      const created = await planWrites.createKpi(tx, {
        itemId,
        position: await planWrites.nextKpiPosition(tx, itemId),
        nameJa: input.nameJa,
        nameEn: input.nameEn,
        unit: input.unit,
        baselineFiscalYear: input.baselineFiscalYear,
        baselineValue: input.baselineValue,
        source: input.source,
        metric,
        metricParams: (metricParams ?? undefined) as Json | undefined,
        ownerBureauId: input.ownerBureauId,
        higherIsBetter: input.higherIsBetter,
        maxValue: input.maxValue,
        targets: { createMany: { data: input.targets } },
      });
      const after = await kpiSnapshot(tx, { ...input, metric, metricParams });
      await record(tx, actor, meta, 'plan.kpi.create', {
        periodId: item.periodId,
        itemId,
        entityType: 'kpi',
        entityId: created.id,
        action: 'create',
        after,
      });
      return { status: 201, body: { id: created.id } };
    },
  });
  return { status: result.status, body: await kpiOut(actor, result.body.id) };
}
