/**
 * What the portal tells the population of a round, through the notifications (decision 027):
 * - when the round opens (the day HR opens it, or its first day when opened ahead), everyone in it,
 *   once per round;
 * - each day of the window after the first, those who have not answered, once a day each — the same
 *   key as HR's reminder button, so a person is told once a day whichever sends first.
 * Each is one INSERT … SELECT over the population (`notifyPopulation`), never a row per person in
 * the app. Nobody learns who answered: a reminder goes only to the person; HR sees a count.
 */
import { categoryOf } from '@portal/contracts';
import { today } from '../../access/scope.ts';
import type { Db, Tx } from '../../db/client.ts';
import { createSurveyRepository, type SurveyRow } from './survey.repository.ts';
import { populationDay } from './survey.rules.ts';

const repo = createSurveyRepository();
const iso = (d: Date) => d.toISOString().slice(0, 10);
/** The start of the Tokyo day `day` (today() gives it as UTC midnight of that date) */
const dayStart = (day: Date) => new Date(day.getTime() - 9 * 3_600_000);

const noticeOf = (row: SurveyRow) => ({
  link: `/surveys/${row.id}/answer`,
  params: { title: row.titleJa, titleEn: row.titleEn || row.titleJa, closesOn: iso(row.closesOn) },
});

export const openedKey = (surveyId: string) => `survey-opened:${surveyId}`;

/** Tells everyone in the round that it takes answers (once per round); returns how many were told. */
export function announceOpening(tx: Db | Tx, row: SurveyRow, day = today(), by: string | null = null) {
  return repo.notifyPopulation(tx, row, populationDay(row, day), {
    ...noticeOf(row),
    kind: 'survey.opened',
    category: categoryOf('survey.opened'),
    dedupeKey: openedKey(row.id),
    unanswered: false,
    by,
  });
}

/**
 * Reminds those of the round who have not answered (once a day each); returns how many. The daily
 * sweep leaves out those told of the opening today (`sweep`); HR's button does not.
 */
export function remindNonRespondents(
  tx: Db | Tx,
  row: SurveyRow,
  day = today(),
  by: string | null = null,
  sweep = false,
) {
  return repo.notifyPopulation(tx, row, populationDay(row, day), {
    ...noticeOf(row),
    kind: 'survey.reminder',
    category: categoryOf('survey.reminder'),
    dedupeKey: `survey-reminder:${row.id}:${iso(day)}`,
    unanswered: true,
    by,
    // told of the opening today: that is today's word
    skip: sweep ? { key: openedKey(row.id), since: dayStart(day) } : null,
  });
}

/** The daily sweep over the rounds taking answers today; safe to run twice or on two instances. */
export async function runSurveyReminders(db: Db, now = new Date()) {
  const day = today(now);
  let opened = 0;
  let reminded = 0;
  // Each notice is one statement of its own: nothing to hold together in a transaction
  for (const row of await repo.acceptingRounds(db, day)) {
    opened += await announceOpening(db, row, day);
    if (row.opensOn < day) reminded += await remindNonRespondents(db, row, day, null, true);
  }
  return { opened, reminded };
}
