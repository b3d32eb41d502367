/**
 * The background work, on a PostgreSQL queue (pg-boss 10, decision 040) in the portal's own database:
 * - dispatch (every few seconds, in every instance): new notifications are looked at once each
 *   (`FOR UPDATE SKIP LOCKED`): by the person's setting, mailed at once (a job whose id is the
 *   notification's, so it exists once however often it is sent), kept for the digest, or not mailed;
 * - `notification-mail`: one notification's mail; retried with back-off; failed ones stay for HR;
 * - `notification-digest` (daily at NOTIFY_DIGEST_HOUR, Asia/Tokyo): one job per person and day
 *   (its id made from both), each mailing that person's waiting notifications in one mail;
 * - `reminders` (hourly): the time-based reminders, written once per person and occasion;
 * - `dashboard-refresh` (every 5 minutes, and once at start-up): the dashboards' rollup view; the only
 *   refresh besides migrations and seeding — a read never refreshes it (decision 012).
 * Mail never goes out inside a request or a transaction.
 */
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import { today } from '../../access/scope.ts';
import type { Db } from '../../db/client.ts';
import type { Env } from '../../env.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { digestMail, notificationMail } from '../../mail/notification-mail.ts';
import { systemWrite } from '../../shared/write.ts';
import { refreshDashboardRollup } from '../dashboards/dashboard-rollup.ts';
import { modesOf } from '../notifications/notification.service.ts';
import { settingsOf } from '../notifications/notification-settings.repository.ts';
import { runReminders } from '../notifications/reminders.ts';
import { unsubscribeToken } from '../notifications/unsubscribe-token.ts';
import {
  claimForMail,
  claimNew,
  digestRecipients,
  finishMail,
  type MailRow,
  person,
  setMailState,
  stillQueued,
} from './jobs.repository.ts';
import { registerSurveyReminders } from './survey-reminders.job.ts';

export const QUEUES = {
  mail: 'notification-mail',
  digest: 'notification-digest',
  digestMail: 'notification-digest-mail',
  reminders: 'reminders',
  dashboards: 'dashboard-refresh',
} as const;

type Log = { error: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void };

export type JobsDeps = {
  db: Db;
  /** The database the queue keeps its tables in (the portal's own) */
  url: string;
  env: Pick<Env, 'publicUrl' | 'notifications'>;
  secret: string;
  mailer: Mailer;
  log: Log;
  /** Seconds between a failed mail and its retry (doubling each time); 30 unless given */
  retryDelaySeconds?: number;
  /** How often workers look for jobs; 2 s unless given */
  pollingSeconds?: number;
};

export type Jobs = {
  /** Hands new notifications on (also run on a timer); returns how many it looked at */
  dispatch: () => Promise<number>;
  /** Queues today's digests (also run daily at the digest hour) */
  queueDigests: () => Promise<number>;
  stop: () => Promise<void>;
};

