/**
 * The statements behind computed KPIs (`kpi-metrics.ts`): the city's staff figures per 年度 from the
 * dashboards' rollup, and a course group's enrolments per 年度 from the applications themselves.
 */
import { type Db, sqlRows } from '../../db/client.ts';
import { CITY_SCOPE, FIGURE_SUMS, type FigureSums } from '../dashboards/dashboard-rollup.ts';

export type CourseGroupRow = {
  fiscalYear: number;
  accepted: number;
  completed: number;
  staffCompleted: number;
};

/** City-wide staff figures per 年度, from the rollup (its rows for the whole city). */
export async function cityFigures(db: Db, years: number[]): Promise<Map<number, FigureSums>> {
  if (!years.length) return new Map();
  const rows = await sqlRows<FigureSums & { fiscalYear: number }>(
    db,
    `SELECT d."fiscalYear", ${FIGURE_SUMS} FROM "dashboard_scope_year" d
     WHERE d."scopeId" = $2::uuid AND d."fiscalYear" = ANY($1::int[]) GROUP BY d."fiscalYear"`,
    [years, CITY_SCOPE],
  );
  return new Map(rows.map((r) => [r.fiscalYear, r]));
}

/** Enrolments of a course group per 年度 (accepted, completed, people who completed one). */
export async function courseGroup(
  db: Db,
  years: number[],
  kinds: readonly string[],
): Promise<Map<number, CourseGroupRow>> {
  const rows = await db.$queryRawUnsafe<CourseGroupRow[]>(
    `SELECT a."fiscalYear",
            COUNT(*) FILTER (WHERE a."status" = 'accepted')::int AS "accepted",
            COUNT(*) FILTER (WHERE a."completed")::int AS "completed",
            COUNT(DISTINCT a."staffId") FILTER (WHERE a."completed")::int AS "staffCompleted"
     FROM "training_session" s
     JOIN "training" t ON t."id" = s."trainingId"
     JOIN "training_application" a ON a."sessionId" = s."id"
     WHERE s."fiscalYear" = ANY($1::int[]) AND t."kind"::text = ANY($2::text[])
     GROUP BY a."fiscalYear"`,
    years,
    [...kinds],
  );
  return new Map(rows.map((r) => [r.fiscalYear, r]));
}
