/**
 * 1on1 records over HTTP, through the real app and database: recording one (with actions, idempotent
 * retries, bad input), who reads it, and that the author's private notes reach nobody else — not the
 * person, their other supervisors, bureau officers, HR or executives, and no list, not even the author's.
 */
import { fiscalYearOf, type OneOnOne, type OneOnOnePage } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { today } from '../../access/access.ts';
import { as, enableSignIn, idOf, personIn, sessions } from '../ojt/ojt.test-helpers.ts';

const ctx = useTestApp();
const app = () => ctx().app;
const db = () => ctx().database.db;
const request = as(app, sessions(app));

const todayIso = today().toISOString().slice(0, 10);
const PRIVATE = '配置換えの希望を本人はまだ口にしていない（非公開メモ）';

const ids = {} as Record<'staff' | 'supervisor' | 'other' | 'kacho' | 'otherHead', string>;
let kacho = '';
let otherHead = '';

beforeAll(async () => {
  await db().oneOnOne.deleteMany();
  ids.staff = await idOf(db(), 'demo-staff');
  ids.supervisor = await idOf(db(), 'demo-supervisor');
  ids.other = await idOf(db(), 'demo-staff-other');
  // 戸籍住民課長 (above demo-supervisor) and the 係長 of the neighbouring 住民係
  ids.kacho = await personIn(db(), 'aoba-1-1', true);
  ids.otherHead = await personIn(db(), 'aoba-1-1-2', true);
  kacho = await enableSignIn(db(), ids.kacho);
  otherHead = await enableSignIn(db(), ids.otherHead);
});

const meeting = (over: Record<string, unknown> = {}) => ({
  staffId: ids.staff,
  minutes: 30,
  kind: 'one_on_one',
  topics: ['今期の業務の進め方', '研修の希望'],
  sharedNotes: '窓口の繁忙期の分担を見直す。',
  privateNotes: PRIVATE,
  actions: [
    { text: '分担表の案を作る', ownerId: ids.staff, dueOn: todayIso },
    { text: '課長に相談する', ownerId: ids.supervisor },
  ],
  ...over,
});

const post = (loginId: string, payload: unknown, key?: string) =>
  request(loginId, {
    method: 'POST',
    url: '/api/one-on-ones',
    payload,
    headers: key ? { 'idempotency-key': key } : {},
  });

