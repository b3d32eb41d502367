/**
 * What the population of a round is told, through the real app and database: everyone when the round
 * opens (once), those who have not answered on each later day (once a day each, deduplicated with HR's
 * button), never those who answered, and nothing that says who answered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { answer, type Bank, caller, isoDay, makeBank, openRound, peopleOf } from './survey.test-helpers.ts';
import { runSurveyReminders } from './survey-reminders.ts';

const ctx = useTestApp();
const call = caller(() => ctx().app);
const DAY = 86_400_000;
let bank: Bank;

beforeAll(async () => {
  bank = await makeBank(call, ctx().database.db, 'rem');
});

/** Today's population of a 局・区 (people placed there, as the rounds take it) */
async function populationOf(code: string): Promise<string[]> {
  const { db } = ctx().database;
  const bureau = await db.orgUnit.findUniqueOrThrow({ where: { code }, select: { id: true } });
  const people = await db.staff.findMany({
    where: { disabledAt: null, assignments: { some: { endsOn: null, orgUnit: { bureauId: bureau.id } } } },
    select: { id: true },
  });
  return people.map((p) => p.id).sort();
}

const told = async (kind: string, surveyId: string, dedupeKey?: string) =>
  (
    await ctx().database.db.notification.findMany({
      where: { kind, link: `/surveys/${surveyId}/answer`, ...(dedupeKey ? { dedupeKey } : {}) },
      select: { recipientId: true, params: true },
    })
  )
    .map((n) => n.recipientId)
    .sort();

describe('the opening notice and the daily reminders', () => {
  it('tells the whole population once when HR opens the round, and no one outside it', async () => {
    const { db } = ctx().database;
    const round = await openRound(call, db, bank, { bureaus: ['miyagino'] });
    const population = await populationOf('miyagino');
    expect(population.length).toBeGreaterThanOrEqual(5);
    expect(await told('survey.opened', round.id)).toEqual(population);
    // The sweep the same day tells nobody again: opened once, and today's word was the opening
    await runSurveyReminders(db);
    expect(await told('survey.opened', round.id)).toEqual(population);
    expect(await told('survey.reminder', round.id)).toEqual([]);
  });

  it('reminds, on each later day, only those who have not answered — once a day each', async () => {
    const { db } = ctx().database;
    const round = await openRound(call, db, bank, { bureaus: ['taihaku'] });
    const population = await populationOf('taihaku');
    const answered = await peopleOf(db, 'taihaku', 3);
    await answer(call, round.id, answered, bank);
    const waiting = population.filter((id) => !answered.some((a) => a.id === id));

    const tomorrow = new Date(Date.now() + DAY);
    const key = `survey-reminder:${round.id}:${isoDay(1)}`;
    await runSurveyReminders(db, tomorrow);
    expect(await told('survey.reminder', round.id, key)).toEqual(waiting);
    // Twice the same day (a second run, a second instance, HR's button): nobody twice
    await runSurveyReminders(db, tomorrow);
    expect(await told('survey.reminder', round.id, key)).toEqual(waiting);
    // Those who answered are never reminded; the notice names the round, nobody else
    const all = await db.notification.findMany({
      where: { kind: 'survey.reminder', link: `/surveys/${round.id}/answer` },
      select: { recipientId: true, params: true },
    });
    expect(all.some((n) => answered.some((a) => a.id === n.recipientId))).toBe(false);
    expect(Object.keys(all[0]?.params as object).sort()).toEqual(['closesOn', 'title', 'titleEn']);

    // The day after: again, once
    await runSurveyReminders(db, new Date(Date.now() + 2 * DAY));
    expect(await told('survey.reminder', round.id, `survey-reminder:${round.id}:${isoDay(2)}`)).toEqual(
      waiting,
    );
  });

  it('a round opened ahead of its window is announced on its first day, by the daily sweep', async () => {
    const { db } = ctx().database;
    const units = await db.orgUnit.findMany({ where: { code: 'wakabayashi' }, select: { id: true } });
    const body = {
      titleJa: '先の調査',
      titleEn: 'Later survey',
      fiscalYear: 2026,
      opensOn: isoDay(2),
      closesOn: isoDay(9),
      population: { bureauIds: units.map((u) => u.id), gradeIds: [], youngOnly: false },
      minGroupSize: 5,
      questionIds: [bank.agreement],
      previousId: null,
    };
    const created = await call('demo-hr', { method: 'POST', url: '/api/surveys', payload: body });
    const { id, version } = created.json<{ id: string; version: number }>();
    const opened = await call('demo-hr', {
      method: 'PUT',
      url: `/api/surveys/${id}`,
      payload: { ...body, version, status: 'open' },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(await told('survey.opened', id)).toEqual([]);
    await runSurveyReminders(db, new Date(Date.now() + DAY));
    expect(await told('survey.opened', id)).toEqual([]);
    await runSurveyReminders(db, new Date(Date.now() + 2 * DAY));
    expect(await told('survey.opened', id)).toEqual(await populationOf('wakabayashi'));
    expect(await told('survey.reminder', id)).toEqual([]);
  });
});
