/**
 * Losing the database: through a TCP proxy in front of the real server, the database goes down
 * (connections closed, new ones refused) or stalls (nothing answered), and a lock holds a table. Every
 * request is answered 503 problem+json with Retry-After within the configured bounds, never 500 and
 * never a hang, and the app recovers on its own when the database is back.
 */
import type { ProblemDetails } from '@portal/contracts';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createPrisma, type Db } from '../src/db/client.ts';
import { pgConfigFromUrl } from '../src/db/pg-config.ts';
import { parseEnv } from '../src/env.ts';
import { signIn } from './app.ts';
import { useTestDatabase } from './database.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

const database = useTestDatabase();
const CONNECT_TIMEOUT_MS = 800;
const STATEMENT_TIMEOUT_MS = 1_000;
/** The longest any request may take while the database cannot answer: both bounds and a margin. */
const BOUND_MS = CONNECT_TIMEOUT_MS + STATEMENT_TIMEOUT_MS + 2_000 + 1_500;

let proxy: TcpProxy;
let db: Db;
let app: FastifyInstance;
let cookie: string;

beforeAll(async () => {
  const target = pgConfigFromUrl(database().url);
  proxy = await startTcpProxy({ host: target.host ?? '127.0.0.1', port: target.port ?? 5432 });
  const u = new URL(database().url);
  u.hostname = '127.0.0.1';
  u.port = String(proxy.port);
  const env = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SESSION_SECRET: 'x'.repeat(48),
    DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
    DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
  });
  db = createPrisma(u.toString(), 3, env.db);
  app = await buildApp({
    env,
    sessionSecret: 'test-secret-'.padEnd(40, 'x'),
    db,
    databaseMode: database().mode,
    serveWeb: false,
  });
  await app.ready();
  cookie = await signIn(app, 'demo-hr');
});

afterAll(async () => {
  proxy?.restore();
  await app?.close();
  await db?.$disconnect();
  await proxy?.close();
});

async function timed(request: InjectOptions) {
  const started = Date.now();
  const res = await app.inject(request);
  return { res, ms: Date.now() - started };
}

function expectUnavailable({ res, ms }: Awaited<ReturnType<typeof timed>>) {
  expect(res.statusCode).toBe(503);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.headers['retry-after']).toBe('5');
  expect(res.json<ProblemDetails>().code).toBe('database_unavailable');
  expect(ms).toBeLessThan(BOUND_MS);
}

const read: InjectOptions & { headers: { cookie: string } } = { url: '/api/me', headers: { cookie: '' } };
const write = (key: string): InjectOptions => ({
  method: 'POST',
  url: '/api/auth/login',
  payload: { loginId: `nobody-${key}`, password: 'x' },
});

describe('the database down', () => {
  it('answers reads and writes 503 with Retry-After, and recovers when it is back', async () => {
    read.headers.cookie = cookie;
    expect((await app.inject(read)).statusCode).toBe(200);
    proxy.cut();
    try {
      expectUnavailable(await timed(read));
      expectUnavailable(await timed(write('down')));
      expect((await app.inject({ url: '/api/health' })).statusCode).toBe(503);
    } finally {
      proxy.restore();
    }
    expect((await app.inject(read)).statusCode).toBe(200);
  });
});

describe('the database stalled', () => {
  it('answers within the bounded waits instead of hanging, and recovers', async () => {
    expect((await app.inject(read)).statusCode).toBe(200);
    proxy.stall();
    try {
      const answers = await Promise.all([timed(read), timed(read), timed(write('stalled'))]);
      for (const answer of answers) expectUnavailable(answer);
    } finally {
      proxy.restore();
    }
    // The held bytes flow again: the pool's connections are usable without a restart.
    const after = await timed(read);
    expect(after.res.statusCode).toBe(200);
  });

  it('cancels a statement that waits on a lock past the statement timeout', async () => {
    const admin = new pg.Client(pgConfigFromUrl(database().url));
    await admin.connect();
    try {
      await admin.query('BEGIN');
      await admin.query('LOCK TABLE "session" IN ACCESS EXCLUSIVE MODE');
      expectUnavailable(await timed(read));
    } finally {
      await admin.query('ROLLBACK');
      await admin.end();
    }
    expect((await app.inject(read)).statusCode).toBe(200);
  });
});
