/**
 * The rollups the dashboards read are kept by triggers: after sessions and applications are updated
 * (moved to another person, day, 年度, length, initiative; accepted, withdrawn, completed) and deleted,
 * every rollup equals a recount from the raw rows.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/database.ts';

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

describe('rollups', () => {
  it('start equal to a recount of the demo data', async () => {
    for (const r of [await ojtStaffYear(), await ojtInitiativeYear(), await trainingStaffYear()]) {
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
    for (const r of [await ojtStaffYear(), await ojtInitiativeYear()]) expect(r.kept).toEqual(r.recount);
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
    const r = await trainingStaffYear();
    expect(r.kept).toEqual(r.recount);
  });
});
