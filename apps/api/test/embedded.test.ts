/**
 * The embedded default, as `pnpm start` runs it without DATABASE_URL: PGlite with its files on disk,
 * migrated and seeded, serving the app over the PostgreSQL wire protocol, its data kept across restarts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { openDatabase, prepareDatabase } from '../src/db/setup.ts';
import { parseEnv, resolveSensitiveKeys } from '../src/env.ts';
import { startJobs } from '../src/features/jobs/queue.ts';
import { notify } from '../src/features/notifications/notify.ts';
import { createMailer } from '../src/mail/mailer.ts';

const dataDir = await mkdtemp(path.join(tmpdir(), 'portal-embedded-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('embedded database', () => {
  it('starts, serves the policy, and keeps its data across a restart', async () => {
    const env = parseEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    expect(env.databaseUrl).toBeUndefined();

    const first = await openDatabase({ databaseUrl: undefined, dataDir });
    expect(first.mode).toBe('embedded');
    const sensitiveKeys = await resolveSensitiveKeys(env);
    const { applied } = await prepareDatabase(first, { demo: env.demoMode, sensitiveKeys });
    expect(applied.length).toBeGreaterThan(0);
    const app = await buildApp({
      env,
      sessionSecret: 's'.repeat(40),
      db: first.db,
      databaseMode: first.mode,
      serveWeb: false,
    });
    const health = await app.inject('/api/health');
    expect(health.json()).toMatchObject({ status: 'ok', database: { mode: 'embedded', reachable: true } });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: 'demo-staff', password: 'demo-password' },
    });
    const policy = await app.inject({
      url: '/api/policy',
      cookies: { portal_session: login.cookies[0]?.value ?? '' },
    });
    expect(policy.json().policyAreas).toHaveLength(3);
    // concurrent queries through the pool are queued onto the one PGlite instance
    const counts = await Promise.all(Array.from({ length: 8 }, () => first.db.initiative.count()));
    expect(counts).toEqual(Array(8).fill(13));
    await first.db.planPeriod.updateMany({ data: { nameEn: 'kept across restarts' } });
    // the job queue (pg-boss) runs on the embedded database too (decision 040): a notification is
    // looked at by the dispatcher (mail off here: it stays in the portal), and a job runs
    const jobs = await startJobs({
      db: first.db,
      url: first.url,
      env,
      secret: 's'.repeat(40),
      mailer: createMailer({ smtpUrl: null, mailFrom: 'portal@localhost' }),
      log: { error: () => undefined, info: () => undefined },
      pollingSeconds: 0.5,
    });
    const staff = await first.db.staff.findUniqueOrThrow({ where: { loginId: 'demo-staff' } });
    const [id] = await first.db.$transaction((tx) =>
      notify(tx, [{ to: [staff.id], kind: 'training.application.approved', link: '/training/applications' }]),
    );
    expect(await jobs.dispatch()).toBeGreaterThan(0);
    expect((await first.db.notification.findUniqueOrThrow({ where: { id: id ?? '' } })).mailState).toBe(
      'off',
    );
    expect(await jobs.queueDigests()).toBe(0);
    await jobs.stop();
    await app.close();
    await first.close();

    const second = await openDatabase({ databaseUrl: undefined, dataDir });
    try {
      expect(
        (
          await prepareDatabase(second, {
            demo: false,
            // the demo's key, generated into the data directory on the first start, is found again
            sensitiveKeys: await resolveSensitiveKeys(env),
          })
        ).applied,
      ).toEqual([]);
      const period = await second.db.planPeriod.findFirst();
      expect(period?.nameEn).toBe('kept across restarts');
    } finally {
      await second.close();
    }
  }, 120_000);
});
