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
import { allows, assertDashboardUnitVisible, authorize, today } from '../../access/access.ts';
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
const STATUSES = ['not_started', 'in_progress', 'done', 'delayed'] as const;
const mean = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10 : null;
};

type PolicyShape = {
  startFiscalYear: number;
  priorities: { tagCode: string; tagLabelJa: string; tagLabelEn: string; titleJa: string; titleEn: string }[];
  initiatives: {
    id: string;
    code: string;
    marker: string;
    titleJa: string;
    titleEn: string;
    areaId: string;
    areaPosition: number;
    areaTitleJa: string;
    areaTitleEn: string;
    tagCodes: string[];
  }[];
};

/** The policy's areas, initiatives and tags change only with a new revision: kept a minute per process. */
const POLICY_TTL_MS = 60_000;
const policyCache = new WeakMap<Db, { at: number; shape: Promise<PolicyShape> }>();

function policyShape(db: Db): Promise<PolicyShape> {
  const hit = policyCache.get(db);
  if (hit && Date.now() - hit.at < POLICY_TTL_MS) return hit.shape;
  const shape = (async (): Promise<PolicyShape> => {
    const [policy, priorities, initiatives] = await Promise.all([
      db.policy.findFirst({ where: { inForce: true }, select: { startFiscalYear: true } }),
      db.$queryRaw<PolicyShape['priorities']>`
        SELECT pp."tagCode", pp."tagLabelJa", pp."tagLabelEn", pp."titleJa", pp."titleEn"
        FROM "priority_policy" pp JOIN "policy" p ON p."id" = pp."policyId" AND p."inForce"
        ORDER BY pp."position"`,
      db.$queryRaw<PolicyShape['initiatives']>`
        SELECT i."id", i."code", i."marker", i."titleJa", i."titleEn", a."id" AS "areaId", a."position" AS "areaPosition",
               a."titleJa" AS "areaTitleJa", a."titleEn" AS "areaTitleEn",
               ARRAY(SELECT pp."tagCode" FROM "initiative_tag" it JOIN "priority_policy" pp ON pp."id" = it."priorityPolicyId"
                     WHERE it."initiativeId" = i."id" ORDER BY pp."position") AS "tagCodes"
        FROM "initiative" i JOIN "policy_area" a ON a."id" = i."areaId" JOIN "policy" p ON p."id" = a."policyId" AND p."inForce"
        ORDER BY a."position", i."position"`,
    ]);
    return { startFiscalYear: policy?.startFiscalYear ?? 2021, priorities, initiatives };
  })();
  policyCache.set(db, { at: Date.now(), shape });
  shape.catch(() => policyCache.delete(db));
  return shape;
}

type PlanItemRow = {
  periodId: string;
  periodNameJa: string;
  periodNameEn: string;
  startFiscalYear: number;
  endFiscalYear: number;
  id: string | null;
  initiativeId: string;
  titleJa: string;
  titleEn: string;
  status: PlanItemStatus;
  owners: UnitRow[];
  inSubtree: boolean;
};
type PlanKpiRow = {
  id: string;
  itemId: string;
  initiativeId: string;
  nameJa: string;
  nameEn: string;
  unit: string;
  source: 'computed' | 'entered';
  metric: string | null;
  metricParams: KpiMetricParams | null;
  higherIsBetter: boolean;
  baselineFiscalYear: number | null;
  baselineValue: number | null;
  target: number | null;
  actual: number | null;
  bureau: UnitRow | null;
};

