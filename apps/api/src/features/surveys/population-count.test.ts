/**
 * The head count HR sees before opening a survey round: the number of people a population (局・区,
 * grades, 若手) holds is the number the opened round tells and counts as eligible in its rates.
 */
import type { PopulationCount } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { type Bank, caller, isoDay, makeBank, openRound } from './survey.test-helpers.ts';

const ctx = useTestApp();
const call = caller(() => ctx().app);
let bank: Bank;

beforeAll(async () => {
  bank = await makeBank(call, ctx().database.db, 'pc');
});

const count = async (query: string) => {
  const answer = await call('demo-hr', { method: 'GET', url: `/api/surveys/population-count?${query}` });
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json<PopulationCount>();
};
const told = async (surveyId: string) =>
  ctx().database.db.notification.count({
    where: { kind: 'survey.opened', link: `/surveys/${surveyId}/answer` },
  });

describe('the head count of a survey population', () => {
  it('equals the people the opened round tells, for a 局・区 and for its 若手', async () => {
    const { db } = ctx().database;
    const miyagino = await db.orgUnit.findUniqueOrThrow({
      where: { code: 'miyagino' },
      select: { id: true },
    });
    const window = `opensOn=${isoDay(-1)}&closesOn=${isoDay(7)}`;
    const all = await count(`bureauIds=${miyagino.id}&${window}`);
    expect(all.on).toBe(isoDay(0));
    expect(all.count).toBeGreaterThanOrEqual(5);
    const round = await openRound(call, db, bank, { bureaus: ['miyagino'] });
    expect(await told(round.id)).toBe(all.count);

    const young = await count(`bureauIds=${miyagino.id}&youngOnly=true&${window}`);
    expect(young.count).toBeGreaterThan(0);
    expect(young.count).toBeLessThan(all.count);
    const youngRound = await openRound(call, db, bank, { bureaus: ['miyagino'], youngOnly: true });
    expect(await told(youngRound.id)).toBe(young.count);
  });

  it('counts a window that opens later on its opening day; HR’s alone; bad values are 400 naming them', async () => {
    const later = await count(`opensOn=${isoDay(30)}&closesOn=${isoDay(40)}`);
    expect(later.on).toBe(isoDay(30));
    for (const login of ['demo-staff', 'demo-supervisor', 'demo-bureau', 'demo-exec']) {
      const refused = await call(login, { method: 'GET', url: '/api/surveys/population-count' });
      expect(refused.statusCode).toBe(403);
    }
    const bad = await call('demo-hr', {
      method: 'GET',
      url: `/api/surveys/population-count?opensOn=${isoDay(5)}&closesOn=${isoDay(1)}&gradeIds=${bank.agreement}`,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['query.closesOn', 'query.gradeIds.0']);
  });
});
