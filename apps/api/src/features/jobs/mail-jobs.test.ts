/**
 * Mail from background jobs, through a real SMTP server: two app instances with their job runners on
 * one database send each mail once; the digest gathers a person's notifications into one mail; the
 * unsubscribe link works without a session; an SMTP failure is retried and then shows to HR as failed.
 */
import { type AddressInfo, createServer } from 'node:net';
import type { BackgroundJobStatus, NotificationSettings, UnsubscribeView } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signIn, useTestApp } from '../../../test/app.ts';
import { useTestSmtp } from '../../../test/smtp.ts';
import { buildApp } from '../../app.ts';
import { createPrisma, type Db } from '../../db/client.ts';
import { parseEnv } from '../../env.ts';
import { createMailer } from '../../mail/mailer.ts';
import { notify } from '../notifications/notify.ts';
import { apply, caller, decide, makeCourse, makeSession } from '../training/training.test-helpers.ts';
import { type Jobs, QUEUES, startJobs } from './queue.ts';

const PUBLIC_URL = 'https://portal.example.jp';
const SECRET = 'test-secret-'.padEnd(40, 'x');
const smtp = useTestSmtp();
const ctx = useTestApp({ env: () => ({ SMTP_URL: smtp().url, PUBLIC_URL }) });
const call = caller(() => ctx().app);
const silent = { error: () => undefined, info: () => undefined };

const SUPERVISOR = 'demo-supervisor@city.sendai.example';
const STAFF = 'demo-staff@city.sendai.example';

let second: { app: FastifyInstance; db: Db } | undefined;
const runners: Jobs[] = [];

async function runner(db: Db, smtpUrl: string, retryLimit = 3): Promise<Jobs> {
  const env = parseEnv({
    SMTP_URL: smtpUrl,
    PUBLIC_URL,
    SESSION_SECRET: 'x'.repeat(48),
    NOTIFY_DISPATCH_SECONDS: '1',
    MAIL_RETRY_LIMIT: String(retryLimit),
  });
  const jobs = await startJobs({
    db,
    url: ctx().database.url,
    env,
    secret: SECRET,
    mailer: createMailer(env),
    log: silent,
    retryDelaySeconds: 1,
    pollingSeconds: 0.5,
  });
  runners.push(jobs);
  return jobs;
}

beforeAll(async () => {
  // the second instance: its own app and connection pool on the same database
  const db = createPrisma(ctx().database.url, 4);
  const env = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'x'.repeat(48),
    SMTP_URL: smtp().url,
    PUBLIC_URL,
  });
  const app = await buildApp({
    env,
    sessionSecret: SECRET,
    db,
    databaseMode: ctx().database.mode,
    serveWeb: false,
  });
  await app.ready();
  second = { app, db };
  await runner(ctx().database.db, smtp().url);
  await runner(db, smtp().url);
}, 60_000);

afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  await second?.app.close();
  await second?.db.$disconnect();
});

const to = (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address));
const mailsTo = (address: string, subject: string) =>
  smtp().messages.filter((m) => to(m).includes(address) && (m.subject ?? '').includes(subject));
/** A header as it came over the wire (mailparser turns List-* headers into objects). */
const rawHeader = (m: ParsedMail | undefined, key: string) =>
  m?.headerLines
    .find((h) => h.key === key)
    ?.line.replace(/^[^:]+:\s*/, '')
    .trim();

/**
 * Waits (at most `timeoutMs`) until the mail has settled: every notification handed on (none new,
 * queued or being sent) and no mail job waiting, running or to be retried. Whatever the runners would
 * mail by then has reached the SMTP server; nothing more is on its way.
 */
async function mailSettled(timeoutMs = 10_000) {
  const { db } = ctx().database;
  const queues = [QUEUES.mail, QUEUES.digest, QUEUES.digestMail];
  await vi.waitFor(
    async () => {
      const [pending] = await db.$queryRaw<{ jobs: number; notifications: number }[]>`
        SELECT (SELECT count(*)::int FROM pgboss.job
                 WHERE name = ANY(${queues}::text[]) AND state IN ('created', 'retry', 'active')) AS jobs,
               (SELECT count(*)::int FROM notification
                 WHERE "mailState" IN ('new', 'queued', 'sending')) AS notifications`;
      expect(pending).toEqual({ jobs: 0, notifications: 0 });
    },
    { timeout: timeoutMs, interval: 100 },
  );
}

