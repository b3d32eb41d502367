/**
 * `dashboard_unit_year` (a materialized view, see its migration) holds per 年度 and org unit the
 * figures of the staff placed there: OJT coverage and minutes, training, career-plan uptake, 若手.
 * It is refreshed here: on the first read after start-up (the caller waits), then whenever a read
 * finds it older than MAX_AGE_MS (in the background: the reader gets the figures as they are, and
 * `refreshedAt` says how old they are). `refreshDashboardRollup` forces a refresh.
 */
import type { Db } from '../../db/client.ts';

const MAX_AGE_MS = 5 * 60 * 1000;

type State = { refreshedAt: Date | null; running: Promise<Date> | null };
const states = new WeakMap<Db, State>();

function stateOf(db: Db): State {
  let state = states.get(db);
  if (!state) {
    state = { refreshedAt: null, running: null };
    states.set(db, state);
  }
  return state;
}

/** Works the figures out again now (readers keep reading the old ones meanwhile). */
export function refreshDashboardRollup(db: Db): Promise<Date> {
  const state = stateOf(db);
  if (state.running) return state.running;
  const run = db
    .$executeRawUnsafe('REFRESH MATERIALIZED VIEW CONCURRENTLY "dashboard_unit_year"')
    .then(() => {
      state.refreshedAt = new Date();
      return state.refreshedAt;
    })
    .finally(() => {
      state.running = null;
    });
  state.running = run;
  return run;
}

/** Fresh enough to read: waits only when this process has never refreshed; returns when it was. */
export async function ensureDashboardRollup(db: Db, now = Date.now()): Promise<Date> {
  const state = stateOf(db);
  if (!state.refreshedAt) return refreshDashboardRollup(db);
  if (now - state.refreshedAt.getTime() > MAX_AGE_MS) {
    refreshDashboardRollup(db).catch(() => undefined);
  }
  return state.refreshedAt;
}

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
