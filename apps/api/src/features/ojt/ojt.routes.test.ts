/**
 * OJT over HTTP, through the real app and database: logging a session (one, a batch, idempotent
 * retries), the trainee's acknowledgement, the scoped list, the 年間OJT計画 with its version, and the
 * team dashboard.
 */
import {
  fiscalYearOf,
  fiscalYearRange,
  type OjtPlan,
  type OjtSession,
  type TeamDashboard,
} from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
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
  // keep within this 年度, whatever the day the tests run
  return [iso, fiscalYearRange(fy).from].sort()[1] ?? iso;
};

const ids = {} as Record<
  'staff' | 'supervisor' | 'other' | 'mateA' | 'mateB' | 'kacho' | 'otherHead',
  string
>;
let kacho = '';
let otherHead = '';
let staffImageId = '';
let initiativeId = '';

beforeAll(async () => {
  await clearOjt(db());
  ids.staff = await idOf(db(), 'demo-staff');
  ids.supervisor = await idOf(db(), 'demo-supervisor');
  ids.other = await idOf(db(), 'demo-staff-other');
  const mates = await db().assignment.findMany({
    where: { orgUnit: { code: 'aoba-1-1-1' }, isHead: false, endsOn: null, staffId: { not: ids.staff } },
    select: { staffId: true },
  });
  ids.mateA = mates[0]?.staffId ?? '';
  ids.mateB = mates[1]?.staffId ?? '';
  // 戸籍住民課長 (above demo-supervisor) and the 係長 of the neighbouring 住民係
  ids.kacho = await personIn(db(), 'aoba-1-1', true);
  ids.otherHead = await personIn(db(), 'aoba-1-1-2', true);
  kacho = await enableSignIn(db(), ids.kacho);
  otherHead = await enableSignIn(db(), ids.otherHead);
  const policy = await db().policy.findFirstOrThrow({
    where: { inForce: true },
    select: {
      staffImages: { select: { id: true }, take: 1 },
      policyAreas: { select: { initiatives: { select: { id: true }, take: 1 } }, take: 1 },
    },
  });
  staffImageId = policy.staffImages[0]?.id ?? '';
  initiativeId = policy.policyAreas[0]?.initiatives[0]?.id ?? '';
});

const session = (over: Record<string, unknown> = {}) => ({
  traineeId: ids.staff,
  minutes: 30,
  method: 'guidance',
  topic: '窓口対応の基本',
  ...over,
});