describe('mail from background jobs', () => {
  it('two instances send the approval mail once: subject, recipient, ja/en body, link, unsubscribe headers', async () => {
    const course = await makeCourse(call, { title: { ja: 'メール研修', en: 'Mail course' } });
    const session = await makeSession(call, course.id, { capacity: 5 });
    // applied through the second instance
    const cookie = await signIn(second?.app as FastifyInstance, 'demo-staff');
    const res = await second?.app.inject({
      method: 'POST',
      url: `/api/training-sessions/${session.id}/applications`,
      headers: { cookie },
      payload: { reason: '窓口の個別事情を説明するため' },
    });
    expect(res?.statusCode).toBe(201);
    const mail = await smtp().next(SUPERVISOR, 20_000);
    expect(mail.subject).toContain('メール研修');
    expect(mail.subject).toContain('Mail course');
    expect(mail.text).toContain('若林'); // the applicant's name
    expect(mail.text).toContain('awaits your approval');
    expect(mail.text).toContain(`${PUBLIC_URL}/training/approvals`);
    // the application's reason is not copied into the mail
    expect(mail.text).not.toContain('個別事情');
    expect(rawHeader(mail, 'list-unsubscribe')).toMatch(
      new RegExp(`^<${PUBLIC_URL}/api/unsubscribe/[^>]+>$`),
    );
    expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    await mailSettled();
    expect(mailsTo(SUPERVISOR, 'メール研修')).toHaveLength(1);
  });

  it('collects the day’s notifications into one digest, once with both instances', async () => {
    const course = await makeCourse(call, { title: { ja: 'ダイジェスト研修', en: 'Digest course' } });
    const session = await makeSession(call, course.id, { capacity: 5 });
    const application = await apply(call, 'demo-staff', session.id);
    await decide(call, 'demo-supervisor', application.id, 'approve');
    const other = await makeSession(call, course.id, { capacity: 5 });
    const second = await apply(call, 'demo-staff', other.id);
    await decide(call, 'demo-supervisor', second.id, 'decline', '今回は見送り');
    // both wait for the digest (applications: digest by default)
    await mailSettled();
    expect(smtp().messages.filter((m) => to(m).includes(STAFF))).toHaveLength(0);
    await Promise.all(runners.map((r) => r.queueDigests()));
    const digest = await smtp().next(STAFF, 20_000);
    expect(digest.subject).toContain('notification');
    expect(digest.text).toContain('ダイジェスト研修');
    expect(digest.text).toContain('was approved by your supervisor');
    expect(digest.text).toContain('was declined by your supervisor');
    expect(digest.text).toContain(`${PUBLIC_URL}/training/applications`);
    await mailSettled();
    expect(smtp().messages.filter((m) => to(m).includes(STAFF))).toHaveLength(1);
  });

  it('unsubscribes one category with the link, without a session; a forged link is 404', async () => {
    // an approval mail of its own to unsubscribe with, so that the test also runs alone
    const first = await makeCourse(call, { title: { ja: '配信停止前', en: 'Before unsubscribing' } });
    await apply(call, 'demo-staff', (await makeSession(call, first.id, { capacity: 5 })).id);
    const mail = await vi.waitFor(
      () => {
        const [arrived] = mailsTo(SUPERVISOR, '配信停止前');
        expect(arrived).toBeDefined();
        return arrived;
      },
      { timeout: 20_000, interval: 100 },
    );
    const token = /unsubscribe\/([^>]+)>/.exec(rawHeader(mail, 'list-unsubscribe') ?? '')?.[1] ?? '';
    const { app } = ctx();
    const view = await app.inject({ url: `/api/unsubscribe/${token}` });
    expect(view.statusCode).toBe(200);
    expect(view.json<UnsubscribeView>()).toEqual({ categories: ['approvals'], done: false });
    const forged = await app.inject({ url: `/api/unsubscribe/${token.slice(0, -2)}xx` });
    expect(forged.statusCode).toBe(404);
    const oneClick = await app.inject({
      method: 'POST',
      url: `/api/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.json<UnsubscribeView>().done).toBe(true);
    const cookie = await signIn(app, 'demo-supervisor');
    const settings = (
      await app.inject({ url: '/api/me/notification-settings', headers: { cookie } })
    ).json<NotificationSettings>();
    expect(settings.categories.approvals).toBe('off');
    expect(settings.categories.ojt).toBe('digest');
    expect(settings.mailEnabled).toBe(true);
    // the next approval waits in the portal only
    const before = smtp().messages.length;
    const course = await makeCourse(call, { title: { ja: '配信停止後', en: 'After unsubscribing' } });
    const session = await makeSession(call, course.id, { capacity: 5 });
    await apply(call, 'demo-staff', session.id);
    await mailSettled();
    expect(
      smtp()
        .messages.slice(before)
        .filter((m) => to(m).includes(SUPERVISOR)),
    ).toHaveLength(0);
  });

  it('retries a mail the SMTP server refuses, then shows it to HR as failed', async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    // a real connection to a port where no SMTP server listens
    const closed = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });
    await runner(ctx().database.db, `smtp://127.0.0.1:${closed}`, 1);
    const { db } = ctx().database;
    const hr = await db.staff.findUniqueOrThrow({ where: { loginId: 'demo-hr' }, select: { id: true } });
    const [id] = await db.$transaction((tx) =>
      notify(tx, [
        {
          to: [hr.id],
          kind: 'training.application.awaiting_acceptance',
          link: '/training/acceptance',
          params: { name: '若林 翼', title: '接遇研修' },
        },
      ]),
    );
    const cookie = await signIn(ctx().app, 'demo-hr');
    // until HR sees it among the failed jobs (at most 30 s)
    const failed = await vi.waitFor(
      async () => {
        const status = (
          await ctx().app.inject({ url: '/api/background-jobs', headers: { cookie } })
        ).json<BackgroundJobStatus>();
        const found = status.failed.find((f) => f.id === id);
        expect(found).toBeDefined();
        return found;
      },
      { timeout: 30_000, interval: 250 },
    );
    // tried again with back-off before it failed (the queue's retry limit is the first runner's)
    expect(failed?.queue).toBe('notification-mail');
    expect(failed?.retries).toBeGreaterThanOrEqual(1);
    expect(failed?.error).toMatch(/ECONNREFUSED|connect/i);
    const row = await db.notification.findUniqueOrThrow({ where: { id: id ?? '' } });
    expect(row.mailState).toBe('failed');
    // staff do not see the queue
    const staff = await signIn(ctx().app, 'demo-staff');
    expect(
      (await ctx().app.inject({ url: '/api/background-jobs', headers: { cookie: staff } })).statusCode,
    ).toBe(403);
  }, 60_000);
});
