/**
 * The engagement surveys' daily job: tells the population of a round on its first day and reminds
 * those who have not answered on each later day (surveys/survey-reminders.ts; decision 027). Daily at
 * 09:00 Tokyo time; the notifications' keys make a second run, or a second instance, tell nobody twice.
 */
import type PgBoss from 'pg-boss';
import type { Db } from '../../db/client.ts';
import { runSurveyReminders } from '../surveys/survey-reminders.ts';

export const SURVEY_REMINDERS_QUEUE = 'survey-reminders';

export async function registerSurveyReminders(
  boss: PgBoss,
  db: Db,
  workOptions: PgBoss.WorkOptions,
  queueOptions: Omit<PgBoss.Queue, 'name'>,
): Promise<void> {
  if (!(await boss.getQueue(SURVEY_REMINDERS_QUEUE))) {
    await boss
      .createQueue(SURVEY_REMINDERS_QUEUE, { name: SURVEY_REMINDERS_QUEUE, ...queueOptions })
      .catch(() => undefined);
  }
  await boss.work(SURVEY_REMINDERS_QUEUE, workOptions, async () => {
    await runSurveyReminders(db);
  });
  await boss.schedule(SURVEY_REMINDERS_QUEUE, '0 9 * * *', {}, { tz: 'Asia/Tokyo' });
}
