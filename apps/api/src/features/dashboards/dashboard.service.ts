/**
 * The rollout dashboards. Staff figures are sums over the `dashboard_unit_year` rollup (a handful of
 * GROUP BY queries: per 局・区, per child unit by materialized path, per 年度); plan progress and KPIs
 * come from the published period the 年度 falls in. Each dashboard is a few queries run side by side.
 */
import {
  type DashboardInitiative,
  type DashboardKpi,
  type DashboardTag,
  type DashboardTagOjt,
  fiscalYearOf,
  type KpiMetric,
  type OrgUnitDashboard,
  type OrgUnitRef,
  type PlanStatusCounts,
  type RolloutDashboard,
  type StaffFigures,
  type TrendPoint,
  type UnitFigures,
} from '@portal/contracts';
import { allows, assertDashboardUnitVisible, authorize, today } from '../../access/access.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { achievementRate, evaluateMetrics } from '../plan/kpi-metrics.ts';
import * as figures from './dashboard-figures.repository.ts';
import type { PlanKpiRow } from './dashboard-plan.repository.ts';
import * as plan from './dashboard-plan.repository.ts';
import type { PolicyShape } from './dashboard-policy.repository.ts';
import * as policyRepo from './dashboard-policy.repository.ts';
import { EMPTY_SUMS, type FigureSums, percent, ratio } from './dashboard-rollup.ts';
import type { UnitRow } from './dashboard-units.repository.ts';
import * as orgUnits from './dashboard-units.repository.ts';

const ref = (u: UnitRow): OrgUnitRef => ({
  id: u.id,
  code: u.code,
  kind: u.kind,
  name: { ja: u.nameJa, en: u.nameEn },
});

export function figuresOf(f: FigureSums): StaffFigures {
  return {
    staff: f.staff,
    youngStaff: f.youngStaff,
    ojtCovered: f.ojtCovered,
    ojtCoverage: percent(f.ojtCovered, f.staff),
    ojtSessions: f.ojtSessions,
    ojtMinutes: f.ojtMinutes,
    ojtMinutesPerPerson: ratio(f.ojtMinutes, f.staff),
    youngOjtCovered: f.youngOjtCovered,
    youngOjtCoverage: percent(f.youngOjtCovered, f.youngStaff),
    youngOjtMinutesPerPerson: ratio(f.youngOjtMinutes, f.youngStaff),
    trainingAccepted: f.trainingAccepted,
    trainingCompleted: f.trainingCompleted,
    trainingCompletion: percent(f.trainingCompleted, f.trainingAccepted),
    trainingStaffCompleted: f.trainingStaffCompleted,
    trainingStaffCompletedShare: percent(f.trainingStaffCompleted, f.staff),
    youngTrainingStaffCompletedShare: percent(f.youngTrainingStaffCompleted, f.youngStaff),
    careerSubmitted: f.careerSubmitted,
    careerUptake: percent(f.careerSubmitted, f.staff),
    youngCareerUptake: percent(f.youngCareerSubmitted, f.youngStaff),
    oneOnOneCovered: f.oneOnOneCovered,
    oneOnOneCoverage: percent(f.oneOnOneCovered, f.staff),
    oneOnOneMeetings: f.oneOnOneMeetings,
  };
}

const emptyCounts = (): PlanStatusCounts => ({ not_started: 0, in_progress: 0, done: 0, delayed: 0 });
const STATUSES = ['not_started', 'in_progress', 'done', 'delayed'] as const;
const mean = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10 : null;
};

