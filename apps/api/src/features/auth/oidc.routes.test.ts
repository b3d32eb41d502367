/**
 * Single sign-on against a real OpenID provider in this process: the whole code flow with PKCE,
 * state and nonce, and every way a callback must fail without opening a session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { signInAtProvider, startTestProvider, type TestProvider } from '../../../test/oidc-provider.ts';

const PORTAL = 'http://localhost:3000';
let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({
    portalUrl: PORTAL,
    accounts: { 'dir-only': { email: 'nobody@example.jp' } },
  });
});
afterAll(async () => provider?.close());

const ctx = useTestApp({
  env: () => ({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    AUTH_LOCAL: 'false',
  }),
});

/** Starts a sign-in at the portal: the provider URL and the transient cookie. */
async function begin() {
  const res = await ctx().app.inject({ url: '/api/auth/oidc/login' });
  expect(res.statusCode).toBe(302);
  const transient = res.cookies.find((c) => c.name === 'portal_oidc');
  expect(transient).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc' });
  return { location: res.headers.location as string, cookie: `portal_oidc=${transient?.value}` };
}

async function callback(url: URL, cookie?: string) {
  const res = await ctx().app.inject({
    url: `${url.pathname}${url.search}`,
    headers: cookie ? { cookie } : {},
  });
  expect(res.statusCode).toBe(302);
  const session = res.cookies.find((c) => c.name === 'portal_session' && c.value);
  return {
    location: res.headers.location as string,
    session: session ? `portal_session=${session.value}` : null,
  };
}

async function lastFailure() {
  const row = await ctx().database.db.auditLog.findFirst({
    where: { action: 'auth.login_failed' },
    orderBy: { at: 'desc' },
  });
  return row?.after as { method: string; reason: string } | undefined;
}

