/**
 * Statement budgets: the real app on this file's own database, with a client that counts every
 * statement the pg driver sends. A request's statements are split into authentication's (the
 * `onRequest` hooks, before the handler's hooks run) and the route's own.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/app.ts';
import type { Db } from '../src/db/client.ts';
import { parseEnv } from '../src/env.ts';
import { useTestDatabase } from './database.ts';
import { TEST_SENSITIVE_KEYS } from './sensitive-keys.ts';
import { type CountingDb, countingPrisma } from './statement-counter.ts';

export type StatementCount = {
  /** Every statement the request sent. */
  total: number;
  /** Those sent while authenticating (before the route's own hooks and handler). */
  auth: number;
  /** Those the route sent itself. */
  own: number;
  statements: string[];
};

export type CountingApp = {
  app: FastifyInstance;
  db: Db;
  /** The database's URL (for a second client, e.g. the job queue) */
  url: string;
  /** The embedded database names no statement (one session serves every connection) */
  mode: 'embedded' | 'external';
  /** Sends the request and counts its statements; fails on an answer other than 2xx. */
  count: (options: InjectOptions | string) => Promise<StatementCount>;
};

/** `poolSize`: the app's connections (one, to read a connection's own state such as its prepared statements). */
export function useCountingApp(options: { poolSize?: number } = {}): () => CountingApp {
  const database = useTestDatabase();
  let ctx: CountingApp | undefined;
  let counting: CountingDb | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    counting = countingPrisma(database().url, options.poolSize ?? 5, {
      prepared: database().mode !== 'embedded',
    });
    const { db } = counting;
    const sent = counting;
    app = await buildApp({
      env: parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SESSION_SECRET: 'x'.repeat(48) }),
      sessionSecret: 'test-secret-'.padEnd(40, 'x'),
      sensitiveKeys: TEST_SENSITIVE_KEYS,
      db,
      databaseMode: database().mode,
      serveWeb: false,
    });
    let authenticated = 0;
    app.addHook('preParsing', async () => {
      authenticated = sent.statements().length;
    });
    await app.ready();
    const counted = app;
    ctx = {
      app: counted,
      db,
      url: database().url,
      mode: database().mode,
      count: async (options) => {
        sent.reset();
        authenticated = 0;
        const res = await counted.inject(options);
        if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
        const statements = sent.statements();
        return {
          total: statements.length,
          auth: authenticated,
          own: statements.length - authenticated,
          statements,
        };
      },
    };
  });
  afterAll(async () => {
    await app?.close();
    await counting?.close();
  });
  return () => {
    if (!ctx) throw new Error('the counting app is not ready');
    return ctx;
  };
}
