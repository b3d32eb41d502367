/**
 * The staff figures: rows of the `dashboard_scope_year` rollup (per 年度, for the whole city, a 局・区, a
 * unit's subtree or its children's) and OJT per initiative from `ojt_initiative_total_year` (the city) or
 * `ojt_initiative_year` (the units under one path).
 */
import { type Db, planless, sqlRows } from '../../db/client.ts';
import { POLICY_SHAPE_JSON, POLICY_START, type PolicyShape } from './dashboard-policy.repository.ts';
import { CITY_SCOPE, FIGURE_SUMS, type FigureSums, REFRESHED_AT } from './dashboard-rollup.ts';
import type { UnitRow } from './dashboard-units.repository.ts';

export type YearSums = FigureSums & { fiscalYear: number };

/**
 * Figures per 年度 from the policy's first 年度 (or `upTo`, if earlier) up to `upTo`, for the whole city
 * (`unitId` null) or one unit's subtree; with when the rollup was last worked out and the policy in force
 * (in the same statement: neither costs a query of its own, and both are as fresh as the database).
 */
export async function trendOf(
  db: Db,
  upTo: number,
  unitId: string | null,
): Promise<{ refreshedAt: Date | null; policy: PolicyShape; years: YearSums[] }> {
  // the policy comes on the first row only (once to parse)
  type Row = { refreshedAt: Date | null; policy: PolicyShape | null } & (YearSums | { fiscalYear: null });
  const rows = await sqlRows<Row>(
    db,
    `SELECT s."refreshedAt", CASE WHEN row_number() OVER (ORDER BY t."fiscalYear") = 1 THEN s."policy" END AS "policy", t.*
       FROM (SELECT ${REFRESHED_AT} AS "refreshedAt", ${POLICY_SHAPE_JSON} AS "policy") s
       LEFT JOIN LATERAL (SELECT d."fiscalYear", ${FIGURE_SUMS} FROM "dashboard_scope_year" d
                           WHERE d."scopeId" = $2::uuid
                             AND d."fiscalYear" BETWEEN LEAST(${POLICY_START}, $1) AND $1
                           GROUP BY d."fiscalYear") t ON true
      ORDER BY t."fiscalYear"`,
    [upTo, unitId ?? CITY_SCOPE],
  );
  const years: YearSums[] = [];
  for (const { refreshedAt: _, policy: __, ...row } of rows)
    if (row.fiscalYear !== null) years.push(row as YearSums);
  const first = rows[0];
  if (!first?.policy) throw new Error('the trend statement answers the policy on its first row');
  return { refreshedAt: first.refreshedAt, policy: first.policy, years };
}

/**
 * OJT sessions and minutes of the 年度 per initiative (kept by triggers), for everyone
 * (`ojt_initiative_total_year`) or for the trainees whose post on the session date was under one path
 * (`ojt_initiative_year` of the units under it, found first so that each is one index look-up).
 */
export async function ojtByInitiative(db: Db, fiscalYear: number, path: string | null) {
  const rows = await sqlRows<{ initiativeId: string; sessions: number; minutes: number }>(
    db,
    path === null
      ? `SELECT o."initiativeId", o."sessions"::int AS "sessions", o."minutes"::float8 AS "minutes"
           FROM "ojt_initiative_total_year" o WHERE o."fiscalYear" = $1`
      : `SELECT o."initiativeId", SUM(o."sessions")::int AS "sessions", SUM(o."minutes")::float8 AS "minutes"
           FROM "ojt_initiative_year" o
          WHERE o."orgUnitId" = ANY(ARRAY(SELECT u."id" FROM "org_unit" u WHERE starts_with(u."path", $2)))
            AND o."fiscalYear" = $1
          GROUP BY o."initiativeId"`,
    path === null ? [fiscalYear] : [fiscalYear, path],
  );
  return new Map(rows.map((r) => [r.initiativeId, r]));
}

/** Each 局・区 with the figures of its subtree in the 年度. */
export function bureauFigures(db: Db, fiscalYear: number, asOf: string) {
  return sqlRows<FigureSums & UnitRow>(
    db,
    `SELECT b."id", b."code", b."kind", b."nameJa", b."nameEn", ${FIGURE_SUMS}
           FROM "org_unit" b
           LEFT JOIN "dashboard_scope_year" d ON d."scopeId" = b."id" AND d."fiscalYear" = $1
           WHERE b."kind" IN ('bureau', 'ward') AND (b."validTo" IS NULL OR b."validTo" >= $2::date)
           GROUP BY b."id" ORDER BY b."kind", b."position", b."code"`,
    [fiscalYear, asOf],
  );
}

/**
 * The figures under a unit per child unit (each child's subtree), and of the people placed in the unit
 * itself (`child` null).
 */
export function figuresByChild(db: Db, fiscalYear: number, unitId: string) {
  return sqlRows<FigureSums & { child: string | null }>(
    db,
    `SELECT d."scopeId"::text AS "child", ${FIGURE_SUMS}
       FROM "dashboard_scope_year" d
      WHERE d."parentId" = ${planless('$2::uuid')} AND d."fiscalYear" = ${planless('$1::int')} GROUP BY d."scopeId"
     UNION ALL
     SELECT NULL, ${FIGURE_SUMS}
       FROM "dashboard_unit_year" d
      WHERE d."orgUnitId" = ${planless('$2::uuid')} AND d."fiscalYear" = ${planless('$1::int')} HAVING COUNT(*) > 0`,
    [fiscalYear, unitId],
  );
}
