/**
 * The staff figures: sums over the `dashboard_unit_year` rollup (per 年度, per 局・区, per child unit)
 * and OJT per initiative from `ojt_initiative_year`, for everyone or under one unit's path.
 */
import { type Db, sqlRows } from '../../db/client.ts';
import { FIGURE_SUMS, type FigureSums, REFRESHED_AT } from './dashboard-rollup.ts';
import type { UnitRow } from './dashboard-units.repository.ts';

export type YearSums = FigureSums & { fiscalYear: number };

/**
 * A rollup as a FROM item, for everyone (`path` null) or for the units under a path, given as the
 * statement's parameter `$n`: the unit is joined only when it is needed.
 */
function rollupOf(table: string, alias: string, path: string | null, n: number) {
  return path === null
    ? { from: `"${table}" ${alias}`, under: '', params: [] }
    : {
        from: `"${table}" ${alias} JOIN "org_unit" u ON u."id" = ${alias}."orgUnitId"`,
        under: ` AND starts_with(u."path", $${n})`,
        params: [path],
      };
}

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
  const r = rollupOf('dashboard_unit_year', 'd', path, 3);
  const rows = await sqlRows<
    (YearSums & { refreshedAt: Date | null }) | { fiscalYear: null; refreshedAt: Date | null }
  >(
    db,
    `SELECT s."refreshedAt", t.* FROM (SELECT ${REFRESHED_AT} AS "refreshedAt") s
     LEFT JOIN LATERAL (SELECT d."fiscalYear", ${FIGURE_SUMS} FROM ${r.from}
                         WHERE d."fiscalYear" BETWEEN $1 AND $2${r.under} GROUP BY d."fiscalYear") t ON true
     ORDER BY t."fiscalYear"`,
    [first, upTo, ...r.params],
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
  const r = rollupOf('ojt_initiative_year', 'o', path, 2);
  const rows = await sqlRows<{ initiativeId: string; sessions: number; minutes: number }>(
    db,
    `SELECT o."initiativeId", SUM(o."sessions")::int AS "sessions", SUM(o."minutes")::float8 AS "minutes"
       FROM ${r.from} WHERE o."fiscalYear" = $1${r.under} GROUP BY o."initiativeId"`,
    [fiscalYear, ...r.params],
  );
  return new Map(rows.map((r) => [r.initiativeId, r]));
}

/** Each 局・区 with the figures of its units in the 年度. */
export function bureauFigures(db: Db, fiscalYear: number, asOf: string) {
  return sqlRows<FigureSums & UnitRow>(
    db,
    `SELECT b."id", b."code", b."kind", b."nameJa", b."nameEn", ${FIGURE_SUMS}
           FROM "org_unit" b
           LEFT JOIN "org_unit" u ON u."bureauId" = b."id"
           LEFT JOIN "dashboard_unit_year" d ON d."orgUnitId" = u."id" AND d."fiscalYear" = $1
           WHERE b."kind" IN ('bureau', 'ward') AND (b."validTo" IS NULL OR b."validTo" >= $2::date)
           GROUP BY b."id" ORDER BY b."kind", b."position", b."code"`,
    [fiscalYear, asOf],
  );
}

/** The figures under a unit (path) per child unit; `depth`: the number of ids in the unit's path. */
export function figuresByChild(db: Db, fiscalYear: number, path: string, depth: number) {
  const r = rollupOf('dashboard_unit_year', 'd', path, 2);
  return sqlRows<FigureSums & { child: string | null }>(
    db,
    `SELECT NULLIF(split_part(u."path", '/', ${depth + 2}), '') AS "child", ${FIGURE_SUMS}
       FROM ${r.from} WHERE d."fiscalYear" = $1${r.under} GROUP BY 1`,
    [fiscalYear, ...r.params],
  );
}
