/**
 * The rollups the dashboards read are kept by triggers: after sessions and applications are updated
 * (moved to another person, day, 年度, length, initiative; accepted, withdrawn, completed) and deleted,
 * every rollup equals a recount from the raw rows.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/database.ts';
import { refreshDashboardRollup } from './dashboard-rollup.ts';

const database = useTestDatabase();
const db = () => database().db;

type Row = Record<string, string | number | null>;
const norm = (rows: Row[]) =>
  rows
    .map((r) =>
      JSON.stringify(
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)])),
      ),
    )
    .sort();

async function ojtStaffYear() {
  const [kept, recount] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT "staffId", "fiscalYear", sessions, minutes, "lastOn"::text AS "lastOn" FROM ojt_staff_year
       WHERE sessions <> 0 OR minutes <> 0`,
    db().$queryRaw<Row[]>`
      SELECT "traineeId" AS "staffId", "fiscalYear", count(*)::int AS sessions, sum(minutes)::int AS minutes,
             max("occurredOn")::text AS "lastOn"
        FROM ojt_session GROUP BY "traineeId", "fiscalYear"`,
  ]);
  return { kept: norm(kept), recount: norm(recount) };
}

async function ojtInitiativeYear() {
  const [kept, recount] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT "fiscalYear", "initiativeId", "orgUnitId", sessions, minutes::bigint AS minutes FROM ojt_initiative_year
       WHERE sessions <> 0 OR minutes <> 0`,
    db().$queryRaw<Row[]>`
      SELECT s."fiscalYear", i."initiativeId", ojt_session_unit(s."traineeId", s."occurredOn") AS "orgUnitId",
             count(*)::int AS sessions, sum(s.minutes)::bigint AS minutes
        FROM ojt_session s, LATERAL (SELECT DISTINCT unnest(s."initiativeIds") AS "initiativeId") i
       GROUP BY 1, 2, 3`,
  ]);
  return { kept: norm(kept), recount: norm(recount) };
}

/** The city's OJT per 年度 and initiative (`ojt_initiative_total_year`) against a recount from the sessions. */
async function ojtInitiativeTotalYear() {
  const [kept, recount] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT "fiscalYear", "initiativeId", sessions, minutes FROM ojt_initiative_total_year
       WHERE sessions <> 0 OR minutes <> 0`,
    db().$queryRaw<Row[]>`
      SELECT s."fiscalYear", i."initiativeId", count(*)::int AS sessions, sum(s.minutes)::bigint AS minutes
        FROM ojt_session s, LATERAL (SELECT DISTINCT unnest(s."initiativeIds") AS "initiativeId") i
       GROUP BY 1, 2`,
  ]);
  return { kept: norm(kept), recount: norm(recount) };
}

async function trainingStaffYear() {
  const [kept, recount] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT "staffId", "fiscalYear", accepted, completed FROM training_staff_year
       WHERE accepted <> 0 OR completed <> 0`,
    db().$queryRaw<Row[]>`
      SELECT "staffId", "fiscalYear", count(*) FILTER (WHERE status = 'accepted')::int AS accepted,
             count(*) FILTER (WHERE completed)::int AS completed
        FROM training_application GROUP BY "staffId", "fiscalYear"
      HAVING count(*) FILTER (WHERE status = 'accepted') > 0 OR count(*) FILTER (WHERE completed) > 0`,
  ]);
  return { kept: norm(kept), recount: norm(recount) };
}

/**
 * The dashboards' `dashboard_unit_year` (refreshed as the API refreshes it) against a recount from the
 * raw rows — sessions, applications, plans — not from the rollups it reads. Who counts where is the
 * view's own rule (the post in force at the 年度's reference date that started last), restated here.
 */
