/**
 * The dashboards' queries: sums over the `dashboard_unit_year` and `ojt_initiative_year` rollups, the
 * published period of a 年度 with its items and KPIs, and the policy's shape.
 */
import type { KpiMetricParams, OrgUnitRef, PlanItemStatus } from '@portal/contracts';
import type { Db } from '../../db/client.ts';
import { FIGURE_SUMS, type FigureSums, REFRESHED_AT } from './dashboard-rollup.ts';

export type UnitRow = { id: string; code: string; kind: OrgUnitRef['kind']; nameJa: string; nameEn: string };

export type PolicyShape = {
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

export function policyShape(db: Db): Promise<PolicyShape> {
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

export type PlanItemRow = {
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
export type PlanKpiRow = {
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

/** Items of the 年度's published period (with owners; `inSubtree`: owned under the given path). */
export function planItems(db: Db, fiscalYear: number, subtreePath = '') {
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
export function planKpis(db: Db, fiscalYear: number, bureauId: string | null = null) {
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

export type YearSums = FigureSums & { fiscalYear: number };

/**
 * Figures per 年度 from `first` up to `upTo`, for everyone or under one path, and when the rollup was
 * last worked out (in the same statement: the age costs no query of its own).
 */
export async function trendOf(
  db: Db,
  first: number,
  upTo: number,
  path: string | null,
): Promise<{ refreshedAt: Date | null; years: YearSums[] }> {
  const rows = await db.$queryRawUnsafe<
    ((YearSums & { refreshedAt: Date | null }) | { fiscalYear: null; refreshedAt: Date | null })[]
  >(
    `SELECT s."refreshedAt", t.* FROM (SELECT ${REFRESHED_AT} AS "refreshedAt") s
     LEFT JOIN LATERAL (${
       path === null
         ? `SELECT d."fiscalYear", ${FIGURE_SUMS} FROM "dashboard_unit_year" d
              WHERE d."fiscalYear" BETWEEN $1 AND $2 GROUP BY d."fiscalYear"`
         : `SELECT d."fiscalYear", ${FIGURE_SUMS} FROM "dashboard_unit_year" d JOIN "org_unit" u ON u."id" = d."orgUnitId"
              WHERE d."fiscalYear" BETWEEN $1 AND $2 AND starts_with(u."path", $3) GROUP BY d."fiscalYear"`
     }) t ON true
     ORDER BY t."fiscalYear"`,
    first,
    upTo,
    ...(path === null ? [] : [path]),
  );
  const years: YearSums[] = [];
  for (const { refreshedAt: _, ...row } of rows) if (row.fiscalYear !== null) years.push(row as YearSums);
  return { refreshedAt: rows[0]?.refreshedAt ?? null, years };
}

/**
 * OJT sessions and minutes of the 年度 per initiative (`ojt_initiative_year`, kept by a trigger), for
 * everyone or for the trainees whose post on the session date was under one path.
 */
export async function ojtByInitiative(db: Db, fiscalYear: number, path: string | null) {
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

/** Each 局・区 with the figures of its units in the 年度. */
export function bureauFigures(db: Db, fiscalYear: number, asOf: string) {
  return db.$queryRawUnsafe<(FigureSums & UnitRow)[]>(
    `SELECT b."id", b."code", b."kind", b."nameJa", b."nameEn", ${FIGURE_SUMS}
           FROM "org_unit" b
           LEFT JOIN "org_unit" u ON u."bureauId" = b."id"
           LEFT JOIN "dashboard_unit_year" d ON d."orgUnitId" = u."id" AND d."fiscalYear" = $1
           WHERE b."kind" IN ('bureau', 'ward') AND (b."validTo" IS NULL OR b."validTo" >= $2::date)
           GROUP BY b."id" ORDER BY b."kind", b."position", b."code"`,
    fiscalYear,
    asOf,
  );
}

/** Active courses of the 年度 per 重点取組方針 tag (through their initiatives). */
export function coursesPerTag(db: Db, fiscalYear: number) {
  return db.$queryRawUnsafe<{ tagCode: string; courses: number }[]>(
    `SELECT pp."tagCode", COUNT(DISTINCT t."id")::int AS "courses"
           FROM "training" t
           CROSS JOIN LATERAL unnest(t."initiativeIds") AS li("initiativeId")
           JOIN "initiative_tag" it ON it."initiativeId" = li."initiativeId"
           JOIN "priority_policy" pp ON pp."id" = it."priorityPolicyId"
           WHERE t."active" AND $1 = ANY(t."fiscalYears")
           GROUP BY pp."tagCode"`,
    fiscalYear,
  );
}

/** A unit as its dashboard needs it. */
export function unitForDashboard(db: Db, unitId: string) {
  return db.orgUnit.findUnique({
    where: { id: unitId },
    select: { id: true, code: true, kind: true, nameJa: true, nameEn: true, path: true, bureauId: true },
  });
}

/** The units of a chain (the unit and those above it) and the unit's children in force on `asOf`. */
export function unitChainAndChildren(db: Db, chainIds: string[], unitId: string, asOf: string) {
  return db.$queryRawUnsafe<(UnitRow & { parentId: string | null; hasChildren: boolean })[]>(
    `SELECT u."id", u."code", u."kind", u."nameJa", u."nameEn", u."parentId",
                  EXISTS (SELECT 1 FROM "org_unit" c WHERE c."parentId" = u."id") AS "hasChildren"
           FROM "org_unit" u
           WHERE u."id" = ANY($1::uuid[])
              OR (u."parentId" = $2::uuid AND (u."validTo" IS NULL OR u."validTo" >= $3::date))
           ORDER BY u."position", u."code"`,
    chainIds,
    unitId,
    asOf,
  );
}

/** The figures under a unit (path) per child unit; `depth`: the number of ids in the unit's path. */
export function figuresByChild(db: Db, fiscalYear: number, path: string, depth: number) {
  const childExpr = `NULLIF(split_part(u."path", '/', ${depth + 2}), '')`;
  return db.$queryRawUnsafe<(FigureSums & { child: string | null })[]>(
    `SELECT ${childExpr} AS "child", ${FIGURE_SUMS}
           FROM "dashboard_unit_year" d JOIN "org_unit" u ON u."id" = d."orgUnitId"
           WHERE d."fiscalYear" = $1 AND starts_with(u."path", $2)
           GROUP BY 1`,
    fiscalYear,
    path,
  );
}
