/**
 * Authenticating a request costs at most two statements: the session with everything its actor needs
 * in one, and the session's `lastSeenAt` touched at most once a minute. Counted at the pg connection.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { parseEnv } from '../src/env.ts';
import { DEMO_ROLES, type DemoRole, signIn } from './app.ts';
import { useTestDatabase } from './database.ts';
import { type CountingDb, countingPrisma } from './statement-counter.ts';

const database = useTestDatabase();
let counting: CountingDb;
let app: FastifyInstance;

beforeAll(async () => {
  counting = countingPrisma(database().url, 3, { prepared: database().mode !== 'embedded' });
  app = await buildApp({
    env: parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SESSION_SECRET: 'x'.repeat(48) }),
    sessionSecret: 'test-secret-'.padEnd(40, 'x'),
    db: counting.db,
    databaseMode: database().mode,
    serveWeb: false,
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await counting?.close();
});

/** The statements an authenticated request sends before any route runs (an unknown path answers 404). */
async function authenticationStatements(cookie: string) {
  counting.reset();
  const res = await app.inject({ method: 'GET', url: '/api/no-such-route', headers: { cookie } });
  expect(res.statusCode).toBe(404);
  return counting.statements();
}

describe('authentication', () => {
  it.each(Object.keys(DEMO_ROLES) as DemoRole[])('of %s takes one statement', async (role) => {
    const cookie = await signIn(app, DEMO_ROLES[role]);
    const statements = await authenticationStatements(cookie);
    expect(statements).toHaveLength(1);
  });

  it('takes two when the session is touched (idle for over a minute), then one again', async () => {
    const cookie = await signIn(app, DEMO_ROLES.supervisor);
    await database().db.session.updateMany({ data: { lastSeenAt: new Date(Date.now() - 120_000) } });
    expect(await authenticationStatements(cookie)).toHaveLength(2);
    expect(await authenticationStatements(cookie)).toHaveLength(1);
  });

  it('of a supervisor still yields their roles and team (the one statement carries everything)', async () => {
    const cookie = await signIn(app, DEMO_ROLES.supervisor);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toContain('supervisor');
    expect(me.json().teamUnits.length).toBeGreaterThan(0);
  });
});
