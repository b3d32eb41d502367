/** The plan's checks (years, links, editability), snapshots for its history, and its write helpers. */
import { fiscalYearLabelJa, fiscalYearSpanLabel } from '@portal/contracts';
import { assertPlanPeriodVisible, authorize } from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { BadRequestError, ConflictError, type FieldError } from '../../shared/errors.ts';
import { write } from '../../shared/write.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import type { PeriodRow } from './plan.repository.ts';
import type { PlanShaping } from './plan.shaping.ts';
import { asActions, asSchedule } from './plan.shared.ts';
import { type HistoryWrite, type Snapshot, writeHistory } from './plan-history.ts';

export function createPlanChecks(db: Db, shaping: PlanShaping) {
  const { unitMap } = shaping;

  /** A versioned write on the one write path: a stale version is the 409 with `current()`. */
  async function versioned(
    actor: Actor,
    what: string,
    current: () => Promise<unknown>,
    run: (tx: Tx) => Promise<void>,
  ) {
    await write(db, { actorId: actor.staffId, what, current, run: async (tx) => ({ body: await run(tx) }) });
  }

  function periodSnapshot(
    p: Pick<PeriodRow, 'nameJa' | 'nameEn' | 'startFiscalYear' | 'endFiscalYear' | 'status'>,
  ) {
    return {
      nameJa: p.nameJa,
      nameEn: p.nameEn,
      years: fiscalYearSpanLabel(p.startFiscalYear, p.endFiscalYear, 'ja'),
      status: p.status,
    };
  }

  async function itemSnapshot(
    tx: Tx,
    i: {
      initiativeId: string;
      titleJa: string;
      titleEn: string;
      descriptionJa: string;
      descriptionEn: string;
      actions: unknown;
      ownerOrgUnitIds: string[];
      schedule: unknown;
      status: string;
    },
  ): Promise<Snapshot> {
    const [initiative, units] = await Promise.all([
      tx.initiative.findUnique({ where: { id: i.initiativeId }, select: { code: true, titleJa: true } }),
      unitMap(i.ownerOrgUnitIds, tx),
    ]);
    return {
      initiative: initiative ? `${initiative.code} ${initiative.titleJa}` : i.initiativeId,
      titleJa: i.titleJa,
      titleEn: i.titleEn,
      descriptionJa: i.descriptionJa,
      descriptionEn: i.descriptionEn,
      actions: asActions(i.actions).map((a) => ({ textJa: a.textJa, textEn: a.textEn })),
      owners: i.ownerOrgUnitIds.map((id) => units.get(id)?.nameJa ?? id),
      schedule: asSchedule(i.schedule).map((s) => ({
        fiscalYear: s.fiscalYear,
        textJa: s.textJa,
        textEn: s.textEn,
      })),
      status: i.status,
    };
  }

  async function kpiSnapshot(
    tx: Tx,
    k: {
      nameJa: string;
      nameEn: string;
      unit: string;
      baselineFiscalYear: number | null;
      baselineValue: number | null;
      source: string;
      metric: string | null;
      metricParams: unknown;
      ownerBureauId: string | null;
      higherIsBetter: boolean;
      targets: { fiscalYear: number; value: number }[];
    },
  ): Promise<Snapshot> {
    const bureau = k.ownerBureauId ? (await unitMap([k.ownerBureauId], tx)).get(k.ownerBureauId) : undefined;
    return {
      nameJa: k.nameJa,
      nameEn: k.nameEn,
      unit: k.unit,
      baseline:
        k.baselineFiscalYear !== null && k.baselineValue !== null
          ? `${fiscalYearLabelJa(k.baselineFiscalYear)}: ${k.baselineValue}`
          : null,
      source: k.source,
      metric: k.metric,
      metricParams: k.metricParams ? JSON.stringify(k.metricParams) : null,
      ownerBureau: bureau ? bureau.nameJa : null,
      higherIsBetter: k.higherIsBetter,
      targets: [...k.targets]
        .sort((a, b) => a.fiscalYear - b.fiscalYear)
        .map((t) => ({ fiscalYear: t.fiscalYear, value: t.value })),
    };
  }

  // --- validation --------------------------------------------------------------------------------

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
    const overlap = await tx.planPeriod.findFirst({
      where: {
        policyId: policy.id,
        ...(periodId ? { id: { not: periodId } } : {}),
        startFiscalYear: { lte: end },
        endFiscalYear: { gte: start },
      },
      select: { nameJa: true },
    });
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
      const found = await tx.initiative.findFirst({
        where: { id: input.initiativeId, area: { policyId: period.policyId } },
        select: { id: true },
      });
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

  /** 404 unless visible; then 403 unless HR. */
  function assertEditable(actor: Actor, period: { status: PeriodRow['status'] }) {
    assertPlanPeriodVisible(actor, period.status);
    authorize(actor, 'plan:edit:any');
  }

  const audit = (
    tx: Tx,
    actor: Actor,
    meta: RequestMeta,
    action: string,
    entityType: string,
    entityId: string,
    before?: unknown,
    after?: unknown,
  ) => recordAudit(tx, { actorId: actor.staffId, action, entityType, entityId, before, after, meta });

  const AUDITED = { period: 'plan_period', item: 'plan_item', kpi: 'kpi', actual: 'kpi' } as const;

  /** A change kept twice in its transaction: in the plan's history and in the audit log. */
  async function record(
    tx: Tx,
    actor: Actor,
    meta: RequestMeta,
    auditAction: string,
    change: Omit<HistoryWrite, 'actorId'>,
  ) {
    await writeHistory(tx, { ...change, actorId: actor.staffId });
    await audit(
      tx,
      actor,
      meta,
      auditAction,
      AUDITED[change.entityType],
      change.entityId,
      change.before,
      change.after,
    );
  }

  return {
    versioned,
    periodSnapshot,
    itemSnapshot,
    kpiSnapshot,
    checkYears,
    checkItemInput,
    checkKpiInput,
    assertEditable,
    audit,
    record,
  };
}
