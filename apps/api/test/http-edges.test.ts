/**
 * Answers given at the edges of the HTTP stack — a URI or headers too large, a malformed request —
 * are problem+json with the same security headers as every answer; API answers are never cached.
 */

import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from './app.ts';

const ctx = useTestApp();

/** Sends raw bytes to the listening app and returns the status line, headers and body it answers. */
async function rawRequest(port: number, request: string) {
  const text = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      data += chunk;
    });
    socket.on('end', () => resolve(data));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

async function listening() {
  const { app } = ctx();
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

function expectEdgeProblem(
  res: { status: number; headers: Record<string, string | undefined>; body: string },
  status: number,
) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(JSON.parse(res.body)).toMatchObject({ status });
}

describe('answers at the edge of the HTTP stack', () => {
  it('answers headers too large with a 431 problem carrying the security headers', async () => {
    const port = await listening();
    const res = await rawRequest(
      port,
      `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expectEdgeProblem(res, 431);
    expect(JSON.parse(res.body).code).toBe('headers_too_large');
  });

  it('answers a malformed request with a 400 problem carrying the security headers', async () => {
    const port = await listening();
    const res = await rawRequest(port, 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n');
    expectEdgeProblem(res, 400);
  });

  it('answers a path parameter too long with a 414 problem carrying the security headers', async () => {
    const { app } = ctx();
    const res = await app.inject({ url: `/api/training-sessions/${'a'.repeat(500)}` });
    expectEdgeProblem(
      { status: res.statusCode, headers: res.headers as Record<string, string>, body: res.body },
      414,
    );
    expect(res.json().code).toBe('uri_too_long');
  });
});

describe('caching', () => {
  it('marks API answers no-store: personal data, errors and public ones alike', async () => {
    const { app } = ctx();
    const cookie = await signIn(app, 'demo-staff');
    for (const [url, headers] of [
      ['/api/me', { cookie }],
      ['/api/trainings', { cookie }],
      ['/api/trainings', {}],
      ['/api/no-such-route', { cookie }],
      ['/api/health', {}],
    ] as const) {
      const res = await app.inject({ url, headers });
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });
});
