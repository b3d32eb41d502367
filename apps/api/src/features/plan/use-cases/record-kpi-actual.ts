/** HR, or the KPI's own 局・区, records a year's actual (versioned). */
import type { Kpi, KpiActualPut } from '@portal/contracts';
import type { z } from 'zod';
import { assertPlanPeriodVisible, authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { BadRequestError, NotFoundError } from '../../../shared/errors.ts';
import { refuseStale } from '../../../shared/write.ts';
import { assertKpiValueInRange } from '../kpi-range.ts';
import type { PlanContext } from '../plan.context.ts';
import { currentFiscalYear } from '../plan.shared.ts';
import { writeHistory } from '../plan-history.ts';
import { planWrites } from '../plan-writes.repository.ts';

/** A year's actual: HR, or an officer of the KPI's owning 局・区. Versioned per 年度. */
export async function putActual(
  ctx: PlanContext,
  actor: Actor,
  id: string,
  fiscalYear: number,
  input: z.output<typeof KpiActualPut>,
  meta: RequestMeta,
): Promise<Kpi> {
  const { db, repo, kpiOut, versioned, audit } = ctx;
  authorize(actor, 'plan:read:any');
  const kpi = await repo.kpi(id, db);
  if (!kpi) throw new NotFoundError('No such KPI.', 'kpi_not_found');
  assertPlanPeriodVisible(actor, kpi.item.period.status);
  authorize(
    actor,
    ['plan:edit:any', 'kpi:actual:bureau'],
    { bureau: kpi.ownerBureauId },
    {
      message: 'Only HR and the KPI’s own 局・区 enter its actuals.',
      code: 'forbidden',
    },
  );
  if (kpi.source === 'computed') {
    throw new BadRequestError('This KPI is computed from the portal’s data.', [
      { field: 'params.id', message: 'a computed KPI takes no entered actuals' },
    ]);
  }
  const period = kpi.item.period;
  if (
    fiscalYear < period.startFiscalYear ||
    fiscalYear > period.endFiscalYear ||
    fiscalYear > currentFiscalYear()
  ) {
    throw new BadRequestError('No actual can be entered for this 年度.', [
      { field: 'params.fiscalYear', message: 'outside the period’s years so far' },
    ]);
  }
  assertKpiValueInRange(kpi, input.value);
  const value = input.value;
  const note = input.note ?? '';
  const version = input.version ?? 0;
  await versioned(
    actor,
    'actual',
    () => kpiOut(actor, id),
    async (tx) => {
      const current = await planWrites.kpiActual(tx, id, fiscalYear);
      if (!current) {
        if (version !== 0) refuseStale();
        try {
          await planWrites.createKpiActual(tx, {
            kpiId: id,
            fiscalYear,
            value,
            note,
            enteredById: actor.staffId,
          });
        } catch (e) {
          // another first entry of this 年度 got there first
          if (isUniqueViolation(e)) refuseStale();
          throw e;
        }
      } else {
        if (current.version !== version) refuseStale();
        const updated = await planWrites.updateKpiActual(
          tx,
          { kpiId: id, fiscalYear, version },
          { value, note, enteredById: actor.staffId },
        );
        if (updated !== 1) refuseStale();
      }
      const subject = { kpiNameJa: kpi.nameJa, kpiNameEn: kpi.nameEn, fiscalYear };
      const b = current ? { ...subject, value: current.value, note: current.note } : null;
      const a = { ...subject, value, note };
      await writeHistory(tx, {
        periodId: kpi.item.periodId,
        itemId: kpi.itemId,
        entityType: 'actual',
        entityId: `${id}:${fiscalYear}`,
        action: current ? 'update' : 'create',
        actorId: actor.staffId,
        before: b,
        after: a,
      });
      await audit(tx, actor, meta, 'plan.kpi.actual', 'kpi', id, b, a);
    },
  );
  return kpiOut(actor, id);
}
