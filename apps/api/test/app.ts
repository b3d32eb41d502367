/**
 * The real app over this file's own database, driven through `app.inject()`.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/app.ts';
import { parseEnv } from '../src/env.ts';
import { type TestDatabase, useTestDatabase } from './database.ts';
import { TEST_SENSITIVE_KEYS } from './sensitive-keys.ts';

export type TestContext = { app: FastifyInstance; database: TestDatabase };

/**
 * `env` adds settings (read when the app is built, so it may name a server started by an earlier
 * `beforeAll`, such as the test SMTP server).
 */
export function useTestApp(options: { env?: () => Record<string, string> } = {}): () => TestContext {
  const database = useTestDatabase();
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    const env = parseEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      SESSION_SECRET: 'x'.repeat(48),
      ...options.env?.(),
    });
    app = await buildApp({
      env,
      sessionSecret: 'test-secret-'.padEnd(40, 'x'),
      sensitiveKeys: TEST_SENSITIVE_KEYS,
      db: database().db,
      databaseMode: database().mode,
      serveWeb: false,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (!app) throw new Error('the test app is not ready');
    return { app, database: database() };
  };
}

/** Signs in through the real endpoint; returns the cookie header to send with later requests. */
export async function signIn(
  app: FastifyInstance,
  loginId: string,
  password = 'demo-password',
): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${loginId} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'portal_session');
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}

export const DEMO_ROLES = {
  staff: 'demo-staff',
  supervisor: 'demo-supervisor',
  staffOther: 'demo-staff-other',
  bureau: 'demo-bureau',
  hr: 'demo-hr',
  exec: 'demo-exec',
} as const;
export type DemoRole = keyof typeof DEMO_ROLES;