async function dashboardUnitYear() {
  await refreshDashboardRollup(db());
  const [kept, recount] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT "fiscalYear", "orgUnitId", staff, "ojtCovered", "ojtSessions", "ojtMinutes"::bigint AS "ojtMinutes",
             "trainingAccepted", "trainingCompleted", "trainingStaffCompleted", "careerSubmitted"
        FROM dashboard_unit_year`,
    db().$queryRaw<Row[]>`
      WITH years AS (
        SELECT fiscal_year AS "fiscalYear", LEAST(CURRENT_DATE, make_date(fiscal_year + 1, 3, 31)) AS "asOf"
          FROM (SELECT DISTINCT "fiscalYear" AS fiscal_year FROM dashboard_unit_year) y
      ),
      placed AS (
        SELECT DISTINCT ON (y."fiscalYear", a."staffId") y."fiscalYear", a."staffId", a."orgUnitId"
          FROM years y
          JOIN assignment a ON a."startsOn" <= y."asOf" AND (a."endsOn" IS NULL OR a."endsOn" >= y."asOf")
         ORDER BY y."fiscalYear", a."staffId", a."startsOn" DESC, a."isHead" DESC
      ),
      ojt AS (
        SELECT "traineeId" AS "staffId", "fiscalYear", count(*)::int AS sessions, sum(minutes)::bigint AS minutes
          FROM ojt_session GROUP BY 1, 2
      ),
      training AS (
        SELECT "staffId", "fiscalYear", count(*) FILTER (WHERE status = 'accepted')::int AS accepted,
               count(*) FILTER (WHERE completed)::int AS completed
          FROM training_application GROUP BY 1, 2
      )
      SELECT p."fiscalYear", p."orgUnitId", count(*)::int AS staff,
             count(*) FILTER (WHERE o.sessions > 0)::int AS "ojtCovered",
             COALESCE(sum(o.sessions), 0)::int AS "ojtSessions",
             COALESCE(sum(o.minutes), 0)::bigint AS "ojtMinutes",
             COALESCE(sum(t.accepted), 0)::int AS "trainingAccepted",
             COALESCE(sum(t.completed), 0)::int AS "trainingCompleted",
             count(*) FILTER (WHERE t.completed > 0)::int AS "trainingStaffCompleted",
             count(*) FILTER (WHERE c.status IS NOT NULL AND c.status <> 'draft')::int AS "careerSubmitted"
        FROM placed p
        LEFT JOIN ojt o ON o."staffId" = p."staffId" AND o."fiscalYear" = p."fiscalYear"
        LEFT JOIN training t ON t."staffId" = p."staffId" AND t."fiscalYear" = p."fiscalYear"
        LEFT JOIN career_plan c ON c."staffId" = p."staffId" AND c."fiscalYear" = p."fiscalYear"
       GROUP BY 1, 2`,
  ]);
  return { kept: norm(kept), recount: norm(recount) };
}

/**
 * `dashboard_scope_year` (refreshed with `dashboard_unit_year`) against sums of `dashboard_unit_year` over
 * each unit's subtree by path prefix (the rule the dashboards read by), over each unit's children and over
 * the whole city.
 */
async function dashboardScopeYear() {
  await refreshDashboardRollup(db());
  const [kept, recount] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT "fiscalYear", "scopeId"::text AS "scopeId", "parentId"::text AS "parentId", staff, "youngStaff",
             "ojtCovered", "ojtSessions", "ojtMinutes", "trainingAccepted", "trainingStaffCompleted",
             "careerSubmitted", "oneOnOneMeetings"
        FROM dashboard_scope_year`,
    db().$queryRaw<Row[]>`
      SELECT d."fiscalYear", s."id"::text AS "scopeId", s."parentId"::text AS "parentId", SUM(d.staff)::int AS staff,
             SUM(d."youngStaff")::int AS "youngStaff", SUM(d."ojtCovered")::int AS "ojtCovered",
             SUM(d."ojtSessions")::int AS "ojtSessions", SUM(d."ojtMinutes")::bigint AS "ojtMinutes",
             SUM(d."trainingAccepted")::int AS "trainingAccepted",
             SUM(d."trainingStaffCompleted")::int AS "trainingStaffCompleted",
             SUM(d."careerSubmitted")::int AS "careerSubmitted", SUM(d."oneOnOneMeetings")::int AS "oneOnOneMeetings"
        FROM org_unit s JOIN org_unit u ON starts_with(u.path, s.path)
        JOIN dashboard_unit_year d ON d."orgUnitId" = u.id
       GROUP BY 1, 2, 3
      UNION ALL
      SELECT d."fiscalYear", '00000000-0000-0000-0000-000000000000', NULL, SUM(d.staff)::int, SUM(d."youngStaff")::int,
             SUM(d."ojtCovered")::int, SUM(d."ojtSessions")::int, SUM(d."ojtMinutes")::bigint,
             SUM(d."trainingAccepted")::int, SUM(d."trainingStaffCompleted")::int, SUM(d."careerSubmitted")::int,
             SUM(d."oneOnOneMeetings")::int
        FROM dashboard_unit_year d GROUP BY 1`,
  ]);
  return { kept: norm(kept), recount: norm(recount) };
}

