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
import { parseEnv } from '../src/env.ts';

const dataDir = await mkdtemp(path.join(tmpdir(), 'portal-embedded-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('embedded database', () => {
  it('starts, serves the policy, and keeps its data across a restart', async () => {
    const env = parseEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    expect(env.databaseUrl).toBeUndefined();

    const first = await openDatabase({ databaseUrl: undefined, dataDir });
    expect(first.mode).toBe('embedded');
    const { applied } = await prepareDatabase(first, { demo: env.demoMode });
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
    await app.close();
    await first.close();

    const second = await openDatabase({ databaseUrl: undefined, dataDir });
    try {
      expect((await prepareDatabase(second, { demo: false })).applied).toEqual([]);
      const period = await second.db.planPeriod.findFirst();
      expect(period?.nameEn).toBe('kept across restarts');
    } finally {
      await second.close();
    }
  }, 120_000);
});
