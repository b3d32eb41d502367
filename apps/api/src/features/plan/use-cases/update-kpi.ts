/** HR edits a KPI and its targets (versioned). */

import type { Kpi, KpiUpdate } from '@portal/contracts';
import type { z } from 'zod';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { refuseStale } from '../../../shared/write.ts';
import { assertKpiBoundAboveActuals } from '../kpi-range.ts';
import type { PlanContext } from '../plan.context.ts';
import type { Json } from '../plan.shared.ts';
import { planWrites } from '../plan-writes.repository.ts';

export async function updateKpi(
  ctx: PlanContext,
  actor: Actor,
  id: string,
  input: z.output<typeof KpiUpdate>,
  meta: RequestMeta,
): Promise<Kpi> {
  const { db, repo, kpiOut, versioned, kpiSnapshot, checkKpiInput, assertEditable, record } = ctx;
  authorize(actor, 'plan:read:any');
  const found = await repo.kpi(id, db);
  if (!found) throw new NotFoundError('No such KPI.', 'kpi_not_found');
  assertEditable(actor, found.item.period);
  await versioned(
    actor,
    'KPI',
    () => kpiOut(actor, id),
    async (tx) => {
      const before = await repo.kpi(id, tx);
      if (!before) throw new NotFoundError('No such KPI.', 'kpi_not_found');
      if (before.version !== input.version) refuseStale();
      const source = input.source ?? before.source;
      const next = {
        nameJa: input.nameJa ?? before.nameJa,
        nameEn: input.nameEn ?? before.nameEn,
        unit: input.unit ?? before.unit,
        baselineFiscalYear:
          input.baselineFiscalYear !== undefined ? input.baselineFiscalYear : before.baselineFiscalYear,
        baselineValue: input.baselineValue !== undefined ? input.baselineValue : before.baselineValue,
        source,
        metric: source === 'computed' ? (input.metric !== undefined ? input.metric : before.metric) : null,
        metricParams:
          source === 'computed'
            ? input.metricParams !== undefined
              ? input.metricParams
              : before.metricParams
            : null,
        ownerBureauId: input.ownerBureauId !== undefined ? input.ownerBureauId : before.ownerBureauId,
        higherIsBetter: input.higherIsBetter ?? before.higherIsBetter,
        maxValue: input.maxValue !== undefined ? input.maxValue : before.maxValue,
        targets: input.targets ?? before.targets,
      };
      assertKpiBoundAboveActuals(next, before.actuals);
      await checkKpiInput(tx, before.item.period, next);
      const { targets, metricParams, ...fields } = next;
      const updated = await planWrites.updateKpi(tx, id, input.version, {
        ...fields,
        metricParams: metricParams === null ? (null as unknown as Json) : (metricParams as Json),
      });
      if (updated !== 1) refuseStale();
      if (input.targets) await planWrites.replaceKpiTargets(tx, id, targets);
      const b = await kpiSnapshot(tx, before);
      const a = await kpiSnapshot(tx, next);
      await record(tx, actor, meta, 'plan.kpi.update', {
        periodId: before.item.periodId,
        itemId: before.itemId,
        entityType: 'kpi',
        entityId: id,
        action: 'update',
        before: b,
        after: a,
      });
    },
  );
  return kpiOut(actor, id);
}
