/**
 * Sign-in, sessions and the Origin check, through the real app and database.
 */
import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from './app.ts';

const ctx = useTestApp();

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers /api/me', async () => {
    const { app } = ctx();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: 'demo-staff', password: 'demo-password' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'portal_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await app.inject({ url: '/api/me', headers: { cookie: `portal_session=${cookie?.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ staff: { loginId: 'demo-staff' }, roles: ['staff'] });
  });

  it('gives one answer for an unknown login and a wrong password', async () => {
    const { app } = ctx();
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: 'nobody-at-all', password: 'demo-password' },
    });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: 'demo-exec', password: 'not-the-password' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().detail).toBe(wrong.json().detail);
    expect(unknown.json().code).toBe('invalid_credentials');
  });

  it('names the bad field of a malformed login', async () => {
    const res = await ctx().app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: '' } });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.loginId', 'body.password']);
  });

  it('throttles guessing at one account from one address with 429 and Retry-After', async () => {
    const { app } = ctx();
    const attempt = (password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'demo-bureau', password } });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).statusCode).toBe(401);
    const locked = await attempt('demo-password');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const audit = await ctx().database.db.auditLog.count({ where: { action: 'auth.login_failed' } });
    expect(audit).toBeGreaterThanOrEqual(5);
  });
});

describe('sessions', () => {
  it('401 without a session, on every non-public route', async () => {
    const { app } = ctx();
    for (const url of ['/api/me', '/api/policy', '/api/staff', '/api/org-units', '/api/audit-log']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('logout ends the session server-side', async () => {
    const { app } = ctx();
    const cookie = await signIn(app, 'demo-staff');
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode,
    ).toBe(204);
    expect((await app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends idle sessions and sessions past their absolute limit', async () => {
    const { app, database } = ctx();
    const idle = await signIn(app, 'demo-staff');
    const absolute = await signIn(app, 'demo-supervisor');
    const staff = await database.db.staff.findMany({
      where: { loginId: { in: ['demo-staff', 'demo-supervisor'] } },
    });
    const id = (login: string) => staff.find((s) => s.loginId === login)?.id ?? '';
    await database.db.session.updateMany({
      where: { staffId: id('demo-staff') },
      data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
    });
    await database.db.session.updateMany({
      where: { staffId: id('demo-supervisor') },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await app.inject({ url: '/api/me', headers: { cookie: idle } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/me', headers: { cookie: absolute } })).statusCode).toBe(401);
  });

  it('disabling an account ends its sessions at once and refuses sign-in', async () => {
    const { app } = ctx();
    const victim = await signIn(app, 'demo-staff-other');
    const hr = await signIn(app, 'demo-hr');
    const me = (await app.inject({ url: '/api/me', headers: { cookie: victim } })).json();
    const res = await app.inject({
      method: 'POST',
      url: `/api/staff/${me.staff.id}/disable`,
      headers: { cookie: hr },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await app.inject({ url: '/api/me', headers: { cookie: victim } })).statusCode).toBe(401);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: 'demo-staff-other', password: 'demo-password' },
    });
    expect(again.statusCode).toBe(401);
    await app.inject({ method: 'POST', url: `/api/staff/${me.staff.id}/enable`, headers: { cookie: hr } });
    expect((await signIn(app, 'demo-staff-other')).length).toBeGreaterThan(0);
  });
});

describe('Origin check', () => {
  it('refuses writes from a foreign Origin and accepts the own origin or none', async () => {
    const { app } = ctx();
    const cookie = await signIn(app, 'demo-staff');
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('foreign_origin');
    const own = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(own.statusCode).toBe(204);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { loginId: 'demo-staff', password: 'demo-password' },
    });
    expect(login.statusCode).toBe(403);
  });
});
