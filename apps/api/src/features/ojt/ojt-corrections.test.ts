/**
 * Correcting and deleting an OJT session over HTTP: only the supervisor who logged it (and still
 * supervises the trainee), `updatedAt` as the optimistic token, what the trainee acknowledged kept,
 * the 年度 following the date, the audit, and the team dashboard's figures following the rollup.
 */
import { fiscalYearOf, fiscalYearRange, type OjtSession, type TeamDashboard } from '@portal/contracts';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { today } from '../../access/access.ts';
import { as, clearOjt, enableSignIn, idOf, personIn, sessions } from './ojt.test-helpers.ts';

const ctx = useTestApp();
const app = () => ctx().app;
const db = () => ctx().database.db;
const request = as(app, sessions(app));

const todayIso = today().toISOString().slice(0, 10);
const fy = fiscalYearOf(todayIso);
const daysAgo = (n: number) => {
  const d = new Date(`${todayIso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  const iso = d.toISOString().slice(0, 10);
  return [iso, fiscalYearRange(fy).from].sort()[1] ?? iso;
};
/** A day of the previous 年度 (still a date a session may take). */
const lastYearDay = `${fy}-03-31`;

const ids = {} as Record<'staff' | 'supervisor' | 'other' | 'mate' | 'kacho', string>;
let kacho = '';
let staffImageId = '';

beforeAll(async () => {
  ids.staff = await idOf(db(), 'demo-staff');
  ids.supervisor = await idOf(db(), 'demo-supervisor');
  ids.other = await idOf(db(), 'demo-staff-other');
  const mates = await db().assignment.findMany({
    where: { orgUnit: { code: 'aoba-1-1-1' }, isHead: false, endsOn: null, staffId: { not: ids.staff } },
    select: { staffId: true },
  });
  ids.mate = mates[0]?.staffId ?? '';
  ids.kacho = await personIn(db(), 'aoba-1-1', true);
  kacho = await enableSignIn(db(), ids.kacho);
  const policy = await db().policy.findFirstOrThrow({
    where: { inForce: true },
    select: { staffImages: { select: { id: true }, take: 1 } },
  });
  staffImageId = policy.staffImages[0]?.id ?? '';
});

beforeEach(async () => {
  await clearOjt(db());
});

const log = async (over: Record<string, unknown> = {}, loginId = 'demo-supervisor') => {
  const res = await request(loginId, {
    method: 'POST',
    url: '/api/ojt-sessions',
    payload: { traineeId: ids.staff, minutes: 30, method: 'guidance', topic: '窓口対応の基本', ...over },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<OjtSession>();
};

/** The whole session as the form sends it back, with changes. */
const correction = (s: OjtSession, over: Record<string, unknown> = {}) => ({
  occurredOn: s.occurredOn,
  minutes: s.minutes,
  method: s.method,
  topic: s.topic,
  notes: s.notes,
  staffImageIds: s.staffImageIds,
  initiativeIds: s.initiativeIds,
  updatedAt: s.updatedAt,
  ...over,
});

const put = (loginId: string, id: string, payload: unknown) =>
  request(loginId, { method: 'PUT', url: `/api/ojt-sessions/${id}`, payload });
const del = (loginId: string, id: string) =>
  request(loginId, { method: 'DELETE', url: `/api/ojt-sessions/${id}` });
const acknowledge = async (id: string) => {
  const res = await request('demo-staff', {
    method: 'POST',
    url: `/api/ojt-sessions/${id}/acknowledge`,
    payload: {},
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<OjtSession>();
};

const dashboardRow = async (staffId: string, fiscalYear = fy) => {
  const res = await request('demo-supervisor', { url: `/api/dashboards/team?fiscalYear=${fiscalYear}` });
  expect(res.statusCode, res.body).toBe(200);
  const d = res.json<TeamDashboard>();
  const row = d.items.find((m) => m.staff.id === staffId);
  return {
    sessions: row?.ojt.sessions,
    minutes: row?.ojt.minutes,
    lastOn: row?.ojt.lastOn,
    totals: d.totals,
  };
};

describe('PUT /api/ojt-sessions/{id}', () => {
  it('the logger corrects topic, minutes, date, method, notes and links; the list says what they may do', async () => {
    const s = await log({ occurredOn: daysAgo(3) });
    expect(s.canEdit).toBe(true);
    expect(s.canDelete).toBe(true);
    const res = await put(
      'demo-supervisor',
      s.id,
      correction(s, {
        topic: '  窓口対応の基本（訂正）  ',
        minutes: 45,
        method: 'review',
        occurredOn: daysAgo(1),
        notes: '次回は電話対応',
        staffImageIds: [staffImageId],
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<OjtSession>();
    expect(body).toMatchObject({
      topic: '窓口対応の基本（訂正）',
      minutes: 45,
      method: 'review',
      occurredOn: daysAgo(1),
      notes: '次回は電話対応',
      staffImageIds: [staffImageId],
      canEdit: true,
    });
    expect(body.policyLinks.staffImages[0]?.id).toBe(staffImageId);
    expect(body.updatedAt > s.updatedAt).toBe(true);

    const audit = await db().auditLog.findFirst({ where: { action: 'ojt.session.update', entityId: s.id } });
    expect(audit?.actorId).toBe(ids.supervisor);
    expect(audit?.before).toMatchObject({ topic: '窓口対応の基本', minutes: 30 });
    expect(audit?.after).toMatchObject({ topic: '窓口対応の基本（訂正）', minutes: 45 });

    // what others read: the trainee may not edit; the logger's list says they may
    const mine = await request('demo-staff', { url: `/api/ojt-sessions?staffId=${ids.staff}` });
    expect(mine.json<{ items: OjtSession[] }>().items[0]).toMatchObject({ canEdit: false, canDelete: false });
    const given = await request('demo-supervisor', { url: '/api/ojt-sessions?supervisorId=me' });
    expect(given.json<{ items: OjtSession[] }>().items[0]).toMatchObject({ canEdit: true, canDelete: true });
  });

  it('moves the session to the 年度 of its new date, and the team dashboard follows', async () => {
    const s = await log({ minutes: 60, occurredOn: daysAgo(0) });
    const before = await dashboardRow(ids.staff);
    expect(before.sessions).toBe(1);
    expect(before.minutes).toBe(60);
    expect(before.totals.minutes).toBe(60);

    const minutes = await put('demo-supervisor', s.id, correction(s, { minutes: 90 }));
    expect(minutes.statusCode, minutes.body).toBe(200);
    const after = await dashboardRow(ids.staff);
    expect(after.sessions).toBe(1);
    expect(after.minutes).toBe(90);
    expect(after.totals.minutes).toBe(90);

    const moved = await put(
      'demo-supervisor',
      s.id,
      correction(minutes.json<OjtSession>(), { occurredOn: lastYearDay }),
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<OjtSession>().fiscalYear).toBe(fy - 1);
    const thisYear = await dashboardRow(ids.staff);
    expect(thisYear.sessions).toBe(0);
    expect(thisYear.minutes).toBe(0);
    // the last session received now lies in the previous 年度
    expect(thisYear.lastOn).toBe(lastYearDay);
    const previous = await db().ojtStaffYear.findUnique({
      where: { staffId_fiscalYear: { staffId: ids.staff, fiscalYear: fy - 1 } },
    });
    expect(previous).toMatchObject({ sessions: 1, minutes: 90 });
  });

  it('moves a session logged for the wrong person to another of my staff; the figures of both follow', async () => {
    const s = await log({ minutes: 20 });
    const res = await put('demo-supervisor', s.id, { ...correction(s), traineeId: ids.mate });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<OjtSession>().trainee.id).toBe(ids.mate);
    expect((await dashboardRow(ids.staff)).sessions).toBe(0);
    expect(await dashboardRow(ids.mate)).toMatchObject({ sessions: 1, minutes: 20 });
    // not to someone who is not mine
    const fresh = res.json<OjtSession>();
    const away = await put('demo-supervisor', s.id, { ...correction(fresh), traineeId: ids.other });
    expect(away.statusCode).toBe(404);
  });

  it('stale updatedAt → 409 with the current session, nothing overwritten', async () => {
    const s = await log();
    const first = await put('demo-supervisor', s.id, correction(s, { topic: '一回目' }));
    expect(first.statusCode).toBe(200);
    const second = await put('demo-supervisor', s.id, correction(s, { topic: '二回目' }));
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'stale_version', current: { id: s.id, topic: '一回目' } });
    expect((await db().ojtSession.findUniqueOrThrow({ where: { id: s.id } })).topic).toBe('一回目');
  });

  it('lets one of two corrections from the same read through', async () => {
    const s = await log();
    const results = await Promise.all(
      ['甲', '乙', '丙'].map((topic) => put('demo-supervisor', s.id, correction(s, { topic }))),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it('after acknowledgement: trainee, date and minutes stay (409 ojt_acknowledged); notes, topic and links may be fixed', async () => {
    const s = await log({ occurredOn: daysAgo(2) });
    const acked = await acknowledge(s.id);
    expect(acked.canEdit).toBe(false);
    const given = await request('demo-supervisor', { url: '/api/ojt-sessions?supervisorId=me' });
    const current = given.json<{ items: OjtSession[] }>().items[0] as OjtSession;
    expect(current).toMatchObject({ canEdit: true, canDelete: false });

    for (const over of [{ minutes: 45 }, { occurredOn: daysAgo(1) }, { traineeId: ids.mate }]) {
      const res = await put('demo-supervisor', s.id, correction(current, over));
      expect(res.statusCode, JSON.stringify(over)).toBe(409);
      expect(res.json()).toMatchObject({ code: 'ojt_acknowledged', current: { id: s.id, minutes: 30 } });
    }
    const notes = await put(
      'demo-supervisor',
      s.id,
      correction(current, { notes: '補足', topic: '窓口対応' }),
    );
    expect(notes.statusCode, notes.body).toBe(200);
    expect(notes.json<OjtSession>()).toMatchObject({ notes: '補足', topic: '窓口対応', minutes: 30 });
    expect(notes.json<OjtSession>().acknowledgedAt).not.toBeNull();
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const s = await log();
    const cases: [Record<string, unknown>, string][] = [
      [{ minutes: 0 }, 'body.minutes'],
      [{ topic: ' ' }, 'body.topic'],
      [{ occurredOn: '2099-01-01' }, 'body.occurredOn'],
      [{ updatedAt: 'yesterday' }, 'body.updatedAt'],
      [{ staffImageIds: [crypto.randomUUID()] }, 'body.staffImageIds.0'],
    ];
    for (const [over, field] of cases) {
      const res = await put('demo-supervisor', s.id, correction(s, over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const missing = await put('demo-supervisor', s.id, { topic: 'x' });
    expect(missing.statusCode).toBe(400);
    const row = await db().ojtSession.findUniqueOrThrow({ where: { id: s.id } });
    expect(row.updatedAt.toISOString()).toBe(s.updatedAt);
  });

  it('only the logger who still supervises: out of scope → 404, visible but not the logger → 403', async () => {
    const s = await log();
    const byKacho = await log({}, kacho);
    expect((await put('demo-staff-other', s.id, correction(s))).statusCode).toBe(404);
    expect((await put('demo-bureau', s.id, correction(s))).statusCode).toBe(404);
    expect((await put('demo-supervisor', crypto.randomUUID(), correction(s))).statusCode).toBe(404);
    expect((await put('demo-staff', s.id, correction(s))).statusCode).toBe(403);
    expect((await put('demo-hr', s.id, correction(s))).statusCode).toBe(403);
    expect((await put('demo-exec', s.id, correction(s))).statusCode).toBe(403);
    // the 課長 above supervises demo-staff too, but did not log this one; nor demo-supervisor the 課長's
    const res = await put(kacho, s.id, correction(s));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('not_logger');
    expect((await put('demo-supervisor', byKacho.id, correction(byKacho))).statusCode).toBe(403);

    // a trainee who is no longer mine: the session stays as I wrote it
    await db().assignment.updateMany({
      where: { staffId: ids.staff, endsOn: null },
      data: { endsOn: new Date(`${daysAgo(1)}T00:00:00Z`) },
    });
    try {
      const gone = await put('demo-supervisor', s.id, correction(s, { topic: 'x' }));
      expect(gone.statusCode).toBe(403);
      expect(gone.json().code).toBe('not_supervisor');
    } finally {
      await db().assignment.updateMany({
        where: { staffId: ids.staff, endsOn: new Date(`${daysAgo(1)}T00:00:00Z`) },
        data: { endsOn: null },
      });
    }
    const anon = await app().inject({
      method: 'PUT',
      url: `/api/ojt-sessions/${s.id}`,
      payload: correction(s),
    });
    expect(anon.statusCode).toBe(401);
  });
});

describe('DELETE /api/ojt-sessions/{id}', () => {
  it('the logger deletes an unacknowledged session: 204, audited, the dashboard follows', async () => {
    const keep = await log({ minutes: 15, occurredOn: daysAgo(5) });
    const s = await log({ minutes: 40, occurredOn: daysAgo(1) });
    expect(await dashboardRow(ids.staff)).toMatchObject({ sessions: 2, minutes: 55, lastOn: daysAgo(1) });

    const res = await del('demo-supervisor', s.id);
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');
    expect(await db().ojtSession.findUnique({ where: { id: s.id } })).toBeNull();
    expect(await dashboardRow(ids.staff)).toMatchObject({
      sessions: 1,
      minutes: 15,
      lastOn: keep.occurredOn,
    });
    const audit = await db().auditLog.findFirst({ where: { action: 'ojt.session.delete', entityId: s.id } });
    expect(audit?.actorId).toBe(ids.supervisor);
    expect(audit?.before).toMatchObject({ traineeId: ids.staff, minutes: 40 });

    expect((await del('demo-supervisor', s.id)).statusCode).toBe(404);
  });

  it('refuses an acknowledged session with 409 ojt_acknowledged and the current one', async () => {
    const s = await log();
    await acknowledge(s.id);
    const res = await del('demo-supervisor', s.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ojt_acknowledged', current: { id: s.id, canDelete: false } });
    expect(await db().ojtSession.count({ where: { id: s.id } })).toBe(1);
  });

  it('only the logger: out of scope → 404, visible but not the logger → 403', async () => {
    const s = await log();
    expect((await del('demo-staff-other', s.id)).statusCode).toBe(404);
    expect((await del('demo-bureau', s.id)).statusCode).toBe(404);
    expect((await del('demo-staff', s.id)).statusCode).toBe(403);
    expect((await del('demo-hr', s.id)).statusCode).toBe(403);
    expect((await del('demo-exec', s.id)).statusCode).toBe(403);
    expect((await del(kacho, s.id)).statusCode).toBe(403);
    expect((await app().inject({ method: 'DELETE', url: `/api/ojt-sessions/${s.id}` })).statusCode).toBe(401);
    expect(await db().ojtSession.count({ where: { id: s.id } })).toBe(1);
  });
});
