/**
 * The 人材育成推進計画: HR keeps the periods, their items and KPIs; the owning bureau enters its own KPIs'
 * actuals. Periods go draft → review → published (only published ones are seen outside HR and used by
 * the dashboards). Every write is versioned (stale → 409 with the current record), audited, and kept
 * in the plan's history with readable before/after snapshots, in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import {
  fiscalYearLabelJa,
  fiscalYearOf,
  fiscalYearSpanLabel,
  type Kpi,
  type KpiActualPut,
  KpiCreate,
  type KpiMetric,
  type KpiMetricParams,
  type KpiUpdate,
  type OrgUnitRef,
  type PlanHistoryPage,
  type PlanItem,
  PlanItemCreate,
  type PlanItemUpdate,
  type PlanPeriodCopy,
  PlanPeriodCreate,
  type PlanPeriodDetail,
  type PlanPeriodList,
  type PlanPeriodListItem,
  type PlanPeriodUpdate,
} from '@portal/contracts';
import type { z } from 'zod';
import { assertPlanPeriodVisible, authorize, canEnterKpiActual, today } from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { InputJson } from '../../db/json.ts';
import { BadRequestError, ConflictError, type FieldError, NotFoundError } from '../../shared/errors.ts';
import { idempotent } from '../../shared/idempotency.ts';
import { refuseStale, write } from '../../shared/write.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { evaluateMetrics } from './kpi-metrics.ts';
import { assertKpiValueInRange } from './kpi-range.ts';
import type { KpiNew, PlanHistoryNew, PlanItemNew } from './plan.repository.ts';
import {
  createPlanRepository,
  type ItemRow,
  type KpiRow,
  type PeriodRow,
  type PlanRepository,
} from './plan.repository.ts';
import { diffSnapshots, type Snapshot, subjectOf, writeHistory } from './plan-history.ts';

type UnitRow = Awaited<ReturnType<PlanRepository['units']>>[number];
const ref = (u: UnitRow): OrgUnitRef => ({
  id: u.id,
  code: u.code,
  kind: u.kind,
  name: { ja: u.nameJa, en: u.nameEn },
});
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const currentFiscalYear = () => fiscalYearOf(today().toISOString().slice(0, 10));

type Json = InputJson;
type ActionJson = { textJa: string; textEn: string };
type ScheduleJson = { fiscalYear: number; textJa: string; textEn: string };

const asActions = (v: unknown): ActionJson[] => (Array.isArray(v) ? (v as ActionJson[]) : []);
const asSchedule = (v: unknown): ScheduleJson[] => (Array.isArray(v) ? (v as ScheduleJson[]) : []);

export function createPlanService(deps: { db: Db; plan?: PlanRepository }) {
  const { db } = deps;
  const repo = deps.plan ?? createPlanRepository(db);

  /** A versioned write on the one write path: a stale version is the 409 with `current()`. */
  async function versioned(
    actor: Actor,
    what: string,
    current: () => Promise<unknown>,
    run: (tx: Tx) => Promise<void>,
  ) {
    await write(db, { actorId: actor.staffId, what, current, run: async (tx) => ({ body: await run(tx) }) });
  }

  // --- shaping ---------------------------------------------------------------------------------

  async function unitMap(ids: string[], tx: Db | Tx = db) {
    return new Map((await repo.units([...new Set(ids)], tx)).map((u) => [u.id, u]));
  }

  /** Items with their KPIs in the contract's shape; computed actuals worked out for the years so far. */
  async function shapeItems(actor: Actor, period: PeriodRow, rows: ItemRow[]): Promise<PlanItem[]> {
    const kpis = rows.flatMap((r) => r.kpis);
    const units = await unitMap([
      ...rows.flatMap((r) => r.ownerOrgUnitIds),
      ...kpis.flatMap((k) => (k.ownerBureauId ? [k.ownerBureauId] : [])),
    ]);
    const enteredBy = new Map(
      (
        await repo.staffNames([
          ...new Set(kpis.flatMap((k) => k.actuals.flatMap((a) => a.enteredById ?? []))),
        ])
      ).map((s) => [s.id, s]),
    );
    const lastYear = Math.min(period.endFiscalYear, currentFiscalYear());
    const years: number[] = [];
    for (let fy = period.startFiscalYear; fy <= lastYear; fy++) years.push(fy);
    const computed = await evaluateMetrics(
      db,
      kpis
        .filter((k) => k.source === 'computed' && k.metric)
        .map((k) => ({
          kpiId: k.id,
          metric: k.metric as KpiMetric,
          params: (k.metricParams as KpiMetricParams | null) ?? null,
          fiscalYears: years,
        })),
    );
    const shapeKpi = (k: KpiRow): Kpi => {
      const bureau = k.ownerBureauId ? units.get(k.ownerBureauId) : undefined;
      const values = computed.get(k.id);
      return {
        id: k.id,
        itemId: k.itemId,
        position: k.position,
        name: { ja: k.nameJa, en: k.nameEn || k.nameJa },
        unit: k.unit,
        baseline:
          k.baselineFiscalYear !== null && k.baselineValue !== null
            ? { fiscalYear: k.baselineFiscalYear, value: k.baselineValue }
            : null,
        source: k.source,
        metric: (k.metric as KpiMetric | null) ?? null,
        metricParams: (k.metricParams as KpiMetricParams | null) ?? null,
        ownerBureau: bureau ? ref(bureau) : null,
        higherIsBetter: k.higherIsBetter,
        targets: k.targets,
        actuals:
          k.source === 'computed'
            ? years.map((fy) => ({
                fiscalYear: fy,
                value: values?.get(fy) ?? null,
                note: '',
                origin: 'computed' as const,
                enteredBy: null,
                updatedAt: null,
                version: 0,
              }))
            : k.actuals.map((a) => {
                const who = a.enteredById ? enteredBy.get(a.enteredById) : undefined;
                return {
                  fiscalYear: a.fiscalYear,
                  value: a.value,
                  note: a.note,
                  origin: 'entered' as const,
                  enteredBy: who ? { id: who.id, name: who.nameJa, nameEn: who.nameEn } : null,
                  updatedAt: a.updatedAt.toISOString(),
                  version: a.version,
                };
              }),
        canEnterActuals: k.source === 'entered' && canEnterKpiActual(actor, k),
        version: k.version,
      };
    };
    return rows.map((r) => ({
      id: r.id,
      periodId: r.periodId,
      initiativeId: r.initiativeId,
      position: r.position,
      title: { ja: r.titleJa, en: r.titleEn || r.titleJa },
      description: { ja: r.descriptionJa, en: r.descriptionEn || r.descriptionJa },
      actions: asActions(r.actions),
      owners: r.ownerOrgUnitIds.flatMap((id) => {
        const u = units.get(id);
        return u ? [ref(u)] : [];
      }),
      schedule: asSchedule(r.schedule),
      status: r.status,
      kpis: r.kpis.map(shapeKpi),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    }));
  }

  function shapePeriod(p: PeriodRow, counts: { itemCount: number; kpiCount: number }): PlanPeriodListItem {
    return {
      id: p.id,
      ordinal: p.ordinal,
      name: { ja: p.nameJa, en: p.nameEn || p.nameJa },
      startFiscalYear: p.startFiscalYear,
      endFiscalYear: p.endFiscalYear,
      status: p.status,
      publishedAt: iso(p.publishedAt),
      copiedFromId: p.copiedFromId,
      itemCount: counts.itemCount,
      kpiCount: counts.kpiCount,
      updatedAt: p.updatedAt.toISOString(),
      version: p.version,
    };
  }

  async function periodSummary(id: string): Promise<PlanPeriodListItem> {
    const [row] = await repo.periods({ id });
    if (!row) throw new NotFoundError('No such plan period.', 'plan_period_not_found');
    return shapePeriod(row, row);
  }

  async function itemOut(actor: Actor, id: string): Promise<PlanItem> {
    const row = await repo.item(id, db);
    if (!row) throw new NotFoundError('No such plan item.', 'plan_item_not_found');
    const [item] = await shapeItems(actor, row.period, [row]);
    return item as PlanItem;
  }

  async function kpiOut(actor: Actor, id: string): Promise<Kpi> {
    const row = await repo.kpi(id, db);
    if (!row) throw new NotFoundError('No such KPI.', 'kpi_not_found');
    const item = await itemOut(actor, row.itemId);
    return item.kpis.find((k) => k.id === id) as Kpi;
  }

  // --- snapshots for the history ---------------------------------------------------------------

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

  // --- use cases ---------------------------------------------------------------------------------

  return {
    async listPeriods(actor: Actor): Promise<PlanPeriodList> {
      authorize(actor, 'plan:read:any');
      const rows = await repo.periods(
        actor.permissions.has('plan:edit:any')
          ? { policy: { inForce: true } }
          : { policy: { inForce: true }, status: 'published' },
      );
      return { items: rows.map((r) => shapePeriod(r, r)) };
    },

    async getPeriod(actor: Actor, id: string): Promise<PlanPeriodDetail> {
      authorize(actor, 'plan:read:any');
      const [row] = await repo.periods({ id });
      if (!row) throw new NotFoundError('No such plan period.', 'plan_period_not_found');
      assertPlanPeriodVisible(actor, row.status);
      const items = await shapeItems(actor, row, await repo.items(id));
      return { ...shapePeriod(row, row), items };
    },

    async createPeriod(actor: Actor, body: unknown, key: string | undefined, meta: RequestMeta) {
      authorize(actor, 'plan:edit:any');
      const input = PlanPeriodCreate.parse(body);
      const policy = await repo.policyInForce(db);
      if (!policy) throw new NotFoundError('No policy is in force.', 'policy_not_found');
      const result = await idempotent(
        db,
        { actorId: actor.staffId, scope: 'plan.period.create', key, body },
        async (tx) => {
          await checkYears(input.startFiscalYear, input.endFiscalYear, null, policy, tx);
          const last = await tx.planPeriod.aggregate({
            where: { policyId: policy.id },
            _max: { ordinal: true },
          });
          const created = await tx.planPeriod.create({
            data: {
              policyId: policy.id,
              ordinal: (last._max.ordinal ?? 0) + 1,
              nameJa: input.nameJa,
              nameEn: input.nameEn,
              startFiscalYear: input.startFiscalYear,
              endFiscalYear: input.endFiscalYear,
            },
            select: { id: true },
          });
          const after = periodSnapshot({ ...input, status: 'draft' });
          await writeHistory(tx, {
            periodId: created.id,
            itemId: null,
            entityType: 'period',
            entityId: created.id,
            action: 'create',
            actorId: actor.staffId,
            after,
          });
          await audit(tx, actor, meta, 'plan.period.create', 'plan_period', created.id, undefined, after);
          return { status: 201, body: { id: created.id } };
        },
      );
      return { status: result.status, body: await periodSummary(result.body.id) };
    },

    async updatePeriod(
      actor: Actor,
      id: string,
      input: z.output<typeof PlanPeriodUpdate>,
      meta: RequestMeta,
    ): Promise<PlanPeriodListItem> {
      authorize(actor, 'plan:read:any');
      const period = await repo.period(id, db);
      if (!period) throw new NotFoundError('No such plan period.', 'plan_period_not_found');
      assertEditable(actor, period);
      await versioned(
        actor,
        'plan period',
        () => periodSummary(id),
        async (tx) => {
          const before = await repo.period(id, tx);
          if (!before) throw new NotFoundError('No such plan period.', 'plan_period_not_found');
          if (before.version !== input.version) refuseStale();
          const start = input.startFiscalYear ?? before.startFiscalYear;
          const end = input.endFiscalYear ?? before.endFiscalYear;
          const yearsChanged = start !== before.startFiscalYear || end !== before.endFiscalYear;
          if (yearsChanged) {
            if (before.status === 'published') {
              throw new ConflictError('A published period keeps its years.', 'plan_period_published');
            }
            const policy = await repo.policyInForce(tx);
            if (policy) await checkYears(start, end, id, policy, tx);
          }
          const status = input.status ?? before.status;
          if (status !== before.status) {
            const allowed: Record<string, string[]> = {
              draft: ['review'],
              review: ['draft', 'published'],
              published: [],
            };
            if (!allowed[before.status]?.includes(status)) {
              throw new ConflictError(
                `A ${before.status} period cannot become ${status}.`,
                'invalid_transition',
              );
            }
          }
          const data = {
            nameJa: input.nameJa ?? before.nameJa,
            nameEn: input.nameEn ?? before.nameEn,
            startFiscalYear: start,
            endFiscalYear: end,
            status,
          };
          const updated = await tx.planPeriod.updateMany({
            where: { id, version: input.version },
            data: {
              ...data,
              ...(status === 'published' && before.status !== 'published' ? { publishedAt: new Date() } : {}),
              version: { increment: 1 },
            },
          });
          if (updated.count !== 1) refuseStale();
          const b = periodSnapshot(before);
          const a = periodSnapshot(data);
          await writeHistory(tx, {
            periodId: id,
            itemId: null,
            entityType: 'period',
            entityId: id,
            action: status !== before.status ? 'status' : 'update',
            actorId: actor.staffId,
            before: b,
            after: a,
          });
          await audit(
            tx,
            actor,
            meta,
            status !== before.status ? `plan.period.${status}` : 'plan.period.update',
            'plan_period',
            id,
            b,
            a,
          );
        },
      );
      return periodSummary(id);
    },

    async deletePeriod(actor: Actor, id: string, version: number, meta: RequestMeta): Promise<void> {
      authorize(actor, 'plan:read:any');
      const period = await repo.period(id, db);
      if (!period) throw new NotFoundError('No such plan period.', 'plan_period_not_found');
      assertEditable(actor, period);
      if (period.status === 'published') {
        throw new ConflictError(
          'A published period is kept; only drafts can be deleted.',
          'plan_period_published',
        );
      }
      await versioned(
        actor,
        'plan period',
        () => periodSummary(id),
        async (tx) => {
          const gone = await tx.planPeriod.deleteMany({
            where: { id, version, status: { not: 'published' } },
          });
          if (gone.count !== 1) refuseStale();
          const b = periodSnapshot(period);
          await writeHistory(tx, {
            periodId: id,
            itemId: null,
            entityType: 'period',
            entityId: id,
            action: 'delete',
            actorId: actor.staffId,
            before: b,
          });
          await audit(tx, actor, meta, 'plan.period.delete', 'plan_period', id, b);
        },
      );
    },

    /** The next period's starting draft: items, actions, owners and KPIs; baselines from the last actuals. */
    async copyPeriod(
      actor: Actor,
      id: string,
      input: z.output<typeof PlanPeriodCopy>,
      key: string | undefined,
      meta: RequestMeta,
    ) {
      authorize(actor, 'plan:read:any');
      const source = await repo.period(id, db);
      if (!source) throw new NotFoundError('No such plan period.', 'plan_period_not_found');
      assertEditable(actor, source);
      const policy = await repo.policyInForce(db);
      if (!policy) throw new NotFoundError('No policy is in force.', 'policy_not_found');
      const span = source.endFiscalYear - source.startFiscalYear;
      const start = input.startFiscalYear ?? source.endFiscalYear + 1;
      const end = input.endFiscalYear ?? Math.min(start + span, policy.endFiscalYear);
      const result = await idempotent(
        db,
        { actorId: actor.staffId, scope: `plan.period.copy:${id}`, key, body: input },
        async (tx) => {
          await checkYears(start, end, null, policy, tx);
          const last = await tx.planPeriod.aggregate({
            where: { policyId: policy.id },
            _max: { ordinal: true },
          });
          const ordinal = (last._max.ordinal ?? 0) + 1;
          const created = await tx.planPeriod.create({
            data: {
              policyId: policy.id,
              ordinal,
              nameJa: input.nameJa ?? `第${ordinal}期 人材育成推進計画`,
              nameEn: input.nameEn ?? `Promotion Plan, period ${ordinal}`,
              startFiscalYear: start,
              endFiscalYear: end,
              copiedFromId: source.id,
            },
            select: {
              id: true,
              nameJa: true,
              nameEn: true,
              startFiscalYear: true,
              endFiscalYear: true,
              status: true,
            },
          });
          const items = await tx.planItem.findMany({
            where: { periodId: id },
            orderBy: { position: 'asc' },
            select: {
              initiativeId: true,
              position: true,
              titleJa: true,
              titleEn: true,
              descriptionJa: true,
              descriptionEn: true,
              actions: true,
              ownerOrgUnitIds: true,
              schedule: true,
              kpis: {
                orderBy: { position: 'asc' },
                select: {
                  position: true,
                  nameJa: true,
                  nameEn: true,
                  unit: true,
                  baselineFiscalYear: true,
                  baselineValue: true,
                  source: true,
                  metric: true,
                  metricParams: true,
                  ownerBureauId: true,
                  higherIsBetter: true,
                  actuals: {
                    orderBy: { fiscalYear: 'desc' },
                    take: 1,
                    select: { fiscalYear: true, value: true },
                  },
                },
              },
            },
          });
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
              });
            }
          }
          if (itemRows.length) await tx.planItem.createMany({ data: itemRows });
          if (kpiRows.length) await tx.kpi.createMany({ data: kpiRows });
          if (history.length) await tx.planHistory.createMany({ data: history });
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
      );
      return { status: result.status, body: await periodSummary(result.body.id) };
    },

    async createItem(
      actor: Actor,
      periodId: string,
      body: unknown,
      key: string | undefined,
      meta: RequestMeta,
    ) {
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
    },

    async updateItem(
      actor: Actor,
      id: string,
      input: z.output<typeof PlanItemUpdate>,
      meta: RequestMeta,
    ): Promise<PlanItem> {
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
            ownerOrgUnitIds: input.ownerOrgUnitIds
              ? [...new Set(input.ownerOrgUnitIds)]
              : before.ownerOrgUnitIds,
            schedule: (input.schedule ?? before.schedule) as Json,
            status: input.status ?? before.status,
            position: input.position ?? before.position,
          };
          const updated = await tx.planItem.updateMany({
            where: { id, version: input.version },
            data: { ...next, version: { increment: 1 } },
          });
          if (updated.count !== 1) refuseStale();
          const b = await itemSnapshot(tx, before);
          const a = await itemSnapshot(tx, next);
          await writeHistory(tx, {
            periodId: before.periodId,
            itemId: id,
            entityType: 'item',
            entityId: id,
            action: 'update',
            actorId: actor.staffId,
            before: b,
            after: a,
          });
          await audit(tx, actor, meta, 'plan.item.update', 'plan_item', id, b, a);
        },
      );
      return itemOut(actor, id);
    },

    async deleteItem(actor: Actor, id: string, version: number, meta: RequestMeta): Promise<void> {
      authorize(actor, 'plan:read:any');
      const found = await repo.item(id, db);
      if (!found) throw new NotFoundError('No such plan item.', 'plan_item_not_found');
      assertEditable(actor, found.period);
      await versioned(
        actor,
        'plan item',
        () => itemOut(actor, id),
        async (tx) => {
          const gone = await tx.planItem.deleteMany({ where: { id, version } });
          if (gone.count !== 1) refuseStale();
          const b = await itemSnapshot(tx, found);
          await writeHistory(tx, {
            periodId: found.periodId,
            itemId: id,
            entityType: 'item',
            entityId: id,
            action: 'delete',
            actorId: actor.staffId,
            before: b,
          });
          await audit(tx, actor, meta, 'plan.item.delete', 'plan_item', id, b);
        },
      );
    },

    async itemHistory(actor: Actor, id: string, page: number, pageSize: number): Promise<PlanHistoryPage> {
      authorize(actor, 'plan:read:any');
      const found = await repo.item(id, db);
      if (!found) throw new NotFoundError('No such plan item.', 'plan_item_not_found');
      assertPlanPeriodVisible(actor, found.period.status);
      const [rows, total] = await repo.history(id, page, pageSize);
      const actors = new Map(
        (await repo.staffNames([...new Set(rows.flatMap((r) => r.actorId ?? []))])).map((s) => [s.id, s]),
      );
      return {
        items: rows.map((r) => {
          const before = (r.before as Snapshot | null) ?? null;
          const after = (r.after as Snapshot | null) ?? null;
          const who = r.actorId ? actors.get(r.actorId) : undefined;
          return {
            id: String(r.id),
            at: r.at.toISOString(),
            actor: who ? { id: who.id, name: who.nameJa, nameEn: who.nameEn } : null,
            entityType: r.entityType,
            entityId: r.entityId,
            action: r.action,
            subject: subjectOf(r.entityType, before, after),
            changes: diffSnapshots(before, after),
          };
        }),
        page,
        pageSize,
        total,
      };
    },

    async createKpi(actor: Actor, itemId: string, body: unknown, key: string | undefined, meta: RequestMeta) {
      authorize(actor, 'plan:read:any');
      const item = await repo.item(itemId, db);
      if (!item) throw new NotFoundError('No such plan item.', 'plan_item_not_found');
      assertEditable(actor, item.period);
      const input = KpiCreate.parse(body);
      const metric = input.source === 'computed' ? input.metric : null;
      const metricParams = input.source === 'computed' ? input.metricParams : null;
      const result = await idempotent(
        db,
        { actorId: actor.staffId, scope: `plan.kpi.create:${itemId}`, key, body },
        async (tx) => {
          await checkKpiInput(tx, item.period, { ...input, metric });
          const last = await tx.kpi.aggregate({ where: { itemId }, _max: { position: true } });
          const created = await tx.kpi.create({
            data: {
              itemId,
              position: (last._max.position ?? 0) + 1,
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
              targets: { createMany: { data: input.targets } },
            },
            select: { id: true },
          });
          const after = await kpiSnapshot(tx, { ...input, metric, metricParams });
          await writeHistory(tx, {
            periodId: item.periodId,
            itemId,
            entityType: 'kpi',
            entityId: created.id,
            action: 'create',
            actorId: actor.staffId,
            after,
          });
          await audit(tx, actor, meta, 'plan.kpi.create', 'kpi', created.id, undefined, after);
          return { status: 201, body: { id: created.id } };
        },
      );
      return { status: result.status, body: await kpiOut(actor, result.body.id) };
    },

    async updateKpi(
      actor: Actor,
      id: string,
      input: z.output<typeof KpiUpdate>,
      meta: RequestMeta,
    ): Promise<Kpi> {
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
            metric:
              source === 'computed' ? (input.metric !== undefined ? input.metric : before.metric) : null,
            metricParams:
              source === 'computed'
                ? input.metricParams !== undefined
                  ? input.metricParams
                  : before.metricParams
                : null,
            ownerBureauId: input.ownerBureauId !== undefined ? input.ownerBureauId : before.ownerBureauId,
            higherIsBetter: input.higherIsBetter ?? before.higherIsBetter,
            targets: input.targets ?? before.targets,
          };
          await checkKpiInput(tx, before.item.period, next);
          const { targets, metricParams, ...fields } = next;
          const updated = await tx.kpi.updateMany({
            where: { id, version: input.version },
            data: {
              ...fields,
              metricParams: metricParams === null ? (null as unknown as Json) : (metricParams as Json),
              version: { increment: 1 },
            },
          });
          if (updated.count !== 1) refuseStale();
          if (input.targets) {
            await tx.kpiTarget.deleteMany({ where: { kpiId: id } });
            if (targets.length)
              await tx.kpiTarget.createMany({ data: targets.map((t) => ({ kpiId: id, ...t })) });
          }
          const b = await kpiSnapshot(tx, before);
          const a = await kpiSnapshot(tx, next);
          await writeHistory(tx, {
            periodId: before.item.periodId,
            itemId: before.itemId,
            entityType: 'kpi',
            entityId: id,
            action: 'update',
            actorId: actor.staffId,
            before: b,
            after: a,
          });
          await audit(tx, actor, meta, 'plan.kpi.update', 'kpi', id, b, a);
        },
      );
      return kpiOut(actor, id);
    },

    async deleteKpi(actor: Actor, id: string, version: number, meta: RequestMeta): Promise<void> {
      authorize(actor, 'plan:read:any');
      const found = await repo.kpi(id, db);
      if (!found) throw new NotFoundError('No such KPI.', 'kpi_not_found');
      assertEditable(actor, found.item.period);
      await versioned(
        actor,
        'KPI',
        () => kpiOut(actor, id),
        async (tx) => {
          const b = await kpiSnapshot(tx, found);
          const gone = await tx.kpi.deleteMany({ where: { id, version } });
          if (gone.count !== 1) refuseStale();
          await writeHistory(tx, {
            periodId: found.item.periodId,
            itemId: found.itemId,
            entityType: 'kpi',
            entityId: id,
            action: 'delete',
            actorId: actor.staffId,
            before: b,
          });
          await audit(tx, actor, meta, 'plan.kpi.delete', 'kpi', id, b);
        },
      );
    },

    /** A year's actual: HR, or an officer of the KPI's owning 局・区. Versioned per 年度. */
    async putActual(
      actor: Actor,
      id: string,
      fiscalYear: number,
      input: z.output<typeof KpiActualPut>,
      meta: RequestMeta,
    ): Promise<Kpi> {
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
          const current = await tx.kpiActual.findUnique({
            where: { kpiId_fiscalYear: { kpiId: id, fiscalYear } },
          });
          if (!current) {
            if (version !== 0) refuseStale();
            try {
              await tx.kpiActual.create({
                data: { kpiId: id, fiscalYear, value, note, enteredById: actor.staffId },
              });
            } catch (e) {
              // another first entry of this 年度 got there first
              if (isUniqueViolation(e)) refuseStale();
              throw e;
            }
          } else {
            if (current.version !== version) refuseStale();
            const updated = await tx.kpiActual.updateMany({
              where: { kpiId: id, fiscalYear, version },
              data: { value, note, enteredById: actor.staffId, version: { increment: 1 } },
            });
            if (updated.count !== 1) refuseStale();
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
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
