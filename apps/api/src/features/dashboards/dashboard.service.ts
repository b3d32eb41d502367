/**
 * The rollout dashboards. Staff figures are sums over the `dashboard_unit_year` rollup (a handful of
 * GROUP BY queries: per 局・区, per child unit by materialized path, per 年度); plan progress and KPIs
 * come from the published period the 年度 falls in.
 */
import {
  type DashboardInitiative,
  type DashboardKpi,
  type DashboardTag,
  fiscalYearOf,
  type KpiMetric,
  type KpiMetricParams,
  type OrgUnitDashboard,
  type OrgUnitRef,
  type PlanItemStatus,
  type PlanStatusCounts,
  type RolloutDashboard,
  type StaffFigures,
  type TrendPoint,
  type UnitFigures,
} from '@portal/contracts';
import { assertDashboardUnitVisible, can, require, today } from '../../access/access.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { achievementRate, evaluateMetrics } from '../plan/kpi-metrics.ts';
import {
  EMPTY_SUMS,
  ensureDashboardRollup,
  FIGURE_SUMS,
  type FigureSums,
  percent,
  ratio,
} from './dashboard-rollup.ts';

type UnitRow = { id: string; code: string; kind: OrgUnitRef['kind']; nameJa: string; nameEn: string };
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
  };
}

const emptyCounts = (): PlanStatusCounts => ({ not_started: 0, in_progress: 0, done: 0, delayed: 0 });
const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;