describe('POST /api/one-on-ones', () => {
  it('records a 1on1 with its actions; the author reads the private notes back', async () => {
    const res = await post('demo-supervisor', meeting());
    expect(res.statusCode).toBe(201);
    const body = res.json<OneOnOne>();
    expect(body).toMatchObject({
      staff: { id: ids.staff },
      author: { id: ids.supervisor },
      status: 'held',
      heldOn: todayIso,
      fiscalYear: fiscalYearOf(todayIso),
      kind: 'one_on_one',
      privateNotes: PRIVATE,
      canEdit: true,
      canAcknowledge: false,
    });
    expect(body.actions.map((a) => [a.text, a.owner.id, a.dueOn, a.doneAt])).toEqual([
      ['分担表の案を作る', ids.staff, todayIso, null],
      ['課長に相談する', ids.supervisor, null, null],
    ]);
    const stored = await db().oneOnOnePrivateNote.findUniqueOrThrow({ where: { oneOnOneId: body.id } });
    expect(stored.body).toBe(PRIVATE);
  });

  it('keeps the private notes out of the audit log: only that there are some', async () => {
    const res = await post('demo-supervisor', meeting({ topics: ['監査の確認'] }));
    const id = res.json<OneOnOne>().id;
    const entry = await db().auditLog.findFirstOrThrow({ where: { entityId: id } });
    expect(entry.action).toBe('one-on-one.create');
    expect(JSON.stringify([entry.before, entry.after])).not.toContain('非公開メモ');
    expect(entry.after).toMatchObject({ hasPrivateNotes: true, topics: ['監査の確認'] });
  });

  it('replays a retried create: one record, the same answer', async () => {
    const first = await post('demo-supervisor', meeting({ topics: ['再送'] }), 'one-on-one-retry');
    const again = await post('demo-supervisor', meeting({ topics: ['再送'] }), 'one-on-one-retry');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<OneOnOne>().id).toBe(first.json<OneOnOne>().id);
    expect(again.json<OneOnOne>().actions).toEqual(first.json<OneOnOne>().actions);
    expect(await db().oneOnOne.count({ where: { topics: { has: '再送' } } })).toBe(1);
    const stored = await db().idempotencyRecord.findMany({ where: { scope: 'one-on-one.create' } });
    expect(JSON.stringify(stored)).not.toContain('非公開メモ');
  });

  it('schedules a 1on1 ahead; a held one cannot lie in the future', async () => {
    const next = new Date(`${todayIso}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 7);
    const ahead = next.toISOString().slice(0, 10);
    const scheduled = await post('demo-supervisor', meeting({ status: 'scheduled', heldOn: ahead }));
    expect(scheduled.statusCode).toBe(201);
    expect(scheduled.json<OneOnOne>()).toMatchObject({ status: 'scheduled', heldOn: ahead });
    const held = await post('demo-supervisor', meeting({ heldOn: ahead }));
    expect(held.statusCode).toBe(400);
    expect(held.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.heldOn']);
  });

  it('refuses an action owned by someone other than the person or the author, naming the field', async () => {
    const res = await post(
      'demo-supervisor',
      meeting({ actions: [{ text: '他人の宿題', ownerId: ids.other }], privateNotes: '' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.actions.0.ownerId']);
    expect(await db().oneOnOne.count({ where: { topics: { has: '他人の宿題' } } })).toBe(0);
  });

  it('refuses bad input with problem details, never a 500', async () => {
    for (const payload of [
      meeting({ minutes: 0 }),
      meeting({ kind: 'coffee' }),
      meeting({ topics: ['x'.repeat(201)] }),
      meeting({ privateNotes: 'x'.repeat(4001) }),
      meeting({ staffId: 'nobody' }),
      meeting({ actions: [{ text: '', ownerId: ids.staff }] }),
    ]) {
      const res = await post('demo-supervisor', payload);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('is for a supervisor and their own staff: 403 for the person, 404 out of reach', async () => {
    expect((await post('demo-staff', meeting())).statusCode).toBe(403);
    expect((await post('demo-hr', meeting())).statusCode).toBe(403);
    expect((await post(otherHead, meeting())).statusCode).toBe(404);
    expect((await post('demo-supervisor', meeting({ staffId: ids.other }))).statusCode).toBe(404);
    // the 課長 above the 係 is a supervisor of demo-staff too
    expect((await post(kacho, meeting({ privateNotes: '', actions: [] }))).statusCode).toBe(201);
  });
});

describe('GET /api/one-on-ones', () => {
  let recorded = '';
  beforeAll(async () => {
    recorded = (await post('demo-supervisor', meeting({ topics: ['一覧の確認'] }))).json<OneOnOne>().id;
  });

  const list = (loginId: string, query = '') =>
    request(loginId, { url: `/api/one-on-ones?pageSize=100${query}` });

  it('shows the record to the person, the author, the person’s other supervisors and HR — never the private notes', async () => {
    for (const who of ['demo-staff', 'demo-supervisor', kacho, 'demo-hr']) {
      const res = await list(who, `&staffId=${ids.staff}`);
      expect(res.statusCode, who).toBe(200);
      const page = res.json<OneOnOnePage>();
      expect(
        page.items.map((i) => i.id),
        who,
      ).toContain(recorded);
      expect(res.body, who).not.toContain('非公開メモ');
      expect(
        page.items.every((i) => !('privateNotes' in i)),
        who,
      ).toBe(true);
    }
  });

  it('hides it from bureau officers, executives and other teams’ supervisors (404 by person, absent from lists)', async () => {
    for (const who of ['demo-bureau', 'demo-exec', otherHead, 'demo-staff-other']) {
      expect((await list(who, `&staffId=${ids.staff}`)).statusCode, who).toBe(404);
      const all = await list(who);
      expect(all.statusCode, who).toBe(200);
      expect(all.json<OneOnOnePage>().items.map((i) => i.id)).not.toContain(recorded);
      expect(all.body, who).not.toContain('非公開メモ');
    }
  });

  it('pages newest first within a bound, and filters by author and date', async () => {
    const res = await list('demo-supervisor', '&authorId=me');
    const items = res.json<OneOnOnePage>().items;
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((i) => i.author.id === ids.supervisor)).toBe(true);
    const days = items.map((i) => i.heldOn);
    expect([...days].sort().reverse()).toEqual(days);
    expect((await request('demo-supervisor', { url: '/api/one-on-ones?pageSize=101' })).statusCode).toBe(400);
    const none = await list('demo-supervisor', '&from=2030-01-01&to=2030-01-02');
    expect(none.json<OneOnOnePage>().total).toBe(0);
    expect((await list('demo-supervisor', '&from=2030-01-02&to=2030-01-01')).statusCode).toBe(400);
  });

  it('offers corrections only to the author, and acknowledgement only to the person', async () => {
    const mine = (await list('demo-staff', `&staffId=${ids.staff}`)).json<OneOnOnePage>().items;
    const held = mine.find((i) => i.id === recorded);
    expect(held).toMatchObject({ canEdit: false, canAcknowledge: true, canWriteAgenda: false });
    expect(held?.actions.map((a) => a.canUpdate)).toEqual([true, false]);
    const theirs = (await list(kacho, `&staffId=${ids.staff}`)).json<OneOnOnePage>().items;
    expect(theirs.find((i) => i.id === recorded)).toMatchObject({ canEdit: false, canAcknowledge: false });
  });
});

describe('the one_on_one_staff_year rollup', () => {
  it('counts held 1on1s with their minutes and the last date, not scheduled ones', async () => {
    const person = await personIn(db(), 'aoba-1-1-1', false);
    const count = () =>
      db().oneOnOneStaffYear.findUnique({
        where: { staffId_fiscalYear: { staffId: person, fiscalYear: fiscalYearOf(todayIso) } },
      });
    // nothing held this 年度 (the demo's 1on1s were cleared at the start: the rollup went to 0)
    expect((await count())?.meetings ?? 0).toBe(0);
    await post('demo-supervisor', meeting({ staffId: person, minutes: 20, actions: [] }));
    await post('demo-supervisor', meeting({ staffId: person, minutes: 25, actions: [] }));
    const next = new Date(`${todayIso}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 3);
    await post(
      'demo-supervisor',
      meeting({ staffId: person, status: 'scheduled', heldOn: next.toISOString().slice(0, 10), actions: [] }),
    );
    const row = await count();
    expect(row).toMatchObject({ meetings: 2, minutes: 45 });
    expect(row?.lastOn?.toISOString().slice(0, 10)).toBe(todayIso);
  });
});
