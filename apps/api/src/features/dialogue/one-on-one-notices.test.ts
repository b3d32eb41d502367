/**
 * Who a 1on1 tells, through the real app: the person when one is scheduled (their agenda) or recorded
 * (their acknowledgement), each action's owner when it is assigned, the author when the person
 * acknowledges — exactly those, never the one who acted, never the private notes, and nobody when the
 * write is refused or rolled back.
 */
import type { OneOnOne } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { today } from '../../access/access.ts';
import { as, idOf, sessions } from '../ojt/ojt.test-helpers.ts';
import { tellAboutMeeting } from './one-on-one.notices.ts';

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
const SECRET = 'private-remark-on-a-transfer';

let staff = '';
let supervisor = '';

beforeAll(async () => {
  staff = await idOf(db(), 'demo-staff');
  supervisor = await idOf(db(), 'demo-supervisor');
});

/** What was written while `action` ran, as `kind → recipients` (sorted), and the rows' text. */
async function told(action: () => Promise<unknown>) {
  const since = new Date(Date.now() - 1);
  await action();
  const rows = await db().notification.findMany({
    where: { createdAt: { gte: since }, category: 'one_on_ones' },
    select: { kind: true, recipientId: true, link: true, params: true },
  });
  const byKind: Record<string, string[]> = {};
  for (const r of rows) byKind[r.kind] = [...(byKind[r.kind] ?? []), r.recipientId].sort();
  return { byKind, text: JSON.stringify(rows), rows };
}

async function record(over: Record<string, unknown> = {}) {
  const res = await request('demo-supervisor', {
    method: 'POST',
    url: '/api/one-on-ones',
    payload: {
      staffId: staff,
      minutes: 30,
      topics: ['業務の振り返り'],
      sharedNotes: '共有メモ',
      privateNotes: SECRET,
      actions: [],
      ...over,
    },
  });
  return res;
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

describe('1on1 notifications', () => {
  it('a recorded 1on1 asks the person to acknowledge it; each action tells its owner, not the author', async () => {
    let created: OneOnOne | undefined;
    const { byKind, text, rows } = await told(async () => {
      const res = await record({
        actions: [
          { text: '資料を読む', ownerId: staff, dueOn: inDays(7) },
          { text: '研修枠を確認する', ownerId: supervisor },
        ],
      });
      expect(res.statusCode).toBe(201);
      created = res.json<OneOnOne>();
    });
    expect(byKind).toEqual({
      'one_on_one.recorded': [staff],
      'one_on_one.action.assigned': [staff],
    });
    expect(rows.every((r) => r.link === `/one-on-ones/${created?.id}`)).toBe(true);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('資料を読む');
  });

  it('a scheduled 1on1 asks the person for their agenda; once held, for their acknowledgement', async () => {
    let scheduled: OneOnOne | undefined;
    const first = await told(async () => {
      const res = await record({ status: 'scheduled', heldOn: inDays(3), minutes: 30 });
      expect(res.statusCode).toBe(201);
      scheduled = res.json<OneOnOne>();
    });
    expect(first.byKind).toEqual({ 'one_on_one.scheduled': [staff] });
    if (!scheduled) throw new Error('not scheduled');

    // a correction that keeps it scheduled tells nobody; one that adds an action tells its owner
    const again = await told(async () => {
      const res = await request('demo-supervisor', {
        method: 'PUT',
        url: `/api/one-on-ones/${scheduled?.id}`,
        payload: correction(scheduled as OneOnOne, {
          topics: ['目標'],
          addActions: [{ text: '目標案を書く', ownerId: staff }],
        }),
      });
      expect(res.statusCode).toBe(200);
      scheduled = res.json<OneOnOne>();
    });
    expect(again.byKind).toEqual({ 'one_on_one.action.assigned': [staff] });

    const held = await told(async () => {
      const res = await request('demo-supervisor', {
        method: 'PUT',
        url: `/api/one-on-ones/${scheduled?.id}`,
        payload: correction(scheduled as OneOnOne, { status: 'held', heldOn: todayIso, minutes: 25 }),
      });
      expect(res.statusCode).toBe(200);
    });
    expect(held.byKind).toEqual({ 'one_on_one.recorded': [staff] });
    expect(held.text).not.toContain(SECRET);
  });

  it('the person acknowledging (with notes) tells the author', async () => {
    const r = (await record()).json<OneOnOne>();
    const { byKind, text } = await told(async () => {
      const res = await request('demo-staff', {
        method: 'POST',
        url: `/api/one-on-ones/${r.id}/acknowledge`,
        payload: { staffNotes: '自分のメモ' },
      });
      expect(res.statusCode).toBe(200);
    });
    expect(byKind).toEqual({ 'one_on_one.acknowledged': [supervisor] });
    expect(text).not.toContain('自分のメモ');
  });

  it('tells nobody when the write is refused or rolled back', async () => {
    const refused = await told(async () => {
      const res = await record({ actions: [{ text: 'x', ownerId: crypto.randomUUID() }] });
      expect(res.statusCode).toBe(400);
    });
    expect(refused.byKind).toEqual({});

    const r = (await record({ status: 'scheduled', heldOn: inDays(2), minutes: 30 })).json<OneOnOne>();
    const stale = await told(async () => {
      const res = await request('demo-supervisor', {
        method: 'PUT',
        url: `/api/one-on-ones/${r.id}`,
        payload: correction(r, {
          status: 'held',
          heldOn: todayIso,
          version: r.version + 5,
          addActions: [{ text: 'y', ownerId: staff }],
        }),
      });
      expect(res.statusCode).toBe(409);
    });
    expect(stale.byKind).toEqual({});

    // the notices are written in the write's transaction: rolled back with it
    const rolledBack = await told(async () => {
      await expect(
        db().$transaction(async (tx) => {
          await tellAboutMeeting(
            tx,
            { id: r.id, staffId: staff, authorId: supervisor, status: 'held', heldOn: todayIso },
            { announce: true, actionOwners: [staff] },
          );
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
    });
    expect(rolledBack.byKind).toEqual({});
  });
});
