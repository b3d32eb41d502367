/** The plan's records in the contract's shapes (periods, items with their KPIs, computed actuals). */
import type { Kpi, KpiMetric, KpiMetricParams, PlanItem, PlanPeriodListItem } from '@portal/contracts';
import { canEnterKpiActual } from '../../access/access.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { evaluateMetrics } from './kpi-metrics.ts';
import type { ItemRow, KpiRow, PeriodRow, PlanRepository } from './plan.repository.ts';
import { asActions, asSchedule, currentFiscalYear, iso, ref } from './plan.shared.ts';

export function createPlanShaping(db: Db, repo: PlanRepository) {
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
        maxValue: k.maxValue,
        targets: k.targets,
        actuals:
          k.source === 'computed'
            ? years.map((fy) => {
                const v = values?.get(fy) ?? null;
                return {
                  fiscalYear: fy,
                  value: v === 'below_k' ? null : v,
                  note: '',
                  origin: 'computed' as const,
                  enteredBy: null,
                  updatedAt: null,
                  version: 0,
                  suppressed: v === 'below_k',
                };
              })
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
                  suppressed: false,
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

  return { unitMap, shapeItems, shapePeriod, periodSummary, itemOut, kpiOut };
}

export type PlanShaping = ReturnType<typeof createPlanShaping>;
