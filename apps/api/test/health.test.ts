import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createPrisma } from '../src/db/client.ts';
import { freePort } from '../src/db/embedded.ts';
import { parseEnv } from '../src/env.ts';
import { useTestApp } from './app.ts';

const ctx = useTestApp();

describe('GET /api/health', () => {
  it('is ok when the database answers, and says which database', async () => {
    const res = await ctx().app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: { reachable: true, mode: ctx().database.mode },
    });
  });

  it('is 503 when the database does not answer', async () => {
    const db = createPrisma(`postgresql://postgres@127.0.0.1:${await freePort()}/none`, 1);
    const app = await buildApp({
      env: parseEnv({ LOG_LEVEL: 'silent' }),
      sessionSecret: 's'.repeat(40),
      db,
      databaseMode: 'external',
      serveWeb: false,
    });
    try {
      const res = await app.inject('/api/health');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'unavailable', database: { reachable: false } });
    } finally {
      await app.close();
      await db.$disconnect();
    }
  });

  it('sends security headers and a request id', async () => {
    const res = await ctx().app.inject('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document with every route', async () => {
    const res = await ctx().app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/policy']));
  });
});