/** The published period the 年度 falls in. */
const PERIOD_OF_YEAR = `
  SELECT p.* FROM "plan_period" p JOIN "policy" pol ON pol."id" = p."policyId" AND pol."inForce"
  WHERE p."status" = 'published' AND p."startFiscalYear" <= $1 AND p."endFiscalYear" >= $1
  ORDER BY p."ordinal" LIMIT 1`;

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

  /** Items of the 年度's published period (with owners; `inSubtree`: owned under the given path). */
  function planItems(fiscalYear: number, subtreePath = '') {
    return db.$queryRawUnsafe<PlanItemRow[]>(
      `SELECT p."id" AS "periodId", p."nameJa" AS "periodNameJa", p."nameEn" AS "periodNameEn",
              p."startFiscalYear", p."endFiscalYear", i."id", i."initiativeId", i."titleJa", i."titleEn", i."status",
              COALESCE((SELECT json_agg(json_build_object('id', u."id", 'code', u."code", 'kind', u."kind",
                                         'nameJa', u."nameJa", 'nameEn', u."nameEn") ORDER BY u."path")
                        FROM "org_unit" u WHERE u."id" = ANY(i."ownerOrgUnitIds")), '[]'::json) AS "owners",
              EXISTS (SELECT 1 FROM "org_unit" u WHERE u."id" = ANY(i."ownerOrgUnitIds") AND starts_with(u."path", $2)) AS "inSubtree"
       FROM (${PERIOD_OF_YEAR}) p
       LEFT JOIN "plan_item" i ON i."periodId" = p."id"
       LEFT JOIN "initiative" ini ON ini."id" = i."initiativeId"
       LEFT JOIN "policy_area" pa ON pa."id" = ini."areaId"
       ORDER BY pa."position", ini."position", i."position"`,
      fiscalYear,
      subtreePath,
    );
  }

  /** KPIs of the 年度's published period with the 年度's target and entered actual (optionally one bureau's). */
  function planKpis(fiscalYear: number, bureauId: string | null = null) {
    return db.$queryRawUnsafe<PlanKpiRow[]>(
      `SELECT k."id", k."itemId", i."initiativeId", k."nameJa", k."nameEn", k."unit", k."source", k."metric", k."metricParams",
              k."higherIsBetter", k."baselineFiscalYear", k."baselineValue", t."value" AS "target", a."value" AS "actual",
              CASE WHEN b."id" IS NULL THEN NULL ELSE json_build_object('id', b."id", 'code', b."code", 'kind', b."kind",
                   'nameJa', b."nameJa", 'nameEn', b."nameEn") END AS "bureau"
       FROM (${PERIOD_OF_YEAR}) p
       JOIN "plan_item" i ON i."periodId" = p."id"
       JOIN "initiative" ini ON ini."id" = i."initiativeId"
       JOIN "policy_area" pa ON pa."id" = ini."areaId"
       JOIN "kpi" k ON k."itemId" = i."id"
       LEFT JOIN "kpi_target" t ON t."kpiId" = k."id" AND t."fiscalYear" = $1
       LEFT JOIN "kpi_actual" a ON a."kpiId" = k."id" AND a."fiscalYear" = $1
       LEFT JOIN "org_unit" b ON b."id" = k."ownerBureauId"
       WHERE ($2::uuid IS NULL OR k."ownerBureauId" = $2::uuid)
       ORDER BY pa."position", ini."position", i."position", k."position"`,
      fiscalYear,
      bureauId,
    );
  }

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
      const actual = k.source === 'computed' ? (computed.get(k.id)?.get(fiscalYear) ?? null) : k.actual;
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
        achievementRate: achievementRate(k.target, actual, k.higherIsBetter),
      };
    });
  }

  /** Figures per 年度 from the policy's first up to `upTo`, for everyone or under one path. */
  type YearSums = FigureSums & { fiscalYear: number };
  function trendOf(policy: PolicyShape, upTo: number, path: string | null): Promise<YearSums[]> {
    return db.$queryRawUnsafe<(FigureSums & { fiscalYear: number })[]>(
      path === null
        ? `SELECT d."fiscalYear", ${FIGURE_SUMS} FROM "dashboard_unit_year" d
           WHERE d."fiscalYear" BETWEEN $1 AND $2 GROUP BY d."fiscalYear" ORDER BY d."fiscalYear"`
        : `SELECT d."fiscalYear", ${FIGURE_SUMS} FROM "dashboard_unit_year" d JOIN "org_unit" u ON u."id" = d."orgUnitId"
           WHERE d."fiscalYear" BETWEEN $1 AND $2 AND starts_with(u."path", $3)
           GROUP BY d."fiscalYear" ORDER BY d."fiscalYear"`,
      Math.min(policy.startFiscalYear, upTo),
      upTo,
      ...(path === null ? [] : [path]),
    );
  }

  /**
   * OJT sessions and minutes of the 年度 per initiative (`ojt_initiative_year`, kept by a trigger), for
   * everyone or for the trainees whose post on the session date was under one path.
   */
  async function ojtByInitiative(fiscalYear: number, path: string | null) {
    const rows = await db.$queryRawUnsafe<{ initiativeId: string; sessions: number; minutes: number }[]>(
      path === null
        ? `SELECT o."initiativeId", SUM(o."sessions")::int AS "sessions", SUM(o."minutes")::float8 AS "minutes"
           FROM "ojt_initiative_year" o WHERE o."fiscalYear" = $1 GROUP BY o."initiativeId"`
        : `SELECT o."initiativeId", SUM(o."sessions")::int AS "sessions", SUM(o."minutes")::float8 AS "minutes"
           FROM "ojt_initiative_year" o JOIN "org_unit" u ON u."id" = o."orgUnitId"
           WHERE o."fiscalYear" = $1 AND starts_with(u."path", $2) GROUP BY o."initiativeId"`,
      fiscalYear,
      ...(path === null ? [] : [path]),
    );
    return new Map(rows.map((r) => [r.initiativeId, r]));
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

  const toTrend = (rows: YearSums[]): TrendPoint[] =>
    rows.map((r) => ({ fiscalYear: r.fiscalYear, ...figuresOf(r) }));

  return {
    async rollout(actor: Actor, requested: number | undefined): Promise<RolloutDashboard> {
      authorize(actor, 'dashboard:read:any');
      const { fiscalYear, current, asOf } = yearContext(requested);
      const refreshedAt = await ensureDashboardRollup(db);
      const policy = await policyShape(db);
      const [items, kpiRows, bureaus, trendRows, courses, ojt] = await Promise.all([
        planItems(fiscalYear),
        planKpis(fiscalYear),
        db.$queryRawUnsafe<(FigureSums & UnitRow)[]>(
          `SELECT b."id", b."code", b."kind", b."nameJa", b."nameEn", ${FIGURE_SUMS}
           FROM "org_unit" b
           LEFT JOIN "org_unit" u ON u."bureauId" = b."id"
           LEFT JOIN "dashboard_unit_year" d ON d."orgUnitId" = u."id" AND d."fiscalYear" = $1
           WHERE b."kind" IN ('bureau', 'ward') AND (b."validTo" IS NULL OR b."validTo" >= $2::date)
           GROUP BY b."id" ORDER BY b."kind", b."position", b."code"`,
          fiscalYear,
          asOf,
        ),
        trendOf(policy, fiscalYear, null),
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
        refreshedAt: refreshedAt.toISOString(),
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
      const unit = await db.orgUnit.findUnique({
        where: { id: unitId },
        select: { id: true, code: true, kind: true, nameJa: true, nameEn: true, path: true, bureauId: true },
      });
      if (!unit) {
        // the same answers as for a unit outside the reader's scope
        if (!allows(actor, 'dashboard:read:any')) authorize(actor, 'dashboard:read:bureau');
        throw new NotFoundError('No such org unit.', 'org_unit_not_found');
      }
      assertDashboardUnitVisible(actor, unit);
      const { fiscalYear, current, asOf } = yearContext(requested);
      const refreshedAt = await ensureDashboardRollup(db);
      const policy = await policyShape(db);
      const chainIds = unit.path.split('/').filter(Boolean);
      const childExpr = `NULLIF(split_part(u."path", '/', ${chainIds.length + 2}), '')`;
      const [units, rows, trendRows, items, kpiRows, ojt] = await Promise.all([
        db.$queryRawUnsafe<(UnitRow & { parentId: string | null; hasChildren: boolean })[]>(
          `SELECT u."id", u."code", u."kind", u."nameJa", u."nameEn", u."parentId",
                  EXISTS (SELECT 1 FROM "org_unit" c WHERE c."parentId" = u."id") AS "hasChildren"
           FROM "org_unit" u
           WHERE u."id" = ANY($1::uuid[])
              OR (u."parentId" = $2::uuid AND (u."validTo" IS NULL OR u."validTo" >= $3::date))
           ORDER BY u."position", u."code"`,
          chainIds,
          unit.id,
          asOf,
        ),
        db.$queryRawUnsafe<(FigureSums & { child: string | null })[]>(
          `SELECT ${childExpr} AS "child", ${FIGURE_SUMS}
           FROM "dashboard_unit_year" d JOIN "org_unit" u ON u."id" = d."orgUnitId"
           WHERE d."fiscalYear" = $1 AND starts_with(u."path", $2)
           GROUP BY 1`,
          fiscalYear,
          unit.path,
        ),
        trendOf(policy, fiscalYear, unit.path),
        planItems(fiscalYear, unit.path),
        unit.bureauId ? planKpis(fiscalYear, unit.bureauId) : Promise.resolve([]),
        ojtByInitiative(fiscalYear, unit.path),
      ]);
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
        refreshedAt: refreshedAt.toISOString(),
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
