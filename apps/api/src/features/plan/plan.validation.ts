/** The plan's checks of input: a period's years, an item's links and schedule, a KPI's fields (400/409). */
import type { KpiMetricParams } from '@portal/contracts';
import type { Db, Tx } from '../../db/client.ts';
import { BadRequestError, ConflictError, type FieldError } from '../../shared/errors.ts';
import { surveyMetricParamErrors } from '../surveys/survey-kpi.ts';
import type { PeriodRow, PlanRepository } from './plan.repository.ts';
import type { PlanShaping } from './plan.shaping.ts';

export function createPlanValidation(shaping: PlanShaping, repo: PlanRepository) {
  const { unitMap } = shaping;

  async function checkYears(
    start: number,
    end: number,
    periodId: string | null,
    policy: { id: string; startFiscalYear: number; endFiscalYear: number },
    tx: Db | Tx,
  ) {
    const errors: FieldError[] = [];
    if (start < policy.startFiscalYear || start > policy.endFiscalYear) {
      errors.push({ field: 'body.startFiscalYear', message: 'outside the policy’s 取組期間' });
    }
    if (end < start) errors.push({ field: 'body.endFiscalYear', message: 'before the start' });
    else if (end - start + 1 < 3 || end - start + 1 > 4) {
      errors.push({ field: 'body.endFiscalYear', message: 'a period runs 3–4 年度' });
    } else if (end > policy.endFiscalYear) {
      errors.push({ field: 'body.endFiscalYear', message: 'outside the policy’s 取組期間' });
    }
    if (errors.length) throw new BadRequestError('The period’s years are not valid.', errors);
    const overlap = await repo.overlappingPeriod(policy.id, periodId, start, end, tx);
    if (overlap) {
      throw new ConflictError(`The years overlap ${overlap.nameJa}.`, 'plan_period_overlap');
    }
  }

  async function checkItemInput(
    tx: Tx,
    period: PeriodRow,
    input: { initiativeId?: string; ownerOrgUnitIds?: string[]; schedule?: { fiscalYear: number }[] },
  ) {
    const errors: FieldError[] = [];
    if (input.initiativeId) {
      const found = await repo.initiativeOfPolicy(input.initiativeId, period.policyId, tx);
      if (!found) errors.push({ field: 'body.initiativeId', message: 'not an initiative of the policy' });
    }
    if (input.ownerOrgUnitIds?.length) {
      const units = await unitMap(input.ownerOrgUnitIds, tx);
      input.ownerOrgUnitIds.forEach((id, i) => {
        if (!units.has(id)) errors.push({ field: `body.ownerOrgUnitIds.${i}`, message: 'no such org unit' });
      });
    }
    input.schedule?.forEach((s, i) => {
      if (s.fiscalYear < period.startFiscalYear || s.fiscalYear > period.endFiscalYear) {
        errors.push({ field: `body.schedule.${i}.fiscalYear`, message: 'outside the period' });
      }
    });
    if (errors.length) throw new BadRequestError('Some fields are not valid.', errors);
  }

  async function checkKpiInput(
    tx: Tx,
    period: PeriodRow,
    k: {
      source: 'computed' | 'entered';
      metric: string | null;
      metricParams?: unknown;
      ownerBureauId: string | null;
      baselineFiscalYear: number | null;
      baselineValue: number | null;
      targets: { fiscalYear: number }[];
    },
  ) {
    const errors: FieldError[] = [];
    if (k.source === 'computed' && !k.metric) {
      errors.push({ field: 'body.metric', message: 'a computed KPI names its metric' });
    }
    if (k.source === 'computed') {
      errors.push(
        ...(await surveyMetricParamErrors(tx, k.metric, (k.metricParams ?? null) as KpiMetricParams | null)),
      );
    }
    if ((k.baselineFiscalYear === null) !== (k.baselineValue === null)) {
      errors.push({ field: 'body.baselineValue', message: 'give the baseline’s year and value together' });
    }
    if (k.ownerBureauId) {
      const unit = (await unitMap([k.ownerBureauId], tx)).get(k.ownerBureauId);
      if (!unit || (unit.kind !== 'bureau' && unit.kind !== 'ward')) {
        errors.push({ field: 'body.ownerBureauId', message: 'not a 局・区' });
      }
    }
    const seen = new Set<number>();
    k.targets.forEach((t, i) => {
      if (t.fiscalYear < period.startFiscalYear || t.fiscalYear > period.endFiscalYear) {
        errors.push({ field: `body.targets.${i}.fiscalYear`, message: 'outside the period' });
      } else if (seen.has(t.fiscalYear)) {
        errors.push({ field: `body.targets.${i}.fiscalYear`, message: 'given twice' });
      }
      seen.add(t.fiscalYear);
    });
    if (errors.length) throw new BadRequestError('Some fields are not valid.', errors);
  }

  return { checkYears, checkItemInput, checkKpiInput };
}
