/**
 * `dashboard_unit_year` (a materialized view, see its migration) holds per 年度 and org unit the
 * figures of the staff placed there: OJT coverage and minutes, training, career-plan uptake, 若手.
 * A read never refreshes it: the `dashboard-refresh` job does, every 5 minutes and once at start-up,
 * and so do the migrations and seeding (decision 012). When it was last worked out is kept in
 * `rollup_refresh`, so every instance tells readers the same age (`refreshedAt` of the dashboards).
 */
import type { Db } from '../../db/client.ts';
import { systemWrite } from '../../shared/write.ts';
import { refreshRollup } from './dashboard-rollup.repository.ts';

export const ROLLUP = 'dashboard_unit_year';
/**
 * `dashboard_scope_year`: the same figures summed per 年度 over each unit's subtree and over the whole city
 * (`CITY_SCOPE`), worked out from `dashboard_unit_year` in the same refresh: a dashboard reads a few rows.
 */
export const SCOPE_ROLLUP = 'dashboard_scope_year';
/** The scope of the whole city in `dashboard_scope_year`. */
export const CITY_SCOPE = '00000000-0000-0000-0000-000000000000';

/** A refresh of a large city's figures takes a while; the readers keep the old ones meanwhile. */
const REFRESH_TIMEOUT_MS = 10 * 60_000;

const running = new WeakMap<Db, Promise<Date>>();

/**
 * Works the figures out again now and records when (readers keep reading the old ones meanwhile). The
 * job, start-up, seeding and tests all refresh through here; a refresh already running in this process
 * is joined, one running in another instance is waited for by PostgreSQL's lock.
 */
export function refreshDashboardRollup(db: Db): Promise<Date> {
  const already = running.get(db);
  if (already) return already;
  // one transaction: the stamp is the refresh's own start, and never outlives a failed refresh
  const run = systemWrite(db, (tx) => refreshRollup(tx, ROLLUP, [ROLLUP, SCOPE_ROLLUP]), {
    timeoutMs: REFRESH_TIMEOUT_MS,
  }).finally(() => running.delete(db));
  running.set(db, run);
  return run;
}

/** A scalar subquery for when the rollup was last worked out (folded into a read's own statement). */
export const REFRESHED_AT = `(SELECT r."refreshedAt" FROM "rollup_refresh" r WHERE r."name" = '${ROLLUP}')`;

/** The sums every dashboard query selects from `dashboard_unit_year d`. */
export const FIGURE_SUMS = `
  COALESCE(SUM(d."staff"), 0)::int AS "staff",
  COALESCE(SUM(d."youngStaff"), 0)::int AS "youngStaff",
  COALESCE(SUM(d."ojtCovered"), 0)::int AS "ojtCovered",
  COALESCE(SUM(d."youngOjtCovered"), 0)::int AS "youngOjtCovered",
  COALESCE(SUM(d."ojtSessions"), 0)::int AS "ojtSessions",
  COALESCE(SUM(d."ojtMinutes"), 0)::float8 AS "ojtMinutes",
  COALESCE(SUM(d."youngOjtMinutes"), 0)::float8 AS "youngOjtMinutes",
  COALESCE(SUM(d."trainingAccepted"), 0)::int AS "trainingAccepted",
  COALESCE(SUM(d."trainingCompleted"), 0)::int AS "trainingCompleted",
  COALESCE(SUM(d."trainingStaffCompleted"), 0)::int AS "trainingStaffCompleted",
  COALESCE(SUM(d."youngTrainingStaffCompleted"), 0)::int AS "youngTrainingStaffCompleted",
  COALESCE(SUM(d."careerSubmitted"), 0)::int AS "careerSubmitted",
  COALESCE(SUM(d."youngCareerSubmitted"), 0)::int AS "youngCareerSubmitted",
  COALESCE(SUM(d."oneOnOneCovered"), 0)::int AS "oneOnOneCovered",
  COALESCE(SUM(d."oneOnOneMeetings"), 0)::int AS "oneOnOneMeetings"`;

export type FigureSums = {
  staff: number;
  youngStaff: number;
  ojtCovered: number;
  youngOjtCovered: number;
  ojtSessions: number;
  ojtMinutes: number;
  youngOjtMinutes: number;
  trainingAccepted: number;
  trainingCompleted: number;
  trainingStaffCompleted: number;
  youngTrainingStaffCompleted: number;
  careerSubmitted: number;
  youngCareerSubmitted: number;
  oneOnOneCovered: number;
  oneOnOneMeetings: number;
};

export const EMPTY_SUMS: FigureSums = {
  staff: 0,
  youngStaff: 0,
  ojtCovered: 0,
  youngOjtCovered: 0,
  ojtSessions: 0,
  ojtMinutes: 0,
  youngOjtMinutes: 0,
  trainingAccepted: 0,
  trainingCompleted: 0,
  trainingStaffCompleted: 0,
  youngTrainingStaffCompleted: 0,
  careerSubmitted: 0,
  youngCareerSubmitted: 0,
  oneOnOneCovered: 0,
  oneOnOneMeetings: 0,
};

/** part / whole in %, one decimal; null when there is no whole. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** part / whole, one decimal; null when there is no whole. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10) / 10 : null;
}