/** A UUID made from a text: the same person and day name the same digest job. */
function uuidOf(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function startJobs(deps: JobsDeps): Promise<Jobs> {
  const { db, env, mailer, log } = deps;
  const boss = new PgBoss({ connectionString: deps.url, max: 3, schema: 'pgboss' });
  boss.on('error', (err) => log.error({ err }, 'background jobs'));
  await boss.start();
  const retry = {
    retryLimit: env.notifications.mailRetryLimit,
    retryDelay: deps.retryDelaySeconds ?? 30,
    retryBackoff: true,
  };
  for (const name of Object.values(QUEUES)) {
    // two instances starting at once may both try: the second finds it there
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...retry }).catch(() => undefined);
  }

  const unsubscribe = (staffId: string, categories: string[]) =>
    unsubscribeToken(deps.secret, { staffId, categories: categories as never });

  /** Mails what `claim` took for the job; marks it sent, or failed after the last retry. */
  async function mailJob(
    job: { id: string; retryCount: number; retryLimit: number },
    recipientId: string | null,
    claim: () => Promise<MailRow[]>,
    compose: (
      rows: MailRow[],
      who: { name: string; nameEn: string },
      token: string,
    ) => ReturnType<typeof digestMail>,
  ) {
    const rows = await claim();
    if (!rows.length) return;
    const to = await person(db, recipientId ?? rows[0]?.recipientId ?? '');
    if (!to?.email || to.disabledAt) {
      await finishMail(db, job.id, 'sent');
      return;
    }
    const token = unsubscribe(to.id, [...new Set(rows.map((r) => r.category))]);
    const message = compose(rows, { name: to.nameJa, nameEn: to.nameEn }, token);
    const apiUnsubscribe = `${env.publicUrl}/api/unsubscribe/${token}`;
    try {
      await mailer.send(to.email, {
        ...message,
        headers: {
          'List-Unsubscribe': `<${apiUnsubscribe}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      });
    } catch (e) {
      if (job.retryCount >= job.retryLimit) await finishMail(db, job.id, 'failed');
      throw e;
    }
    await finishMail(db, job.id, 'sent');
  }

  const webUnsubscribe = (token: string) => `${env.publicUrl}/unsubscribe/${token}`;

  const workOptions = { includeMetadata: true, pollingIntervalSeconds: deps.pollingSeconds ?? 2 } as const;
  await boss.work<{ notificationId: string }>(QUEUES.mail, workOptions, async ([job]) => {
    if (!job) return;
    await mailJob(
      job,
      null,
      () => claimForMail(db, job.id, { notificationId: job.data.notificationId }),
      (rows, who, token) =>
        notificationMail({
          ...who,
          notification: rows[0] as MailRow,
          publicUrl: env.publicUrl,
          unsubscribeUrl: webUnsubscribe(token),
        }),
    );
  });
  await boss.work<{ recipientId: string }>(QUEUES.digestMail, workOptions, async ([job]) => {
    if (!job) return;
    await mailJob(
      job,
      job.data.recipientId,
      () => claimForMail(db, job.id, { recipientId: job.data.recipientId }),
      (rows, who, token) =>
        digestMail({
          ...who,
          notifications: rows,
          publicUrl: env.publicUrl,
          unsubscribeUrl: webUnsubscribe(token),
        }),
    );
  });

  async function queueDigests(): Promise<number> {
    const day = today().toISOString().slice(0, 10);
    const recipients = await digestRecipients(db);
    for (const recipientId of recipients) {
      await boss.send(QUEUES.digestMail, { recipientId }, { id: uuidOf(`digest:${recipientId}:${day}`) });
    }
    return recipients.length;
  }
  await boss.work(QUEUES.digest, workOptions, async () => {
    await queueDigests();
  });
  await boss.work(QUEUES.reminders, workOptions, async () => {
    await runReminders(db);
  });
  await boss.work(QUEUES.dashboards, workOptions, async () => {
    await refreshDashboardRollup(db);
  });
  await boss.schedule(QUEUES.dashboards, '*/5 * * * *', {}, { tz: 'Asia/Tokyo' });
  // at start-up too: the figures a restart finds are at most as old as the restart (one job for all
  // instances starting within the minute)
  await boss.send(QUEUES.dashboards, {}, { singletonKey: 'start-up', singletonSeconds: 60 });
  await boss.schedule(QUEUES.digest, `0 ${env.notifications.digestHour} * * *`, {}, { tz: 'Asia/Tokyo' });
  await boss.schedule(QUEUES.reminders, '5 * * * *', {}, { tz: 'Asia/Tokyo' });
  await registerSurveyReminders(boss, db, workOptions, retry);

  async function dispatch(): Promise<number> {
    const immediate: string[] = [];
    const looked = await systemWrite(db, async (tx) => {
      const rows = await claimNew(tx, 200);
      if (!rows.length) return 0;
      const settings = await settingsOf(
        tx,
        rows.map((r) => r.recipientId),
      );
      const by: Record<'queued' | 'digest' | 'off', string[]> = { queued: [], digest: [], off: [] };
      for (const r of rows) {
        const mode = modesOf(settings.get(r.recipientId))[r.category as keyof ReturnType<typeof modesOf>];
        if (!mailer.enabled || !r.email || mode === 'off' || mode === undefined) by.off.push(r.id);
        else if (mode === 'immediate') by.queued.push(r.id);
        else by.digest.push(r.id);
      }
      for (const [state, ids] of Object.entries(by)) await setMailState(tx, ids, state);
      immediate.push(...by.queued);
      return rows.length;
    });
    // after the commit; one that did not make it (a crash just now) is sent again below, a while later
    const again = await stillQueued(db, new Date(Date.now() - 120_000));
    for (const id of [...immediate, ...again]) {
      await boss.send(QUEUES.mail, { notificationId: id }, { id });
    }
    return looked;
  }

  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    dispatch()
      .catch((err: unknown) => log.error({ err }, 'notification dispatch'))
      .finally(() => {
        running = false;
      });
  }, env.notifications.dispatchSeconds * 1000);
  timer.unref();

  return {
    dispatch,
    queueDigests,
    async stop() {
      clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
}
