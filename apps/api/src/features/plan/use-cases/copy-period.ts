/** HR starts the next period from one: items and KPIs copied, baselines from the last actuals (idempotent). */
import { randomUUID } from 'node:crypto';
import type { PlanPeriodCopy } from '@portal/contracts';
import type { z } from 'zod';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import type { PlanContext } from '../plan.context.ts';
import type { KpiNew, PlanHistoryNew, PlanItemNew } from '../plan.repository.ts';
import { asSchedule, type Json } from '../plan.shared.ts';
import { writeHistory } from '../plan-history.ts';
import { planWrites } from '../plan-writes.repository.ts';

/** The next period's starting draft: items, actions, owners and KPIs; baselines from the last actuals. */
export async function copyPeriod(
  ctx: PlanContext,
  actor: Actor,
  id: string,
  input: z.output<typeof PlanPeriodCopy>,
  key: string | undefined,
  meta: RequestMeta,
) {
  const { db, repo, periodSummary, periodSnapshot, checkYears, assertEditable, audit } = ctx;
  authorize(actor, 'plan:read:any');
  const source = await repo.period(id, db);
  if (!source) throw new NotFoundError('No such plan period.', 'plan_period_not_found');
  assertEditable(actor, source);
  const policy = await repo.policyInForce(db);
  if (!policy) throw new NotFoundError('No policy is in force.', 'policy_not_found');
  const span = source.endFiscalYear - source.startFiscalYear;
  const start = input.startFiscalYear ?? source.endFiscalYear + 1;
  const end = input.endFiscalYear ?? Math.min(start + span, policy.endFiscalYear);
  const result = await write(db, {
    actorId: actor.staffId,
    idempotency: { operation: `plan.period.copy:${id}`, key: key, body: input },
    run: async (tx) => {
      await checkYears(start, end, null, policy, tx);
      const ordinal = await planWrites.nextPeriodOrdinal(tx, policy.id);
      const created = await planWrites.createPeriod(tx, {
        policyId: policy.id,
        ordinal,
        nameJa: input.nameJa ?? `第${ordinal}期 人材育成推進計画`,
        nameEn: input.nameEn ?? `Promotion Plan, period ${ordinal}`,
        startFiscalYear: start,
        endFiscalYear: end,
        copiedFromId: source.id,
      });
      const items = await planWrites.itemsToCopy(tx, id);
      const shift = start - source.startFiscalYear;
      const itemRows: PlanItemNew[] = [];
      const kpiRows: KpiNew[] = [];
      const history: PlanHistoryNew[] = [];
      for (const item of items) {
        const itemId = randomUUID();
        const schedule = asSchedule(item.schedule)
          .map((s) => ({ ...s, fiscalYear: s.fiscalYear + shift }))
          .filter((s) => s.fiscalYear >= start && s.fiscalYear <= end);
        itemRows.push({
          id: itemId,
          periodId: created.id,
          initiativeId: item.initiativeId,
          position: item.position,
          titleJa: item.titleJa,
          titleEn: item.titleEn,
          descriptionJa: item.descriptionJa,
          descriptionEn: item.descriptionEn,
          actions: item.actions as Json,
          ownerOrgUnitIds: item.ownerOrgUnitIds,
          schedule: schedule as Json,
        });
        history.push({
          periodId: created.id,
          itemId,
          entityType: 'item',
          entityId: itemId,
          action: 'copy',
          actorId: actor.staffId,
          after: { copiedFrom: source.nameJa, titleJa: item.titleJa } as Json,
        });
        for (const k of item.kpis) {
          const lastActual = k.actuals[0];
          kpiRows.push({
            id: randomUUID(),
            itemId,
            position: k.position,
            nameJa: k.nameJa,
            nameEn: k.nameEn,
            unit: k.unit,
            baselineFiscalYear: lastActual ? lastActual.fiscalYear : k.baselineFiscalYear,
            baselineValue: lastActual ? lastActual.value : k.baselineValue,
            source: k.source,
            metric: k.metric,
            metricParams: (k.metricParams ?? undefined) as Json | undefined,
            ownerBureauId: k.ownerBureauId,
            higherIsBetter: k.higherIsBetter,
            maxValue: k.maxValue,
          });
        }
      }
      await planWrites.createCopies(tx, { items: itemRows, kpis: kpiRows, history });
      const after = {
        ...periodSnapshot(created),
        copiedFrom: source.nameJa,
        items: String(itemRows.length),
        kpis: String(kpiRows.length),
      };
      await writeHistory(tx, {
        periodId: created.id,
        itemId: null,
        entityType: 'period',
        entityId: created.id,
        action: 'copy',
        actorId: actor.staffId,
        after,
      });
      await audit(
        tx,
        actor,
        meta,
        'plan.period.copy',
        'plan_period',
        created.id,
        { copiedFrom: source.id },
        after,
      );
      return { status: 201, body: { id: created.id } };
    },
  });
  return { status: result.status, body: await periodSummary(result.body.id) };
}