describe('rollups', () => {
  it('start equal to a recount of the demo data', async () => {
    for (const r of [
      await ojtStaffYear(),
      await ojtInitiativeYear(),
      await ojtInitiativeTotalYear(),
      await trainingStaffYear(),
      await dashboardUnitYear(),
      await dashboardScopeYear(),
    ]) {
      expect(r.kept).toEqual(r.recount);
    }
  });

  it('follow updates and deletions of OJT sessions', async () => {
    const sessions = await db().ojtSession.findMany({
      orderBy: { id: 'asc' },
      take: 12,
      select: { id: true, traineeId: true, occurredOn: true, fiscalYear: true, initiativeIds: true },
    });
    expect(sessions.length).toBeGreaterThanOrEqual(12);
    const initiatives = await db().initiative.findMany({ select: { id: true }, take: 2 });
    const [a, b, c, d, e, f, ...rest] = sessions;
    if (!a || !b || !c || !d || !e || !f) throw new Error('demo OJT sessions missing');
    await db().ojtSession.update({ where: { id: a.id }, data: { minutes: 95 } });
    await db().ojtSession.update({ where: { id: b.id }, data: { traineeId: c.traineeId } });
    const earlier = new Date(c.occurredOn);
    earlier.setUTCFullYear(earlier.getUTCFullYear() - 1);
    await db().ojtSession.update({
      where: { id: c.id },
      data: { occurredOn: earlier, fiscalYear: c.fiscalYear - 1 },
    });
    await db().ojtSession.update({
      where: { id: d.id },
      data: { initiativeIds: initiatives.map((i) => i.id) },
    });
    await db().ojtSession.update({ where: { id: e.id }, data: { initiativeIds: [] } });
    await db().ojtSession.update({ where: { id: f.id }, data: { topic: '題目だけの訂正' } });
    await db().ojtSession.deleteMany({ where: { id: { in: rest.map((s) => s.id) } } });
    for (const r of [
      await ojtStaffYear(),
      await ojtInitiativeYear(),
      await ojtInitiativeTotalYear(),
      await dashboardUnitYear(),
      await dashboardScopeYear(),
    ]) {
      expect(r.kept).toEqual(r.recount);
    }
  });

  it('follow updates and deletions of training applications', async () => {
    const apps = await db().trainingApplication.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, status: true, completed: true, staffId: true, fiscalYear: true },
    });
    const accepted = apps.filter((x) => x.status === 'accepted');
    const other = apps.filter((x) => x.status !== 'accepted');
    expect(accepted.length).toBeGreaterThanOrEqual(4);
    expect(other.length).toBeGreaterThanOrEqual(2);
    const [a1, a2, a3, a4] = accepted;
    const [o1, o2] = other;
    if (!a1 || !a2 || !a3 || !a4 || !o1 || !o2) throw new Error('demo applications missing');
    await db().trainingApplication.update({ where: { id: a1.id }, data: { status: 'withdrawn' } });
    await db().trainingApplication.update({ where: { id: a2.id }, data: { completed: !a2.completed } });
    await db().trainingApplication.update({ where: { id: a3.id }, data: { fiscalYear: a3.fiscalYear - 1 } });
    await db().trainingApplication.update({ where: { id: o1.id }, data: { status: 'accepted' } });
    await db().trainingApplication.deleteMany({ where: { id: { in: [a4.id, o2.id] } } });
    for (const r of [await trainingStaffYear(), await dashboardUnitYear(), await dashboardScopeYear()])
      expect(r.kept).toEqual(r.recount);
  });
});