export function createDashboardService(deps: { db: Db }) {
  const { db } = deps;

  function yearContext(requested: number | undefined) {
    const now = today();
    const current = fiscalYearOf(now.toISOString().slice(0, 10));
    const fiscalYear = requested ?? current;
    const asOf = fiscalYear < current ? `${fiscalYear + 1}-03-31` : now.toISOString().slice(0, 10);
    return { fiscalYear, current, asOf };
  }

  async function pickerYears(current: number, selected: number): Promise<number[]> {
    const policy = await db.policy.findFirst({ where: { inForce: true }, select: { startFiscalYear: true } });
    const first = Math.min(policy?.startFiscalYear ?? 2021, selected);
    const years: number[] = [];
    for (let fy = Math.max(current, selected); fy >= first; fy--) years.push(fy);
    return years;
  }

  /** The published period that the 年度 falls in, with its items and KPIs (targets/actuals of the 年度). */
  async function publishedPlan(fiscalYear: number) {
    return db.planPeriod.findFirst({
      where: {
        status: 'published',
        policy: { inForce: true },
        startFiscalYear: { lte: fiscalYear },
        endFiscalYear: { gte: fiscalYear },
      },
      select: {
        id: true,
        nameJa: true,
        nameEn: true,
        startFiscalYear: true,
        endFiscalYear: true,
        items: {
          orderBy: { position: 'asc' },
          select: {
            id: true,
            initiativeId: true,
            titleJa: true,
            titleEn: true,
            status: true,
            ownerOrgUnitIds: true,
            kpis: {
              orderBy: { position: 'asc' },
              select: {
                id: true,
                itemId: true,
                nameJa: true,
                nameEn: true,
                unit: true,
                source: true,
                metric: true,
                metricParams: true,
                higherIsBetter: true,
                ownerBureauId: true,
                baselineFiscalYear: true,
                baselineValue: true,
                targets: { where: { fiscalYear }, select: { value: true } },
                actuals: { where: { fiscalYear }, select: { value: true } },
              },
            },
          },
        },
      },
    });
  }
  type Plan = NonNullable<Awaited<ReturnType<typeof publishedPlan>>>;

  async function kpisOf(
    plan: Plan | null,
    fiscalYear: number,
    filter?: (k: Plan['items'][number]['kpis'][number]) => boolean,
  ) {
    if (!plan) return [];
    const items = new Map(plan.items.map((i) => [i.id, i]));
    const rows = plan.items.flatMap((i) => i.kpis).filter((k) => (filter ? filter(k) : true));
    const computed = await evaluateMetrics(
      db,
      rows
        .filter((k) => k.source === 'computed' && k.metric)
        .map((k) => ({
          kpiId: k.id,
          metric: k.metric as KpiMetric,
          params: (k.metricParams as KpiMetricParams | null) ?? null,
          fiscalYears: [fiscalYear],
        })),
    );
    const bureaus = new Map(
      (
        await db.orgUnit.findMany({
          where: { id: { in: [...new Set(rows.flatMap((k) => k.ownerBureauId ?? []))] } },
          select: { id: true, code: true, kind: true, nameJa: true, nameEn: true },
        })
      ).map((u) => [u.id, u]),
    );
    return rows.map((k): DashboardKpi => {
      const target = k.targets[0]?.value ?? null;
      const actual =
        k.source === 'computed'
          ? (computed.get(k.id)?.get(fiscalYear) ?? null)
          : (k.actuals[0]?.value ?? null);
      const bureau = k.ownerBureauId ? bureaus.get(k.ownerBureauId) : undefined;
      return {
        id: k.id,
        itemId: k.itemId,
        initiativeId: items.get(k.itemId)?.initiativeId ?? '',
        name: { ja: k.nameJa, en: k.nameEn || k.nameJa },
        unit: k.unit,
        source: k.source,
        higherIsBetter: k.higherIsBetter,
        ownerBureau: bureau ? ref(bureau) : null,
        baseline:
          k.baselineFiscalYear !== null && k.baselineValue !== null
            ? { fiscalYear: k.baselineFiscalYear, value: k.baselineValue }
            : null,
        target,
        actual,
        achievementRate: achievementRate(target, actual, k.higherIsBetter),
      };
    });
  }

  async function trendOf(where: string, params: unknown[], upTo: number): Promise<TrendPoint[]> {
    const rows = await db.$queryRawUnsafe<(FigureSums & { fiscalYear: number })[]>(
      `SELECT d."fiscalYear", ${FIGURE_SUMS}
       FROM "dashboard_unit_year" d JOIN "org_unit" u ON u."id" = d."orgUnitId"
       WHERE d."fiscalYear" <= $1 AND d."fiscalYear" >= (SELECT COALESCE(MIN("startFiscalYear"), 2021) FROM "policy" WHERE "inForce") ${where}
       GROUP BY d."fiscalYear" ORDER BY d."fiscalYear"`,
      upTo,
      ...params,
    );
    return rows.map((r) => ({ fiscalYear: r.fiscalYear, ...figuresOf(r) }));
  }

  return {
    async rollout(actor: Actor, requested: number | undefined): Promise<RolloutDashboard> {
      require(actor, 'dashboard:read:any');
      const { fiscalYear, current, asOf } = yearContext(requested);
      const refreshedAt = await ensureDashboardRollup(db);
      const [plan, policy, byBureau, trend, courses, fiscalYears] = await Promise.all([
        publishedPlan(fiscalYear),
        db.policy.findFirst({
          where: { inForce: true },
          select: {
            priorityPolicies: {
              orderBy: { position: 'asc' },
              select: {
                id: true,
                tagCode: true,
                tagLabelJa: true,
                tagLabelEn: true,
                titleJa: true,
                titleEn: true,
              },
            },
            policyAreas: {
              orderBy: { position: 'asc' },
              select: {
                id: true,
                position: true,
                titleJa: true,
                titleEn: true,
                initiatives: {
                  orderBy: { position: 'asc' },
                  select: {
                    id: true,
                    code: true,
                    marker: true,
                    titleJa: true,
                    titleEn: true,
                    tags: { select: { priorityPolicy: { select: { tagCode: true } } } },
                  },
                },
              },
            },
          },
        }),
        db.$queryRawUnsafe<(FigureSums & { bureauId: string | null; total: number })[]>(
          `SELECT u."bureauId", GROUPING(u."bureauId")::int AS "total", ${FIGURE_SUMS}
           FROM "dashboard_unit_year" d JOIN "org_unit" u ON u."id" = d."orgUnitId"
           WHERE d."fiscalYear" = $1
           GROUP BY ROLLUP (u."bureauId")`,
          fiscalYear,
        ),
        trendOf('', [], fiscalYear),
        db.$queryRawUnsafe<{ tagCode: string; courses: number }[]>(
          `SELECT pp."tagCode", COUNT(DISTINCT t."id")::int AS "courses"
           FROM "training" t
           CROSS JOIN LATERAL unnest(t."initiativeIds") AS li("initiativeId")
           JOIN "initiative_tag" it ON it."initiativeId" = li."initiativeId"
           JOIN "priority_policy" pp ON pp."id" = it."priorityPolicyId"
           WHERE t."active" AND $1 = ANY(t."fiscalYears")
           GROUP BY pp."tagCode"`,
          fiscalYear,
        ),
        pickerYears(current, fiscalYear),
      ]);

      const bureauUnits = await db.orgUnit.findMany({
        where: {
          kind: { in: ['bureau', 'ward'] },
          OR: [{ validTo: null }, { validTo: { gte: new Date(asOf) } }],
        },
        orderBy: [{ kind: 'asc' }, { position: 'asc' }, { code: 'asc' }],
        select: { id: true, code: true, kind: true, nameJa: true, nameEn: true },
      });
      const sums = new Map(
        byBureau.filter((r) => r.total === 0 && r.bureauId).map((r) => [r.bureauId as string, r]),
      );
      const total = byBureau.find((r) => r.total === 1) ?? EMPTY_SUMS;
      const units: UnitFigures[] = bureauUnits.map((u) => ({
        unit: ref(u),
        hasChildren: true,
        ...figuresOf(sums.get(u.id) ?? EMPTY_SUMS),
      }));

      const kpis = await kpisOf(plan, fiscalYear);
      const initiatives: DashboardInitiative[] = (policy?.policyAreas ?? []).flatMap((area) =>
        area.initiatives.map((i) => {
          const items = plan?.items.filter((it) => it.initiativeId === i.id) ?? [];
          const statusCounts = emptyCounts();
          for (const it of items) statusCounts[it.status as PlanItemStatus]++;
          const own = kpis.filter((k) => k.initiativeId === i.id);
          return {
            id: i.id,
            code: i.code,
            marker: i.marker,
            title: { ja: i.titleJa, en: i.titleEn },
            area: { id: area.id, position: area.position, title: { ja: area.titleJa, en: area.titleEn } },
            tagCodes: i.tags.map((t) => t.priorityPolicy.tagCode).sort(),
            items: items.map((it) => ({
              id: it.id,
              title: { ja: it.titleJa, en: it.titleEn || it.titleJa },
              status: it.status,
              owners: [],
            })),
            statusCounts,
            kpiCount: own.length,
            achievementRate: mean(
              own.flatMap((k) => (k.achievementRate === null ? [] : [k.achievementRate])),
            ),
          };
        }),
      );
      // Owners of items, in one query
      const ownerIds = [...new Set(plan?.items.flatMap((i) => i.ownerOrgUnitIds) ?? [])];
      if (ownerIds.length) {
        const owners = new Map(
          (
            await db.orgUnit.findMany({
              where: { id: { in: ownerIds } },
              select: { id: true, code: true, kind: true, nameJa: true, nameEn: true },
            })
          ).map((u) => [u.id, ref(u)]),
        );
        const byItem = new Map(plan?.items.map((i) => [i.id, i.ownerOrgUnitIds]) ?? []);
        for (const i of initiatives) {
          for (const it of i.items)
            it.owners = (byItem.get(it.id) ?? []).flatMap((id) => owners.get(id) ?? []);
        }
      }

      const courseCounts = new Map(courses.map((c) => [c.tagCode, c.courses]));
      const tags: DashboardTag[] = (policy?.priorityPolicies ?? []).map((pp) => {
        const tagged = initiatives.filter((i) => i.tagCodes.includes(pp.tagCode));
        const statusCounts = emptyCounts();
        for (const i of tagged)
          for (const s of Object.keys(statusCounts) as PlanItemStatus[]) statusCounts[s] += i.statusCounts[s];
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
          achievementRate: mean(own.flatMap((k) => (k.achievementRate === null ? [] : [k.achievementRate]))),
          trainingCourses: courseCounts.get(pp.tagCode) ?? 0,
        };
      });

      const statusCounts = emptyCounts();
      for (const i of initiatives)
        for (const s of Object.keys(statusCounts) as PlanItemStatus[]) statusCounts[s] += i.statusCounts[s];
      return {
        fiscalYear,
        asOf,
        refreshedAt: refreshedAt.toISOString(),
        period: plan
          ? {
              id: plan.id,
              name: { ja: plan.nameJa, en: plan.nameEn || plan.nameJa },
              startFiscalYear: plan.startFiscalYear,
              endFiscalYear: plan.endFiscalYear,
            }
          : null,
        fiscalYears,
        summary: {
          ...figuresOf(total),
          statusCounts,
          kpiCount: kpis.length,
          achievementRate: mean(kpis.flatMap((k) => (k.achievementRate === null ? [] : [k.achievementRate]))),
        },
        initiatives,
        kpis,
        units,
        tags,
        trend,
      };
    },

    async orgUnit(actor: Actor, unitId: string, requested: number | undefined): Promise<OrgUnitDashboard> {
      const unit = await db.orgUnit.findUnique({
        where: { id: unitId },
        select: { id: true, code: true, kind: true, nameJa: true, nameEn: true, path: true, bureauId: true },
      });
      if (!unit) {
        // the same answers as for a unit outside the reader's scope
        if (!can(actor, 'dashboard:read:any')) require(actor, 'dashboard:read:bureau');
        throw new NotFoundError('No such org unit.', 'org_unit_not_found');
      }
      assertDashboardUnitVisible(actor, unit);
      const { fiscalYear, current, asOf } = yearContext(requested);
      const refreshedAt = await ensureDashboardRollup(db);
      const depth = unit.path.split('/').filter(Boolean).length;
      const childExpr = `NULLIF(split_part(u."path", '/', ${depth + 2}), '')`;
      const chainIds = unit.path.split('/').filter(Boolean);
      const [chain, children, rows, trend, plan, fiscalYears] = await Promise.all([
        db.orgUnit.findMany({
          where: { id: { in: chainIds } },
          select: { id: true, code: true, kind: true, nameJa: true, nameEn: true },
        }),
        db.orgUnit.findMany({
          where: { parentId: unit.id, OR: [{ validTo: null }, { validTo: { gte: new Date(asOf) } }] },
          orderBy: [{ position: 'asc' }, { code: 'asc' }],
          select: {
            id: true,
            code: true,
            kind: true,
            nameJa: true,
            nameEn: true,
            _count: { select: { children: true } },
          },
        }),
        db.$queryRawUnsafe<(FigureSums & { child: string | null; total: number })[]>(
          `SELECT ${childExpr} AS "child", GROUPING(${childExpr})::int AS "total", ${FIGURE_SUMS}
           FROM "dashboard_unit_year" d JOIN "org_unit" u ON u."id" = d."orgUnitId"
           WHERE d."fiscalYear" = $1 AND starts_with(u."path", $2)
           GROUP BY ROLLUP (${childExpr})`,
          fiscalYear,
          unit.path,
        ),
        trendOf('AND starts_with(u."path", $2)', [unit.path], fiscalYear),
        publishedPlan(fiscalYear),
        pickerYears(current, fiscalYear),
      ]);
      const byChild = new Map(rows.filter((r) => r.total === 0).map((r) => [r.child, r]));
      const total = rows.find((r) => r.total === 1) ?? EMPTY_SUMS;
      const childFigures: UnitFigures[] = children.map((c) => ({
        unit: ref(c),
        hasChildren: c._count.children > 0,
        ...figuresOf(byChild.get(c.id) ?? EMPTY_SUMS),
      }));
      const direct = byChild.get(null);
      if (direct && direct.staff > 0)
        childFigures.unshift({ unit: null, hasChildren: false, ...figuresOf(direct) });

      const chainById = new Map(chain.map((c) => [c.id, c]));
      const subtree = plan
        ? new Set(
            (
              await db.orgUnit.findMany({
                where: { path: { startsWith: unit.path } },
                select: { id: true },
              })
            ).map((u) => u.id),
          )
        : new Set<string>();
      const kpis = await kpisOf(
        plan,
        fiscalYear,
        (k) => k.ownerBureauId !== null && k.ownerBureauId === unit.bureauId,
      );
      const initiativeCodes = new Map(
        (await db.initiative.findMany({ select: { id: true, code: true } })).map((i) => [i.id, i.code]),
      );
      return {
        fiscalYear,
        asOf,
        refreshedAt: refreshedAt.toISOString(),
        fiscalYears,
        unit: ref(unit),
        path: chainIds.flatMap((id) => {
          const c = chainById.get(id);
          return c ? [ref(c)] : [];
        }),
        canReadRollout: can(actor, 'dashboard:read:any'),
        summary: figuresOf(total),
        children: childFigures,
        trend,
        kpis,
        items: (plan?.items ?? [])
          .filter((i) => i.ownerOrgUnitIds.some((id) => subtree.has(id)))
          .map((i) => ({
            id: i.id,
            initiativeId: i.initiativeId,
            initiativeCode: initiativeCodes.get(i.initiativeId) ?? '',
            title: { ja: i.titleJa, en: i.titleEn || i.titleJa },
            status: i.status,
          })),
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
