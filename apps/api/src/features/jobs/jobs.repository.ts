/**
 * What the background jobs read and write: notifications on their way to mail (claimed with
 * `FOR UPDATE SKIP LOCKED`, so two instances never take the same one), and pg-boss's own job table
 * (schema `pgboss`) for what HR sees of failed jobs.
 */
import type { Db, Tx } from '../../db/client.ts';

type Client = Db | Tx;

export type NewNotification = { id: string; recipientId: string; category: string; email: string | null };

/** New notifications, locked for this transaction; others' locked ones are skipped. */
export function claimNew(tx: Tx, limit: number): Promise<NewNotification[]> {
  return tx.$queryRaw<NewNotification[]>`
    SELECT n.id, n."recipientId", n.category, s.email
      FROM notification n JOIN staff s ON s.id = n."recipientId"
     WHERE n."mailState" = 'new'
     ORDER BY n.id
     LIMIT ${limit}
       FOR UPDATE OF n SKIP LOCKED`;
}

export async function setMailState(client: Client, ids: readonly string[], mailState: string): Promise<void> {
  if (!ids.length) return;
  await client.notification.updateMany({ where: { id: { in: [...ids] } }, data: { mailState } });
}

/** Queued a while ago and not yet sent: their job is sent again (the same id: a job that exists stays one). */
export async function stillQueued(client: Client, before: Date): Promise<string[]> {
  const rows = await client.notification.findMany({
    where: { mailState: 'queued', createdAt: { lt: before } },
    select: { id: true },
    take: 500,
  });
  return rows.map((r) => r.id);
}

export type MailRow = {
  id: string;
  recipientId: string;
  category: string;
  kind: string;
  link: string;
  params: Record<string, string | number>;
};

/**
 * Takes notifications for the mail job `jobId`: the one queued (`notificationId`) or a person's
 * digest (`recipientId`), plus whatever this same job took before it failed (a retry sends them again).
 */
export function claimForMail(
  client: Client,
  jobId: string,
  what: { notificationId: string } | { recipientId: string },
): Promise<MailRow[]> {
  const mine = 'notificationId' in what;
  return client.$queryRaw<MailRow[]>`
    UPDATE notification SET "mailState" = 'sending', "mailJob" = ${jobId}::uuid
     WHERE (${mine} AND id = ${mine ? what.notificationId : null}::uuid AND "mailState" = 'queued')
        OR (NOT ${mine} AND "recipientId" = ${mine ? null : what.recipientId}::uuid AND "mailState" = 'digest')
        OR ("mailJob" = ${jobId}::uuid AND "mailState" = 'sending')
    RETURNING id, "recipientId", category, kind, link, params`;
}

export async function finishMail(client: Client, jobId: string, mailState: 'sent' | 'failed'): Promise<void> {
  await client.notification.updateMany({
    where: { mailJob: jobId, mailState: 'sending' },
    data: { mailState, ...(mailState === 'sent' ? { mailedAt: new Date() } : {}) },
  });
}

/** The people with notifications waiting for their digest. */
export async function digestRecipients(client: Client): Promise<string[]> {
  const rows = await client.notification.findMany({
    where: { mailState: 'digest' },
    distinct: ['recipientId'],
    select: { recipientId: true },
  });
  return rows.map((r) => r.recipientId);
}

export function person(client: Client, id: string) {
  return client.staff.findUnique({
    where: { id },
    select: { id: true, nameJa: true, nameEn: true, email: true, disabledAt: true },
  });
}

export type FailedJobRow = {
  id: string;
  name: string;
  completed_on: Date | null;
  retry_count: number;
  output: unknown;
};

/** pg-boss's failed jobs, newest first; none while the queue has never run here (no `pgboss` schema). */
export async function failedJobs(client: Client, limit: number): Promise<FailedJobRow[]> {
  if (!(await hasQueueSchema(client))) return [];
  return client.$queryRaw<FailedJobRow[]>`
    SELECT id::text, name, completed_on, retry_count, output
      FROM pgboss.job WHERE state = 'failed'
     ORDER BY completed_on DESC NULLS LAST LIMIT ${limit}`;
}

export async function waitingJobs(client: Client): Promise<number> {
  if (!(await hasQueueSchema(client))) return 0;
  const rows = await client.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`;
  return rows[0]?.n ?? 0;
}

async function hasQueueSchema(client: Client): Promise<boolean> {
  const rows = await client.$queryRaw<{ found: boolean }[]>`
    SELECT to_regclass('pgboss.job') IS NOT NULL AS found`;
  return rows[0]?.found ?? false;
}