const post = (loginId: string, payload: unknown, key?: string) =>
  request(loginId, {
    method: 'POST',
    url: '/api/ojt-sessions',
    payload,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

describe('POST /api/ojt-sessions', () => {
  it('logs a session for one of my staff: today by default, 年度 from the date, policy links expanded', async () => {
    const res = await post(
      'demo-supervisor',
      session({ staffImageIds: [staffImageId], initiativeIds: [initiativeId], notes: '  よくできた  ' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<OjtSession>();
    expect(body.occurredOn).toBe(todayIso);
    expect(body.fiscalYear).toBe(fy);
    expect(body.trainee.id).toBe(ids.staff);
    expect(body.supervisor.id).toBe(ids.supervisor);
    expect(body.notes).toBe('よくできた');
    expect(body.policyLinks.staffImages[0]?.id).toBe(staffImageId);
    expect(body.policyLinks.initiatives[0]?.id).toBe(initiativeId);
    expect(body.policyLinks.tagCodes.length).toBeGreaterThan(0);
    expect(body.acknowledgedAt).toBeNull();
    expect(body.canAcknowledge).toBe(false);

    const rollup = await db().ojtStaffYear.findUnique({
      where: { staffId_fiscalYear: { staffId: ids.staff, fiscalYear: fy } },
    });
    expect(rollup?.sessions).toBe(1);
    expect(rollup?.minutes).toBe(30);
    const audit = await db().auditLog.findFirst({
      where: { action: 'ojt.session.create', entityId: body.id },
    });
    expect(audit?.actorId).toBe(ids.supervisor);
  });

  it('derives the 年度 of a date in March as the previous one', async () => {
    const march = `${fy}-03-31`;
    const res = await post('demo-supervisor', session({ occurredOn: march, traineeId: ids.mateB }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<OjtSession>().fiscalYear).toBe(fy - 1);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await db().ojtSession.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ minutes: 0 }, 'body.minutes'],
      [{ minutes: 100_000 }, 'body.minutes'],
      [{ method: 'lecture' }, 'body.method'],
      [{ topic: '   ' }, 'body.topic'],
      [{ occurredOn: '2099-01-01' }, 'body.occurredOn'],
      [{ occurredOn: '2001-04-01' }, 'body.occurredOn'],
      [{ occurredOn: '2026-02-30' }, 'body.occurredOn'],
      [{ traineeId: 'nobody' }, 'body.traineeId'],
      [{ staffImageIds: [crypto.randomUUID()] }, 'body.staffImageIds.0'],
    ];
    for (const [over, field] of cases) {
      const res = await post('demo-supervisor', session(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await db().ojtSession.count()).toBe(before);
  });

  it('lets only the trainee’s supervisor log: invisible → 404, visible but not mine → 403', async () => {
    expect((await post('demo-supervisor', session({ traineeId: ids.other }))).statusCode).toBe(404);
    expect((await post(otherHead, session())).statusCode).toBe(404);
    // myself: visible, not supervised by me
    expect((await post('demo-supervisor', session({ traineeId: ids.supervisor }))).statusCode).toBe(403);
    expect((await post('demo-staff', session())).statusCode).toBe(403);
    expect((await post('demo-hr', session())).statusCode).toBe(403);
    expect((await post('demo-exec', session())).statusCode).toBe(403);
    expect((await post('demo-bureau', session({ traineeId: ids.other }))).statusCode).toBe(403);
    // the 課長 above supervises the whole 課
    expect((await post(kacho, session({ traineeId: ids.supervisor }))).statusCode).toBe(201);
    const noCookie = await app().inject({ method: 'POST', url: '/api/ojt-sessions', payload: session() });
    expect(noCookie.statusCode).toBe(401);
  });

  it('honours Idempotency-Key: a retry returns the first answer and creates nothing', async () => {
    const key = `retry-${crypto.randomUUID()}`;
    const first = await post('demo-supervisor', session({ topic: '起案の流れ' }), key);
    expect(first.statusCode).toBe(201);
    const again = await post('demo-supervisor', session({ topic: '起案の流れ' }), key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<OjtSession>()).toEqual(first.json<OjtSession>());
    expect(await db().ojtSession.count({ where: { topic: '起案の流れ' } })).toBe(1);
    const other = await post('demo-supervisor', session({ topic: '別の内容' }), key);
    expect(other.statusCode).toBe(422);
    const bad = await post('demo-supervisor', session(), 'bad key with spaces');
    expect(bad.statusCode).toBe(400);
  });

  it('stores one row under 20 concurrent retries with the same key', async () => {
    const key = `burst-${crypto.randomUUID()}`;
    const payload = session({ topic: '同時再送', traineeId: ids.mateA });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post('demo-supervisor', payload, key)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.json<OjtSession>().id)).size).toBe(1);
    expect(await db().ojtSession.count({ where: { topic: '同時再送' } })).toBe(1);
    const rollup = await db().ojtStaffYear.findUnique({
      where: { staffId_fiscalYear: { staffId: ids.mateA, fiscalYear: fy } },
    });
    expect(rollup?.sessions).toBe(1);
  });
});

describe('POST /api/ojt-sessions/batch', () => {
  const batch = (loginId: string, traineeIds: string[], key?: string, topic = 'チーム勉強会') =>
    request(loginId, {
      method: 'POST',
      url: '/api/ojt-sessions/batch',
      payload: { traineeIds, minutes: 60, method: 'review', topic, occurredOn: daysAgo(1) },
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });

  it('logs the same session for several of my staff, sharing a batch id', async () => {
    const key = crypto.randomUUID();
    const res = await batch('demo-supervisor', [ids.staff, ids.mateA, ids.mateB], key);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ batchId: string; items: OjtSession[] }>();
    expect(body.items.map((s) => s.trainee.id)).toEqual([ids.staff, ids.mateA, ids.mateB]);
    expect(new Set(body.items.map((s) => s.batchId))).toEqual(new Set([body.batchId]));
    const again = await batch('demo-supervisor', [ids.staff, ids.mateA, ids.mateB], key);
    expect(again.json()).toEqual(body);
    expect(await db().ojtSession.count({ where: { batchId: body.batchId } })).toBe(3);
  });

  it('is all or nothing: one trainee outside my team and nothing is written', async () => {
    const before = await db().ojtSession.count();
    expect((await batch('demo-supervisor', [ids.staff, ids.other], undefined, 'x')).statusCode).toBe(404);
    expect((await batch('demo-supervisor', [ids.staff, ids.supervisor], undefined, 'x')).statusCode).toBe(
      403,
    );
    expect((await batch('demo-supervisor', [ids.staff, ids.staff], undefined, 'x')).statusCode).toBe(400);
    expect((await batch('demo-supervisor', [], undefined, 'x')).statusCode).toBe(400);
    expect((await batch('demo-staff', [ids.staff], undefined, 'x')).statusCode).toBe(403);
    expect(await db().ojtSession.count()).toBe(before);
  });
});

describe('POST /api/ojt-sessions/{id}/acknowledge', () => {
  it('the trainee acknowledges and adds a 振り返り; nobody else may', async () => {
    const created = (await post('demo-supervisor', session({ topic: '確認してほしい' }))).json<OjtSession>();
    const ack = (loginId: string, payload: unknown = {}) =>
      request(loginId, { method: 'POST', url: `/api/ojt-sessions/${created.id}/acknowledge`, payload });
    expect((await ack('demo-supervisor')).statusCode).toBe(403);
    expect((await ack('demo-staff-other')).statusCode).toBe(404);
    expect((await ack('demo-bureau')).statusCode).toBe(404);
    expect((await ack('demo-hr')).statusCode).toBe(403);

    const first = await ack('demo-staff', { reflection: '次は一人で対応したい。' });
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json<OjtSession>();
    expect(body.acknowledgedAt).not.toBeNull();
    expect(body.reflection).toBe('次は一人で対応したい。');
    expect(body.canAcknowledge).toBe(true);

    const second = await ack('demo-staff', { reflection: '書き直した振り返り' });
    expect(second.json<OjtSession>().acknowledgedAt).toBe(body.acknowledgedAt);
    expect(second.json<OjtSession>().reflection).toBe('書き直した振り返り');
    const keep = await ack('demo-staff');
    expect(keep.json<OjtSession>().reflection).toBe('書き直した振り返り');
    expect((await ack('demo-staff', { reflection: 'x'.repeat(2001) })).statusCode).toBe(400);
    const missing = await request('demo-staff', {
      method: 'POST',
      url: `/api/ojt-sessions/${crypto.randomUUID()}/acknowledge`,
      payload: {},
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('GET /api/ojt-sessions', () => {
  const list = async (loginId: string, query = '') => {
    const res = await request(loginId, { url: `/api/ojt-sessions?pageSize=100${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: OjtSession[]; total: number }>();
  };

  it('is scoped: the trainee their own, the supervisor their team’s, the bureau its bureau, HR all', async () => {
    // sessions of its own, so that the test holds alone too: the 係長 for the 係, the 課長 for the 係長
    const logged = await request('demo-supervisor', {
      method: 'POST',
      url: '/api/ojt-sessions/batch',
      payload: {
        traineeIds: [ids.staff, ids.mateA, ids.mateB],
        minutes: 30,
        method: 'review',
        topic: '朝会',
      },
    });
    expect(logged.statusCode, logged.body).toBe(201);
    expect((await post(kacho, session({ traineeId: ids.supervisor }))).statusCode).toBe(201);
    const mine = await list('demo-staff');
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((s) => s.trainee.id === ids.staff)).toBe(true);
    const team = await list('demo-supervisor');
    // their team's, and what they received themselves (from the 課長)
    expect(new Set(team.items.map((s) => s.trainee.id))).toEqual(
      new Set([ids.staff, ids.mateA, ids.mateB, ids.supervisor]),
    );
    // the 課長's session for demo-supervisor: demo-supervisor received it
    const received = await list('demo-supervisor', `&staffId=${ids.supervisor}`);
    expect(received.total).toBeGreaterThan(0);
    expect(received.items.every((s) => s.supervisor.id === ids.kacho)).toBe(true);
    expect((await list('demo-staff-other')).total).toBe(0);
    expect((await list('demo-bureau')).total).toBe(0);
    expect((await list(otherHead)).total).toBe(0);
    const all = await list('demo-hr');
    expect(all.total).toBe(await db().ojtSession.count());
    expect((await list('demo-exec')).total).toBe(all.total);
  });

  it('filters by person, giver, dates and acknowledgement; out-of-scope person → 404', async () => {
    const given = await list('demo-supervisor', '&supervisorId=me');
    expect(given.items.every((s) => s.supervisor.id === ids.supervisor)).toBe(true);
    const pending = await list('demo-staff', '&acknowledged=false');
    expect(pending.items.every((s) => s.acknowledgedAt === null)).toBe(true);
    const done = await list('demo-staff', '&acknowledged=true');
    expect(done.items.every((s) => s.acknowledgedAt !== null)).toBe(true);
    expect(pending.total + done.total).toBe((await list('demo-staff')).total);
    const lastYear = await list('demo-supervisor', `&from=${fy - 1}-04-01&to=${fy}-03-31`);
    expect(lastYear.items.map((s) => s.occurredOn)).toEqual([`${fy}-03-31`]);

    const out = await request('demo-supervisor', { url: `/api/ojt-sessions?staffId=${ids.other}` });
    expect(out.statusCode).toBe(404);
    const bad = await request('demo-supervisor', { url: '/api/ojt-sessions?from=2026-05-01&to=2026-04-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.from');
    const big = await request('demo-supervisor', { url: '/api/ojt-sessions?pageSize=1000' });
    expect(big.statusCode).toBe(400);
  });

  it('pages newest first', async () => {
    const first = await list('demo-hr');
    const page1 = await request('demo-hr', { url: '/api/ojt-sessions?pageSize=2&page=1' });
    const page2 = await request('demo-hr', { url: '/api/ojt-sessions?pageSize=2&page=2' });
    const a = page1.json<{ items: OjtSession[] }>().items;
    const b = page2.json<{ items: OjtSession[] }>().items;
    expect([...a, ...b].map((s) => s.id)).toEqual(first.items.slice(0, 4).map((s) => s.id));
    const dates = first.items.map((s) => s.occurredOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('年間OJT計画: GET and PUT /api/staff/{id}/ojt-plan', () => {
  const url = () => `/api/staff/${ids.staff}/ojt-plan?fiscalYear=${fy}`;
  const write = (loginId: string, payload: unknown) =>
    request(loginId, { method: 'PUT', url: url(), payload });
  const plan = (version: number, over: Record<string, unknown> = {}) => ({
    goals: [{ text: '窓口で一人で対応できる', staffImageIds: [staffImageId], initiativeIds: [initiativeId] }],
    plannedSessions: 24,
    plannedMinutes: 24 * 45,
    frequencyNote: '月2回',
    version,
    ...over,
  });

  it('starts empty; the supervisor writes it, versioned; the person reads it', async () => {
    const empty = await request('demo-supervisor', { url: url() });
    expect(empty.statusCode).toBe(200);
    expect(empty.json<OjtPlan>()).toMatchObject({ id: null, version: 0, goals: [], canEdit: true });
    const asStaff = await request('demo-staff', { url: url() });
    expect(asStaff.json<OjtPlan>().canEdit).toBe(false);

    // a plan without goals is refused, naming the field and the reason, and nothing is written
    const goalless = await write('demo-supervisor', plan(0, { goals: [] }));
    expect(goalless.statusCode).toBe(400);
    expect(goalless.json().errors).toEqual([
      expect.objectContaining({ field: 'body.goals', code: 'goals_required' }),
    ]);
    expect((await request('demo-supervisor', { url: url() })).json<OjtPlan>().id).toBeNull();

    const created = await write('demo-supervisor', plan(0));
    expect(created.statusCode, created.body).toBe(200);
    const v1 = created.json<OjtPlan>();
    expect(v1.version).toBe(1);
    expect(v1.author?.id).toBe(ids.supervisor);
    expect(v1.goals[0]?.policyLinks.staffImages[0]?.id).toBe(staffImageId);
    expect(v1.policyLinks.initiatives.map((i) => i.id)).toEqual([initiativeId]);
    expect(v1.actual.sessions).toBeGreaterThan(0);

    const updated = await write('demo-supervisor', plan(1, { plannedSessions: 12 }));
    expect(updated.json<OjtPlan>()).toMatchObject({ version: 2, plannedSessions: 12 });

    const stale = await write('demo-supervisor', plan(1, { plannedSessions: 99 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, plannedSessions: 12 });
    const again = await write('demo-supervisor', plan(0));
    expect(again.statusCode).toBe(409);

    const read = await request('demo-staff', { url: url() });
    expect(read.json<OjtPlan>()).toMatchObject({ version: 2, plannedSessions: 12, frequencyNote: '月2回' });
    for (const who of ['demo-hr', 'demo-exec', kacho]) {
      expect((await request(who, { url: url() })).statusCode).toBe(200);
    }
    const audit = await db().auditLog.count({ where: { entityType: 'ojt_plan', entityId: v1.id ?? '' } });
    expect(audit).toBe(2);
  });

  it('only the supervisor writes; out of scope → 404; bad links → 400 naming the goal', async () => {
    expect((await write('demo-staff', plan(2))).statusCode).toBe(403);
    expect((await write('demo-hr', plan(2))).statusCode).toBe(403);
    expect((await write('demo-exec', plan(2))).statusCode).toBe(403);
    expect((await write('demo-staff-other', plan(2))).statusCode).toBe(404);
    expect((await write('demo-bureau', plan(2))).statusCode).toBe(404);
    expect((await write(otherHead, plan(2))).statusCode).toBe(404);
    expect((await request('demo-staff-other', { url: url() })).statusCode).toBe(404);
    expect((await request('demo-bureau', { url: url() })).statusCode).toBe(404);
    const bad = await write(
      'demo-supervisor',
      plan(2, { goals: [{ text: 'ok', initiativeIds: [crypto.randomUUID()] }] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.goals.0.initiativeIds.0');
    const negative = await write('demo-supervisor', plan(2, { plannedSessions: -1 }));
    expect(negative.json().errors[0].field).toBe('body.plannedSessions');
    const badYear = await request('demo-staff', { url: `/api/staff/${ids.staff}/ojt-plan?fiscalYear=abc` });
    expect(badYear.statusCode).toBe(400);
  });

  it('lets only one of two first saves through', async () => {
    const target = `/api/staff/${ids.mateA}/ojt-plan?fiscalYear=${fy}`;
    const answers = await Promise.all(
      [0, 1, 2, 3].map(() => request('demo-supervisor', { method: 'PUT', url: target, payload: plan(0) })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409]);
  });
});

describe('GET /api/dashboards/team', () => {
  const dashboard = async (loginId: string, query = '') => {
    const res = await request(loginId, { url: `/api/dashboards/team?fiscalYear=${fy}${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TeamDashboard>();
  };

  it('shows each of my staff: OJT against the plan, days since the last one, career plan, requests', async () => {
    await db().careerPlan.create({
      data: { staffId: ids.staff, fiscalYear: fy, status: 'submitted', submittedAt: new Date() },
    });
    await db().careerPlan.create({ data: { staffId: ids.mateA, fiscalYear: fy, status: 'draft' } });
    await db().selfDevelopmentRecord.createMany({
      data: [
        {
          staffId: ids.mateB,
          kind: 'qualification',
          title: '簿記2級',
          fiscalYear: fy,
          supportStatus: 'pending',
        },
        { staffId: ids.mateB, kind: 'self_study', title: '英語', fiscalYear: fy, supportStatus: 'pending' },
        { staffId: ids.mateB, kind: 'self_study', title: '済', fiscalYear: fy, supportStatus: 'approved' },
      ],
    });
    const d = await dashboard('demo-supervisor');
    expect(d.fiscalYear).toBe(fy);
    expect(d.totals.members).toBe(3);
    expect(d.items.map((m) => m.staff.id).sort()).toEqual([ids.staff, ids.mateA, ids.mateB].sort());
    const staff = d.items.find((m) => m.staff.id === ids.staff);
    const rollup = await db().ojtStaffYear.findUniqueOrThrow({
      where: { staffId_fiscalYear: { staffId: ids.staff, fiscalYear: fy } },
    });
    expect(staff?.ojt).toMatchObject({
      sessions: rollup.sessions,
      minutes: rollup.minutes,
      plannedSessions: 12,
      hasPlan: true,
      lastOn: todayIso,
      daysSinceLast: 0,
      intervalDays: Math.ceil(365 / 12),
      overdue: false,
    });
    expect(staff?.ojt.unacknowledged).toBeGreaterThan(0);
    expect(staff?.careerPlan.status).toBe('submitted');
    expect(staff?.unit?.code).toBe('aoba-1-1-1');
    const mateB = d.items.find((m) => m.staff.id === ids.mateB);
    expect(mateB?.selfDevelopmentPending).toBe(2);
    expect(mateB?.careerPlan.status).toBe('none');
    expect(d.totals.selfDevelopmentPending).toBe(2);
    expect(d.totals.careerPlansSubmitted).toBe(1);
    expect(d.totals.sessions).toBe(d.items.reduce((n, m) => n + m.ojt.sessions, 0));
  });

  it('flags people without OJT for longer than the plan’s rhythm as overdue', async () => {
    // a session 40 days ago for a person with no plan (default rhythm: 30 days)
    const { ojtSession } = db();
    const lone = await personIn(db(), 'aoba-1-1-2', false);
    await ojtSession.create({
      data: {
        traineeId: lone,
        supervisorId: ids.otherHead,
        occurredOn: new Date(`${daysAgo(40)}T00:00:00Z`),
        fiscalYear: fiscalYearOf(daysAgo(40)),
        minutes: 20,
        method: 'accompany',
        topic: '古い記録',
      },
    });
    const d = await dashboard(kacho, '&pageSize=100');
    const row = d.items.find((m) => m.staff.id === lone);
    const days = Math.round((Date.parse(todayIso) - Date.parse(daysAgo(40))) / 86_400_000);
    expect(row?.ojt.daysSinceLast).toBe(days);
    expect(row?.ojt.overdue).toBe(days > 30);
    // the 課長's team: both 係 and their 係長, not the 課長
    expect(d.totals.members).toBe(8);
    expect(d.items.map((m) => m.staff.id)).toContain(ids.supervisor);
    expect(d.items.map((m) => m.staff.id)).not.toContain(ids.kacho);
    const overdue = await dashboard(kacho, '&overdueOnly=true');
    expect(overdue.items.every((m) => m.ojt.overdue)).toBe(true);
    expect(overdue.total).toBe(d.totals.overdue);
  });

  it('sorts and pages on the server, and searches', async () => {
    const bySessions = await dashboard(kacho, '&sort=sessions&order=desc');
    const counts = bySessions.items.map((m) => m.ojt.sessions);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const byCareer = await dashboard(kacho, '&sort=careerPlan&order=desc');
    expect(byCareer.items[0]?.careerPlan.status).toBe('submitted');
    const page1 = await dashboard(kacho, '&pageSize=3&page=1');
    const page3 = await dashboard(kacho, '&pageSize=3&page=3');
    expect(page1.items).toHaveLength(3);
    expect(page3.items).toHaveLength(2);
    expect(page1.total).toBe(8);
    const found = await dashboard(kacho, `&q=${encodeURIComponent('若林')}`);
    expect(found.items.map((m) => m.staff.id)).toEqual([ids.staff]);
    const none = await dashboard(kacho, `&q=${encodeURIComponent('%')}`);
    expect(none.items).toEqual([]);
    expect(none.totals.members).toBe(8);
    const bad = await request(kacho, { url: '/api/dashboards/team?sort=salary' });
    expect(bad.statusCode).toBe(400);
  });

  it('counts a person supervised by an explicit override, in one query with the team', async () => {
    const lent = await personIn(db(), 'aoba-1-1-2', false, 1);
    const override = await db().supervisorOverride.create({
      data: { staffId: lent, supervisorId: ids.supervisor, startsOn: new Date(`${fy}-04-01T00:00:00Z`) },
    });
    const d = await dashboard('demo-supervisor');
    expect(d.totals.members).toBe(4);
    expect(d.items.find((m) => m.staff.id === lent)?.unit?.code).toBe('aoba-1-1-2');
    expect((await post('demo-supervisor', session({ traineeId: lent, topic: '応援業務' }))).statusCode).toBe(
      201,
    );
    await db().supervisorOverride.delete({ where: { id: override.id } });
  });

  it('is for supervisors only', async () => {
    for (const who of ['demo-staff', 'demo-staff-other', 'demo-bureau', 'demo-hr', 'demo-exec']) {
      expect((await request(who, { url: '/api/dashboards/team' })).statusCode).toBe(403);
    }
    expect((await app().inject({ url: '/api/dashboards/team' })).statusCode).toBe(401);
    const neighbour = await dashboard(otherHead);
    expect(neighbour.items.map((m) => m.staff.id)).not.toContain(ids.staff);
  });
});

describe('unauthorized access: B gets nothing of A’s', () => {
  // A = demo-staff (青葉区 戸籍係); B = a staff member of another bureau, and the 係長 of another 係
  it('404 on everything that touches A, and A appears in none of B’s lists', async () => {
    const aSession = (await db().ojtSession.findFirstOrThrow({ where: { traineeId: ids.staff } })).id;
    for (const b of ['demo-staff-other', otherHead]) {
      const calls = [
        await request(b, { url: `/api/staff/${ids.staff}/ojt-plan` }),
        await request(b, {
          method: 'PUT',
          url: `/api/staff/${ids.staff}/ojt-plan`,
          payload: { goals: [{ text: '目標' }], plannedSessions: 1, plannedMinutes: 1, version: 2 },
        }),
        await request(b, { url: `/api/ojt-sessions?staffId=${ids.staff}` }),
        await request(b, { method: 'POST', url: `/api/ojt-sessions/${aSession}/acknowledge`, payload: {} }),
        await post(b, session()),
        await request(b, {
          method: 'POST',
          url: '/api/ojt-sessions/batch',
          payload: { traineeIds: [ids.staff], minutes: 10, method: 'other', topic: 'x' },
        }),
      ];
      expect(
        calls.map((c) => c.statusCode),
        b,
      ).toEqual([404, 404, 404, 404, 404, 404]);
      const listed = (await request(b, { url: '/api/ojt-sessions?pageSize=100' })).json<{
        items: OjtSession[];
      }>();
      expect(listed.items.some((s) => s.trainee.id === ids.staff)).toBe(false);
    }
    const board = (
      await request(otherHead, { url: `/api/dashboards/team?q=${encodeURIComponent('若林')}` })
    ).json<TeamDashboard>();
    expect(board.items).toEqual([]);
  });
});
