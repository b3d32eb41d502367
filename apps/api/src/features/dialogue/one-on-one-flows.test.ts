/**
 * 1on1 flows after recording: the author's corrections and deletion (versioned, audited without the
 * private notes in clear, locked once acknowledged — decision 009's rules), the person's agenda and
 * acknowledgement, actions done by their owner or the author, open actions on both sides, the single
 * record's private notes, and the team's cadence and overdue list.
 */
import {
  fiscalYearOf,
  type OneOnOne,
  type OneOnOneTeam,
  type OpenOneOnOneActionPage,
  type TeamDashboard,
} from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { today } from '../../access/access.ts';
import { refreshDashboardRollup } from '../dashboards/dashboard-rollup.ts';
import { as, enableSignIn, idOf, personIn, sessions } from '../ojt/ojt.test-helpers.ts';

const ctx = useTestApp();
const app = () => ctx().app;
const db = () => ctx().database.db;
const request = as(app, sessions(app));

const todayIso = today().toISOString().slice(0, 10);
const inDays = (n: number) => {
  const d = new Date(`${todayIso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const SECRET = 'secret-remark-about-transfer';

const ids = {} as Record<'staff' | 'supervisor' | 'kacho', string>;
let kacho = '';

beforeAll(async () => {
  await db().oneOnOne.deleteMany();
  await db().oneOnOneCadence.deleteMany();
  ids.staff = await idOf(db(), 'demo-staff');
  ids.supervisor = await idOf(db(), 'demo-supervisor');
  ids.kacho = await personIn(db(), 'aoba-1-1', true);
  kacho = await enableSignIn(db(), ids.kacho);
});

async function record(over: Record<string, unknown> = {}): Promise<OneOnOne> {
  const res = await request('demo-supervisor', {
    method: 'POST',
    url: '/api/one-on-ones',
    payload: {
      staffId: ids.staff,
      minutes: 30,
      topics: ['業務の振り返り'],
      sharedNotes: '共有メモ',
      privateNotes: SECRET,
      actions: [
        { text: '資料を読む', ownerId: ids.staff, dueOn: inDays(7) },
        { text: '研修枠を確認する', ownerId: ids.supervisor },
      ],
      ...over,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json<OneOnOne>();
}

const correction = (r: OneOnOne, over: Record<string, unknown> = {}) => ({
  heldOn: r.heldOn,
  status: r.status,
  minutes: r.minutes,
  kind: r.kind,
  topics: r.topics,
  sharedNotes: r.sharedNotes,
  privateNotes: SECRET,
  addActions: [],
  staffImageIds: r.staffImageIds,
  initiativeIds: r.initiativeIds,
  version: r.version,
  ...over,
});

describe('GET /api/one-on-ones/{id}', () => {
  it('gives the private notes to the author only', async () => {
    const r = await record();
    const author = await request('demo-supervisor', { url: `/api/one-on-ones/${r.id}` });
    expect(author.json<OneOnOne>().privateNotes).toBe(SECRET);
    for (const who of ['demo-staff', kacho, 'demo-hr']) {
      const res = await request(who, { url: `/api/one-on-ones/${r.id}` });
      expect(res.statusCode, who).toBe(200);
      expect(res.body, who).not.toContain(SECRET);
      expect('privateNotes' in res.json<OneOnOne>(), who).toBe(false);
    }
    for (const who of ['demo-bureau', 'demo-exec', 'demo-staff-other']) {
      expect((await request(who, { url: `/api/one-on-ones/${r.id}` })).statusCode, who).toBe(404);
    }
  });
});

describe('PUT and DELETE /api/one-on-ones/{id}', () => {
  it('lets the author correct it, versioned, audited without the private notes in clear', async () => {
    const r = await record();
    const res = await request('demo-supervisor', {
      method: 'PUT',
      url: `/api/one-on-ones/${r.id}`,
      payload: correction(r, {
        minutes: 45,
        privateNotes: 'another-secret-remark',
        addActions: [{ text: '次回までに目標を書く', ownerId: ids.staff }],
      }),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<OneOnOne>();
    expect(body).toMatchObject({ minutes: 45, version: 2, privateNotes: 'another-secret-remark' });
    expect(body.actions.map((a) => a.text)).toEqual([
      '資料を読む',
      '研修枠を確認する',
      '次回までに目標を書く',
    ]);
    const entry = await db().auditLog.findFirstOrThrow({
      where: { entityId: r.id, action: 'one-on-one.update' },
    });
    const trail = JSON.stringify([entry.before, entry.after]);
    expect(trail).not.toContain(SECRET);
    expect(trail).not.toContain('another-secret-remark');
    expect(entry.after).toMatchObject({ minutes: 45, hasPrivateNotes: true, privateNotesChanged: true });

    const stale = await request('demo-supervisor', {
      method: 'PUT',
      url: `/api/one-on-ones/${r.id}`,
      payload: correction(r, { minutes: 10 }),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', current: { minutes: 45, version: 2 } });
  });

  it('refuses everyone but the author: 403 for those who see it, 404 for the rest', async () => {
    const r = await record();
    for (const who of ['demo-staff', kacho, 'demo-hr']) {
      const res = await request(who, {
        method: 'PUT',
        url: `/api/one-on-ones/${r.id}`,
        payload: correction(r),
      });
      expect(res.statusCode, who).toBe(403);
      const del = await request(who, { method: 'DELETE', url: `/api/one-on-ones/${r.id}?version=1` });
      expect(del.statusCode, who).toBe(403);
    }
    for (const who of ['demo-bureau', 'demo-exec']) {
      const res = await request(who, {
        method: 'PUT',
        url: `/api/one-on-ones/${r.id}`,
        payload: correction(r),
      });
      expect(res.statusCode, who).toBe(404);
    }
    expect((await db().oneOnOne.findUniqueOrThrow({ where: { id: r.id } })).version).toBe(1);
  });

  it('keeps the date and minutes once acknowledged, and refuses to delete it then', async () => {
    const r = await record();
    const ack = await request('demo-staff', {
      method: 'POST',
      url: `/api/one-on-ones/${r.id}/acknowledge`,
      payload: { staffNotes: '分担を見直せて安心した' },
    });
    expect(ack.statusCode).toBe(200);
    const acked = ack.json<OneOnOne>();
    expect(acked).toMatchObject({ staffNotes: '分担を見直せて安心した', version: 2 });
    expect(acked.acknowledgedAt).not.toBeNull();
    const locked = await request('demo-supervisor', {
      method: 'PUT',
      url: `/api/one-on-ones/${r.id}`,
      payload: correction(acked, { minutes: 5 }),
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('one_on_one_acknowledged');
    const fixed = await request('demo-supervisor', {
      method: 'PUT',
      url: `/api/one-on-ones/${r.id}`,
      payload: correction(acked, { topics: ['業務の振り返り（訂正）'] }),
    });
    expect(fixed.statusCode).toBe(200);
    const del = await request('demo-supervisor', {
      method: 'DELETE',
      url: `/api/one-on-ones/${r.id}?version=3`,
    });
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('one_on_one_acknowledged');
  });

  it('deletes an unacknowledged one with its actions and private notes; audited; the rollup follows', async () => {
    const r = await record({ minutes: 17 });
    const fy = r.fiscalYear;
    const before = await db().oneOnOneStaffYear.findUniqueOrThrow({
      where: { staffId_fiscalYear: { staffId: ids.staff, fiscalYear: fy } },
    });
    const stale = await request('demo-supervisor', {
      method: 'DELETE',
      url: `/api/one-on-ones/${r.id}?version=9`,
    });
    expect(stale.statusCode).toBe(409);
    const res = await request('demo-supervisor', {
      method: 'DELETE',
      url: `/api/one-on-ones/${r.id}?version=1`,
    });
    expect(res.statusCode).toBe(204);
    expect(await db().oneOnOneAction.count({ where: { oneOnOneId: r.id } })).toBe(0);
    expect(await db().oneOnOnePrivateNote.count({ where: { oneOnOneId: r.id } })).toBe(0);
    const after = await db().oneOnOneStaffYear.findUniqueOrThrow({
      where: { staffId_fiscalYear: { staffId: ids.staff, fiscalYear: fy } },
    });
    expect([after.meetings, after.minutes]).toEqual([before.meetings - 1, before.minutes - 17]);
    const entry = await db().auditLog.findFirstOrThrow({
      where: { entityId: r.id, action: 'one-on-one.delete' },
    });
    expect(JSON.stringify(entry.before)).not.toContain(SECRET);
  });
});

describe('the person: agenda and acknowledgement', () => {
  it('writes an agenda before a scheduled 1on1, not after; only the person', async () => {
    const r = await record({ status: 'scheduled', heldOn: inDays(5), privateNotes: '' });
    expect(r.canWriteAgenda).toBe(false);
    const mine = await request('demo-staff', { url: `/api/one-on-ones/${r.id}` });
    expect(mine.json<OneOnOne>()).toMatchObject({ canWriteAgenda: true, canAcknowledge: false });
    const put = (who: string, version: number) =>
      request(who, {
        method: 'PUT',
        url: `/api/one-on-ones/${r.id}/agenda`,
        payload: { staffAgenda: '異動の希望について話したい', version },
      });
    expect((await put('demo-supervisor', 1)).statusCode).toBe(403);
    const ok = await put('demo-staff', 1);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<OneOnOne>()).toMatchObject({ staffAgenda: '異動の希望について話したい', version: 2 });
    expect((await put('demo-staff', 1)).statusCode).toBe(409);
    const early = await request('demo-staff', {
      method: 'POST',
      url: `/api/one-on-ones/${r.id}/acknowledge`,
      payload: {},
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('one_on_one_not_held');
  });

  it('only the person acknowledges', async () => {
    const r = await record();
    for (const who of ['demo-supervisor', kacho, 'demo-hr']) {
      const res = await request(who, {
        method: 'POST',
        url: `/api/one-on-ones/${r.id}/acknowledge`,
        payload: {},
      });
      expect(res.statusCode, who).toBe(403);
    }
    expect(
      (
        await request('demo-staff-other', {
          method: 'POST',
          url: `/api/one-on-ones/${r.id}/acknowledge`,
          payload: {},
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('actions', () => {
  it('shows open actions on both sides until done; the owner or the author marks them', async () => {
    const r = await record({ topics: ['アクションの確認'] });
    const [staffAction, supervisorAction] = r.actions;
    const open = async (who: string) =>
      (await request(who, { url: '/api/one-on-one-actions?pageSize=100' })).json<OpenOneOnOneActionPage>()
        .items;
    expect((await open('demo-staff')).map((a) => a.id)).toContain(staffAction?.id);
    expect((await open('demo-staff')).map((a) => a.id)).not.toContain(supervisorAction?.id);
    expect((await open('demo-supervisor')).map((a) => a.id)).toEqual(
      expect.arrayContaining([staffAction?.id, supervisorAction?.id]),
    );
    expect((await open(kacho)).map((a) => a.id)).not.toContain(staffAction?.id);

    const mark = (who: string, id: string | undefined, done: boolean) =>
      request(who, { method: 'PUT', url: `/api/one-on-one-actions/${id}`, payload: { done } });
    expect((await mark('demo-staff', supervisorAction?.id, true)).statusCode).toBe(403);
    expect((await mark(kacho, staffAction?.id, true)).statusCode).toBe(403);
    expect((await mark('demo-staff-other', staffAction?.id, true)).statusCode).toBe(404);
    const done = await mark('demo-staff', staffAction?.id, true);
    expect(done.statusCode).toBe(200);
    expect(done.json().doneAt).not.toBeNull();
    expect((await open('demo-staff')).map((a) => a.id)).not.toContain(staffAction?.id);
    expect((await open('demo-supervisor')).map((a) => a.id)).not.toContain(staffAction?.id);
    expect((await mark('demo-supervisor', supervisorAction?.id, true)).statusCode).toBe(200);
    const reopened = await mark('demo-supervisor', staffAction?.id, false);
    expect(reopened.json()).toMatchObject({ doneAt: null });
    const stale = await request('demo-staff', {
      method: 'PUT',
      url: `/api/one-on-one-actions/${staffAction?.id}`,
      payload: { done: true, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('cadence and the team dashboard', () => {
  it('shows days since the last 1on1 and who is overdue against the supervisor’s cadence', async () => {
    const team = async () =>
      (
        await request('demo-supervisor', { url: '/api/dashboards/team/one-on-ones?pageSize=100' })
      ).json<OneOnOneTeam>();
    const first = await team();
    expect(first.cadence).toMatchObject({ intervalDays: 30, isDefault: true, version: 0 });
    const me = first.items.find((i) => i.staff.id === ids.staff);
    expect(me).toMatchObject({ lastOn: todayIso, daysSinceLast: 0, overdue: false });
    const never = first.items.find((i) => i.meetingsThisYear === 0);
    expect(never?.lastOn).toBeNull();
    expect(first.items.some((i) => i.staff.id === ids.supervisor)).toBe(false);
    expect(first.totals.members).toBe(first.items.length);

    const set = await request('demo-supervisor', {
      method: 'PUT',
      url: '/api/one-on-one-cadence',
      payload: { intervalDays: 14, version: 0 },
    });
    expect(set.json()).toMatchObject({ intervalDays: 14, version: 1, isDefault: false });
    const again = await request('demo-supervisor', {
      method: 'PUT',
      url: '/api/one-on-one-cadence',
      payload: { intervalDays: 21, version: 0 },
    });
    expect(again.statusCode).toBe(409);
    expect((await team()).cadence.intervalDays).toBe(14);
    for (const who of ['demo-staff', 'demo-hr', 'demo-exec']) {
      expect((await request(who, { url: '/api/dashboards/team/one-on-ones' })).statusCode, who).toBe(403);
    }
    expect(
      (
        await request('demo-supervisor', {
          method: 'PUT',
          url: '/api/one-on-one-cadence',
          payload: { intervalDays: 2, version: 1 },
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('the team page (/api/dashboards/team)', () => {
  it('shows days since each person’s last 1on1 and who is past the cadence, as the 1on1 team view does; sortable', async () => {
    await record();
    const oneOnOnes = (
      await request('demo-supervisor', { url: '/api/dashboards/team/one-on-ones?pageSize=100' })
    ).json<OneOnOneTeam>();
    const board = await request('demo-supervisor', {
      url: '/api/dashboards/team?pageSize=100&sort=oneOnOne&order=asc',
    });
    expect(board.statusCode).toBe(200);
    const team = board.json<TeamDashboard>();
    expect(team.items.length).toBe(oneOnOnes.items.length);
    for (const m of oneOnOnes.items) {
      const row = team.items.find((i) => i.staff.id === m.staff.id);
      expect(row?.oneOnOne, m.staff.name).toEqual({
        lastOn: m.lastOn,
        daysSinceLast: m.daysSinceLast,
        intervalDays: oneOnOnes.cadence.intervalDays,
        overdue: m.overdue,
      });
    }
    expect(team.items.find((i) => i.staff.id === ids.staff)?.oneOnOne).toMatchObject({
      lastOn: todayIso,
      daysSinceLast: 0,
      overdue: false,
    });
    expect(team.totals.oneOnOneOverdue).toBe(oneOnOnes.totals.overdue);
    // ascending by the last 1on1: never-had first, then the longest wait
    const order = team.items.map((i) => i.oneOnOne.lastOn ?? '');
    expect(order).toEqual([...order].sort());
    expect(board.body).not.toContain(SECRET);
  });
});

describe('rollups', () => {
  it('keeps one_on_one_staff_year equal to a recount of the held records, after creates, corrections and deletes', async () => {
    const r = await record({ minutes: 11 });
    await request('demo-supervisor', {
      method: 'PUT',
      url: `/api/one-on-ones/${r.id}`,
      payload: correction(r, { minutes: 12 }),
    });
    await record({ status: 'scheduled', heldOn: inDays(3), minutes: 50 });
    const recount = await db().$queryRaw<
      { staffId: string; fiscalYear: number; meetings: number; minutes: number; lastOn: Date }[]
    >`SELECT "staffId", "fiscalYear", count(*)::int AS meetings, sum(minutes)::int AS minutes, max("heldOn") AS "lastOn"
        FROM "one_on_one" WHERE status = 'held' GROUP BY 1, 2 ORDER BY 1, 2`;
    const kept = await db().oneOnOneStaffYear.findMany({
      where: { meetings: { gt: 0 } },
      orderBy: [{ staffId: 'asc' }, { fiscalYear: 'asc' }],
    });
    expect(
      kept.map((k) => [k.staffId, k.fiscalYear, k.meetings, k.minutes, k.lastOn?.toISOString()]),
    ).toEqual(recount.map((c) => [c.staffId, c.fiscalYear, c.meetings, c.minutes, c.lastOn.toISOString()]));
    expect(recount.length).toBeGreaterThan(0);
  });

  it('shows 1on1 coverage on the unit dashboard, from the rollup', async () => {
    await refreshDashboardRollup(db());
    const aoba = await db().orgUnit.findUniqueOrThrow({ where: { code: 'aoba' }, select: { id: true } });
    const res = await request('demo-hr', { url: `/api/dashboards/org-units/${aoba.id}` });
    expect(res.statusCode).toBe(200);
    const summary = res.json().summary;
    const people = await db().oneOnOneStaffYear.count({
      where: { fiscalYear: fiscalYearOf(todayIso), meetings: { gt: 0 } },
    });
    expect(summary.oneOnOneCovered).toBe(people);
    expect(summary.oneOnOneCoverage).toBeCloseTo((people / summary.staff) * 100, 0);
    expect(res.body).not.toContain(SECRET);
  });
});
