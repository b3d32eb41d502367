import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createPrisma } from '../src/db/client.ts';
import { freePort } from '../src/db/embedded.ts';
import { parseEnv } from '../src/env.ts';

// Neither compression nor the static files touch the database: one that never answers will do.
let app: FastifyInstance;
let db: ReturnType<typeof createPrisma>;
let webDist: string;
const script = `export const answer = ${JSON.stringify('x'.repeat(4000))};\n`;

beforeAll(async () => {
  webDist = await mkdtemp(path.join(tmpdir(), 'portal-web-'));
  await mkdir(path.join(webDist, 'assets'));
  await writeFile(path.join(webDist, 'index.html'), '<!doctype html><title>portal</title>');
  await writeFile(path.join(webDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const asset = path.join(webDist, 'assets/index-AbC123.js');
  await writeFile(asset, script);
  await writeFile(`${asset}.br`, brotliCompressSync(script));
  await writeFile(`${asset}.gz`, gzipSync(script));
  db = createPrisma(`postgresql://postgres@127.0.0.1:${await freePort()}/none`, 1);
  app = await buildApp({
    env: parseEnv({ LOG_LEVEL: 'silent' }),
    sessionSecret: 's'.repeat(40),
    db,
    databaseMode: 'external',
    webDist,
  });
});
afterAll(async () => {
  await app?.close();
  await db?.$disconnect();
  await rm(webDist, { recursive: true, force: true });
});

describe('hashed assets', () => {
  it('are sent precompressed with brotli, cached for a year and immutable', async () => {
    const res = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('fall back to gzip, then to the plain file, by what the browser accepts', async () => {
    const gz = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': '' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});

describe('index.html and other unhashed files', () => {
  it('are revalidated on every use', async () => {
    for (const url of ['/', '/career', '/favicon.svg']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });
});

describe('API answers', () => {
  it('are compressed above 1 KB for a browser that accepts br or gzip', async () => {
    const br = await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    const document = JSON.parse(brotliDecompressSync(br.rawPayload).toString());
    expect(document.openapi).toBe('3.1.0');
    const gz = await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString()).openapi).toBe('3.1.0');
  });

  it('go out as they are below 1 KB, or when the client accepts no encoding', async () => {
    const small = await app.inject({ url: '/api/nothing-here', headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.statusCode).toBe(401);
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    const identity = await app.inject({ url: '/api/openapi.json' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.json().openapi).toBe('3.1.0');
  });
});