export function createDashboardService(deps: { db: Db }) {
  const { db } = deps;

  function yearContext(requested: number | undefined) {
    const now = today();
    const current = fiscalYearOf(now.toISOString().slice(0, 10));
    const fiscalYear = requested ?? current;
    const asOf = fiscalYear < current ? `${fiscalYear + 1}-03-31` : now.toISOString().slice(0, 10);
    return { fiscalYear, current, asOf };
  }

  function pickerYears(policy: PolicyShape, current: number, selected: number): number[] {
    const first = Math.min(policy.startFiscalYear, selected);
    const years: number[] = [];
    for (let fy = Math.max(current, selected); fy >= first; fy--) years.push(fy);
    return years;
  }

  const planItems = (fiscalYear: number, subtreePath = '') => plan.planItems(db, fiscalYear, subtreePath);
  const planKpis = (fiscalYear: number, bureauId: string | null = null) =>
    plan.planKpis(db, fiscalYear, bureauId);
  const ojtByInitiative = (fiscalYear: number, path: string | null) =>
    figures.ojtByInitiative(db, fiscalYear, path);

  async function shapeKpis(
    rows: PlanKpiRow[],
    fiscalYear: number,
    city: FigureSums | undefined,
  ): Promise<DashboardKpi[]> {
    const computed = await evaluateMetrics(
      db,
      rows
        .filter((k) => k.source === 'computed' && k.metric)
        .map((k) => ({
          kpiId: k.id,
          metric: k.metric as KpiMetric,
          params: k.metricParams ?? null,
          fiscalYears: [fiscalYear],
        })),
      city ? new Map([[fiscalYear, city]]) : undefined,
    );
    return rows.map((k) => {
      const figure = k.source === 'computed' ? (computed.get(k.id)?.get(fiscalYear) ?? null) : k.actual;
      // A survey figure of fewer than k people is withheld, never shown (decision 014)
      const actual = figure === 'below_k' ? null : figure;
      return {
        id: k.id,
        itemId: k.itemId,
        initiativeId: k.initiativeId,
        name: { ja: k.nameJa, en: k.nameEn || k.nameJa },
        unit: k.unit,
        source: k.source,
        higherIsBetter: k.higherIsBetter,
        ownerBureau: k.bureau ? ref(k.bureau) : null,
        baseline:
          k.baselineFiscalYear !== null && k.baselineValue !== null
            ? { fiscalYear: k.baselineFiscalYear, value: k.baselineValue }
            : null,
        target: k.target,
        actual,
        actualSuppressed: figure === 'below_k',
        achievementRate: achievementRate(k.target, actual, k.higherIsBetter),
      };
    });
  }

  /** A tag's OJT: the sum over the in-force initiatives carrying it. */
  function ojtOfTag(
    policy: PolicyShape,
    tagCode: string,
    ojt: Map<string, { sessions: number; minutes: number }>,
  ) {
    let ojtSessions = 0;
    let ojtMinutes = 0;
    for (const i of policy.initiatives) {
      if (!i.tagCodes.includes(tagCode)) continue;
      ojtSessions += ojt.get(i.id)?.sessions ?? 0;
      ojtMinutes += ojt.get(i.id)?.minutes ?? 0;
    }
    return { ojtSessions, ojtMinutes };
  }

  const toTrend = (rows: figures.YearSums[]): TrendPoint[] =>
    rows.map((r) => ({ fiscalYear: r.fiscalYear, ...figuresOf(r) }));

  return {
    async rollout(actor: Actor, requested: number | undefined): Promise<RolloutDashboard> {
      authorize(actor, 'dashboard:read:any');
      const { fiscalYear, current, asOf } = yearContext(requested);
      const [items, kpiRows, bureaus, { refreshedAt, policy, years: trendRows }, courses, ojt] =
        await Promise.all([
          planItems(fiscalYear),
          planKpis(fiscalYear),
          figures.bureauFigures(db, fiscalYear, asOf),
          figures.trendOf(db, fiscalYear, null),
          policyRepo.coursesPerTag(db, fiscalYear),
          ojtByInitiative(fiscalYear, null),
        ]);
      const total = trendRows.find((r) => r.fiscalYear === fiscalYear) ?? { ...EMPTY_SUMS, fiscalYear };
      const kpis = await shapeKpis(kpiRows, fiscalYear, total);
      const period = items[0];
      const planItemsOnly = items.filter((i) => i.id !== null);

      const initiatives: DashboardInitiative[] = policy.initiatives.map((i) => {
        const own = planItemsOnly.filter((it) => it.initiativeId === i.id);
        const statusCounts = emptyCounts();
        for (const it of own) statusCounts[it.status]++;
        const ownKpis = kpis.filter((k) => k.initiativeId === i.id);
        return {
          id: i.id,
          code: i.code,
          marker: i.marker,
          title: { ja: i.titleJa, en: i.titleEn },
          area: { id: i.areaId, position: i.areaPosition, title: { ja: i.areaTitleJa, en: i.areaTitleEn } },
          tagCodes: i.tagCodes,
          items: own.map((it) => ({
            id: it.id as string,
            title: { ja: it.titleJa, en: it.titleEn || it.titleJa },
            status: it.status,
            owners: it.owners.map(ref),
          })),
          statusCounts,
          kpiCount: ownKpis.length,
          achievementRate: mean(ownKpis.map((k) => k.achievementRate)),
          ojtSessions: ojt.get(i.id)?.sessions ?? 0,
          ojtMinutes: ojt.get(i.id)?.minutes ?? 0,
        };
      });
      const courseCounts = new Map(courses.map((c) => [c.tagCode, c.courses]));
      const tags: DashboardTag[] = policy.priorities.map((pp) => {
        const tagged = initiatives.filter((i) => i.tagCodes.includes(pp.tagCode));
        const statusCounts = emptyCounts();
        for (const i of tagged) for (const s of STATUSES) statusCounts[s] += i.statusCounts[s];
        const ids = new Set(tagged.map((i) => i.id));
        const own = kpis.filter((k) => ids.has(k.initiativeId));
        return {
          tagCode: pp.tagCode,
          label: { ja: pp.tagLabelJa, en: pp.tagLabelEn },
          title: { ja: pp.titleJa, en: pp.titleEn },
          initiativeCount: tagged.length,
          itemCount: tagged.reduce((n, i) => n + i.items.length, 0),
          statusCounts,
          kpiCount: own.length,
          achievementRate: mean(own.map((k) => k.achievementRate)),
          trainingCourses: courseCounts.get(pp.tagCode) ?? 0,
          ...ojtOfTag(policy, pp.tagCode, ojt),
        };
      });
      const statusCounts = emptyCounts();
      for (const i of initiatives) for (const s of STATUSES) statusCounts[s] += i.statusCounts[s];
      return {
        fiscalYear,
        asOf,
        refreshedAt: refreshedAt?.toISOString() ?? null,
        period: period
          ? {
              id: period.periodId,
              name: { ja: period.periodNameJa, en: period.periodNameEn || period.periodNameJa },
              startFiscalYear: period.startFiscalYear,
              endFiscalYear: period.endFiscalYear,
            }
          : null,
        fiscalYears: pickerYears(policy, current, fiscalYear),
        summary: {
          ...figuresOf(total),
          statusCounts,
          kpiCount: kpis.length,
          achievementRate: mean(kpis.map((k) => k.achievementRate)),
        },
        initiatives,
        kpis,
        units: bureaus.map((b) => ({ unit: ref(b), hasChildren: true, ...figuresOf(b) })),
        tags,
        trend: toTrend(trendRows),
      };
    },

    async orgUnit(actor: Actor, unitId: string, requested: number | undefined): Promise<OrgUnitDashboard> {
      const unit = await orgUnits.unitForDashboard(db, unitId);
      if (!unit) {
        // the same answers as for a unit outside the reader's scope
        if (!allows(actor, 'dashboard:read:any')) authorize(actor, 'dashboard:read:bureau');
        throw new NotFoundError('No such org unit.', 'org_unit_not_found');
      }
      assertDashboardUnitVisible(actor, unit);
      const { fiscalYear, current, asOf } = yearContext(requested);
      const chainIds = unit.path.split('/').filter(Boolean);
      const [units, rows, { refreshedAt, policy, years: trendRows }, items, kpiRows, ojt] = await Promise.all(
        [
          orgUnits.unitChainAndChildren(db, chainIds, unit.id, asOf),
          figures.figuresByChild(db, fiscalYear, unit.id),
          figures.trendOf(db, fiscalYear, unit.id),
          planItems(fiscalYear, unit.path),
          unit.bureauId ? planKpis(fiscalYear, unit.bureauId) : Promise.resolve([]),
          ojtByInitiative(fiscalYear, unit.path),
        ],
      );
      const byChild = new Map(rows.map((r) => [r.child, r]));
      const total = trendRows.find((r) => r.fiscalYear === fiscalYear) ?? { ...EMPTY_SUMS, fiscalYear };
      const children: UnitFigures[] = units
        .filter((u) => u.parentId === unit.id)
        .map((c) => ({
          unit: ref(c),
          hasChildren: c.hasChildren,
          ...figuresOf(byChild.get(c.id) ?? EMPTY_SUMS),
        }));
      const direct = byChild.get(null);
      if (direct && direct.staff > 0)
        children.unshift({ unit: null, hasChildren: false, ...figuresOf(direct) });
      const chain = new Map(units.map((u) => [u.id, u]));
      const codes = new Map(policy.initiatives.map((i) => [i.id, i.code]));
      // computed KPIs are city-wide figures: the trend above is this unit's, so they are worked out apart
      const kpis = await shapeKpis(kpiRows, fiscalYear, undefined);
      return {
        fiscalYear,
        asOf,
        refreshedAt: refreshedAt?.toISOString() ?? null,
        fiscalYears: pickerYears(policy, current, fiscalYear),
        unit: ref(unit),
        path: chainIds.flatMap((id) => {
          const c = chain.get(id);
          return c ? [ref(c)] : [];
        }),
        canReadRollout: allows(actor, 'dashboard:read:any'),
        period: items[0]
          ? {
              id: items[0].periodId,
              name: { ja: items[0].periodNameJa, en: items[0].periodNameEn || items[0].periodNameJa },
              startFiscalYear: items[0].startFiscalYear,
              endFiscalYear: items[0].endFiscalYear,
            }
          : null,
        summary: figuresOf(total),
        children,
        trend: toTrend(trendRows),
        kpis,
        items: items
          .filter((i) => i.id !== null && i.inSubtree)
          .map((i) => ({
            id: i.id as string,
            initiativeId: i.initiativeId,
            initiativeCode: codes.get(i.initiativeId) ?? '',
            title: { ja: i.titleJa, en: i.titleEn || i.titleJa },
            status: i.status,
          })),
        tags: policy.priorities.map(
          (pp): DashboardTagOjt => ({
            tagCode: pp.tagCode,
            label: { ja: pp.tagLabelJa, en: pp.tagLabelEn },
            title: { ja: pp.titleJa, en: pp.titleEn },
            ...ojtOfTag(policy, pp.tagCode, ojt),
          }),
        ),
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