describe('OpenID Connect sign-in', () => {
  it('says which sign-in methods are on, and refuses portal passwords with AUTH_LOCAL=false', async () => {
    const { app } = ctx();
    const providers = await app.inject({ url: '/api/auth/providers' });
    expect(providers.json()).toEqual({ local: false, oidc: true, mail: false });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: 'demo-staff', password: 'demo-password' },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('local_sign_in_off');
  });

  it('redirects with PKCE (S256), state and nonce, and signs a roster person in by email', async () => {
    const { app } = ctx();
    const { location, cookie } = await begin();
    const auth = new URL(location);
    expect(auth.origin).toBe(provider.issuer);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    for (const p of ['code_challenge', 'state', 'nonce'])
      expect(auth.searchParams.get(p)?.length).toBeGreaterThan(20);
    expect(auth.searchParams.get('redirect_uri')).toBe(`${PORTAL}/api/auth/oidc/callback`);

    const back = await signInAtProvider(location, 'demo-staff', PORTAL);
    const done = await callback(back, cookie);
    expect(done.location).toBe('/');
    expect(done.session).not.toBeNull();
    const me = await app.inject({ url: '/api/me', headers: { cookie: done.session ?? '' } });
    expect(me.statusCode).toBe(200);
    expect(me.json().staff.loginId).toBe('demo-staff');
    const audit = await ctx().database.db.auditLog.findFirst({
      where: { action: 'auth.login' },
      orderBy: { at: 'desc' },
    });
    expect(audit?.after).toEqual({ method: 'oidc' });
  });

  it('refuses a callback whose state is not the one it sent, or that comes without the cookie', async () => {
    const { location, cookie } = await begin();
    const back = await signInAtProvider(location, 'demo-staff', PORTAL);
    const forged = new URL(back);
    forged.searchParams.set('state', 'not-the-state-the-portal-sent');
    const bad = await callback(forged, cookie);
    expect(bad).toEqual({ location: '/sign-in/sso-error?reason=state', session: null });
    expect(await lastFailure()).toMatchObject({ method: 'oidc', reason: 'state' });
    expect(await callback(back)).toEqual({ location: '/sign-in/sso-error?reason=state', session: null });
  });

  it('refuses a replayed code', async () => {
    const { location, cookie } = await begin();
    const back = await signInAtProvider(location, 'demo-supervisor', PORTAL);
    expect((await callback(back, cookie)).session).not.toBeNull();
    const replay = await callback(back, cookie);
    expect(replay).toEqual({ location: '/sign-in/sso-error?reason=provider', session: null });
    expect(await lastFailure()).toMatchObject({ reason: 'provider' });
  });

  it('refuses an ID token whose nonce is not the one of this sign-in (a code from another flow)', async () => {
    const { location, cookie } = await begin();
    const other = new URL(location);
    other.searchParams.set('nonce', 'a-nonce-from-somebody-else-0123456789');
    const back = await signInAtProvider(other.href, 'demo-staff', PORTAL);
    expect(await callback(back, cookie)).toEqual({
      location: '/sign-in/sso-error?reason=provider',
      session: null,
    });
    expect(await lastFailure()).toMatchObject({ reason: 'provider', claim: 'nonce' });
  });

  it('refuses an expired authorization code', async () => {
    provider.ttl.code = 1;
    try {
      const { location, cookie } = await begin();
      const back = await signInAtProvider(location, 'demo-staff', PORTAL);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect(await callback(back, cookie)).toEqual({
        location: '/sign-in/sso-error?reason=provider',
        session: null,
      });
      expect(await lastFailure()).toMatchObject({ reason: 'provider', error: 'invalid_grant' });
    } finally {
      provider.ttl.code = 60;
    }
  });

  it('lets in nobody who is not on the roster, and creates no account', async () => {
    const { database } = ctx();
    const before = await database.db.staff.count();
    const { location, cookie } = await begin();
    const back = await signInAtProvider(location, 'dir-only', PORTAL);
    expect(await callback(back, cookie)).toEqual({
      location: '/sign-in/sso-error?reason=not_on_roster',
      session: null,
    });
    expect(await lastFailure()).toMatchObject({ reason: 'not_on_roster', value: 'nobody@example.jp' });
    expect(await database.db.staff.count()).toBe(before);
  });

  it('lets in no disabled person', async () => {
    const { database } = ctx();
    await database.db.staff.update({
      where: { loginId: 'demo-staff-other' },
      data: { disabledAt: new Date() },
    });
    try {
      const { location, cookie } = await begin();
      const back = await signInAtProvider(location, 'demo-staff-other', PORTAL);
      expect(await callback(back, cookie)).toEqual({
        location: '/sign-in/sso-error?reason=disabled',
        session: null,
      });
      expect(await lastFailure()).toMatchObject({ reason: 'disabled' });
    } finally {
      await database.db.staff.update({ where: { loginId: 'demo-staff-other' }, data: { disabledAt: null } });
    }
  });

  it('reports an error the provider sends back (the person cancelled)', async () => {
    const { location, cookie } = await begin();
    const state = new URL(location).searchParams.get('state') ?? '';
    const url = new URL(`${PORTAL}/api/auth/oidc/callback?error=access_denied&state=${state}`);
    expect(await callback(url, cookie)).toEqual({
      location: '/sign-in/sso-error?reason=provider',
      session: null,
    });
  });

  it('after sign-out, sends a browser signed in through the provider to its logout, others to sign-in', async () => {
    const { location, cookie } = await begin();
    const back = await signInAtProvider(location, 'demo-hr', PORTAL);
    const signedIn = await ctx().app.inject({ url: `${back.pathname}${back.search}`, headers: { cookie } });
    const mark = signedIn.cookies.find((c) => c.name === 'portal_sso');
    expect(mark).toMatchObject({ httpOnly: true, path: '/api/auth/oidc' });
    // the sign-in's ID token, kept for the provider's logout (id_token_hint)
    expect(mark?.value).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const local = await ctx().app.inject({ url: '/api/auth/oidc/logout' });
    expect(local.headers.location).toBe('/sign-in');
    const res = await ctx().app.inject({ url: '/api/auth/oidc/logout', headers: { cookie: 'portal_sso=1' } });
    expect(res.statusCode).toBe(302);
    const to = new URL(res.headers.location as string);
    expect(to.origin).toBe(provider.issuer);
    expect(to.searchParams.get('client_id')).toBe(provider.clientId);
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${PORTAL}/sign-in`);
    expect(to.searchParams.get('id_token_hint')).toBeNull();

    const hinted = await ctx().app.inject({
      url: '/api/auth/oidc/logout',
      headers: { cookie: `portal_sso=${mark?.value}` },
    });
    const end = new URL(hinted.headers.location as string);
    expect(end.searchParams.get('id_token_hint')).toBe(mark?.value);
    // the provider takes it: its logout page answers (a confirmation form), not an error
    const atProvider = await fetch(end, { redirect: 'manual' });
    expect(atProvider.status).toBe(200);
    expect(await atProvider.text()).toContain('logout');
    // anything else in the cookie is not passed on
    const forged = await ctx().app.inject({
      url: '/api/auth/oidc/logout',
      headers: { cookie: 'portal_sso=<script>' },
    });
    expect(forged.headers.location).toBe('/sign-in');
  });
});
