/**
 * B gets nothing of A's: A (demo-staff, 青葉区) answers a 青葉区 round. B (demo-staff-other, 総務局) does
 * not find the round and meets 404 on every route of it; the 総務局's bureau officer and the 青葉区 係長
 * meet 404 on units outside their reach; and nobody — HR included — reads A's answer back as A's.
 */
import type { SurveyPage } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import {
  answer,
  type Bank,
  caller,
  closeRound,
  makeBank,
  openRound,
  peopleOf,
} from './survey.test-helpers.ts';

const ctx = useTestApp();
const call = caller(() => ctx().app);
let bank: Bank;
let round: Awaited<ReturnType<typeof openRound>>;
let aoba: string;
let somu: string;

beforeAll(async () => {
  const db = ctx().database.db;
  bank = await makeBank(call, db, 'ua');
  round = await openRound(call, db, bank, { bureaus: ['aoba'] });
  await answer(
    call,
    round.id,
    [{ loginId: 'demo-staff' }, ...(await peopleOf(db, 'aoba', 5))],
    bank,
    2,
    'Aの回答',
  );
  await closeRound(call, round);
  aoba = (await db.orgUnit.findUniqueOrThrow({ where: { code: 'aoba' }, select: { id: true } })).id;
  somu = (await db.orgUnit.findUniqueOrThrow({ where: { code: 'somu' }, select: { id: true } })).id;
});

describe('a member of staff outside the round', () => {
  it('does not find it in the list', async () => {
    const page = (await call('demo-staff-other', { url: '/api/surveys?pageSize=100' })).json<SurveyPage>();
    expect(page.items.map((s) => s.id)).not.toContain(round.id);
  });

  it('meets 404 on every route of it', async () => {
    const id = round.id;
    const routes = [
      { method: 'GET' as const, url: `/api/surveys/${id}` },
      { method: 'GET' as const, url: `/api/surveys/${id}/my-response` },
      { method: 'PUT' as const, url: `/api/surveys/${id}/my-response`, payload: { version: 0, answers: {} } },
      { method: 'POST' as const, url: `/api/surveys/${id}/my-response/submit`, payload: { version: 0 } },
      { method: 'GET' as const, url: `/api/surveys/${id}/results` },
      { method: 'GET' as const, url: `/api/surveys/${id}/results/export?format=csv` },
      { method: 'GET' as const, url: `/api/surveys/${id}/response-rate` },
    ];
    for (const r of routes) {
      const res = await call('demo-staff-other', r);
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(404);
    }
  });
});

describe('results outside one’s reach', () => {
  it('is 404 for a bureau officer on another 局・区, and for a 所属長 on a unit they do not head', async () => {
    for (const [who, unit] of [
      ['demo-bureau', aoba],
      ['demo-supervisor', somu],
      ['demo-supervisor', aoba],
    ] as const) {
      for (const path of ['results', 'response-rate', 'results/export']) {
        const res = await call(who, { url: `/api/surveys/${round.id}/${path}?orgUnitId=${unit}&format=csv` });
        expect(res.statusCode, `${who} ${path}`).toBe(404);
      }
    }
  });
});

describe('A’s answer', () => {
  it('is nobody’s once submitted: not A’s to read back, not HR’s, not in any answer', async () => {
    const mine = await call('demo-staff', { url: `/api/surveys/${round.id}/my-response` });
    expect(mine.json()).toMatchObject({ status: 'submitted', answers: {} });
    const hr = await call('demo-hr', { url: `/api/surveys/${round.id}/results?groupBy=bureau` });
    const db = ctx().database.db;
    const a = await db.staff.findUniqueOrThrow({
      where: { loginId: 'demo-staff' },
      select: { id: true, nameJa: true },
    });
    expect(hr.body).not.toContain(a.id);
    const rate = await call('demo-hr', { url: `/api/surveys/${round.id}/response-rate?groupBy=bureau` });
    expect(rate.body).not.toContain(a.id);
    expect(rate.body).not.toContain(a.nameJa);
  });
});
