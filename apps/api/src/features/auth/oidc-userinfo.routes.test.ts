/**
 * Single sign-on with a provider that keeps the profile claims out of the ID token (as Entra ID,
 * Google and most directories do unless told otherwise): the naming claim is read from userinfo, for
 * the subject of the ID token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { signInAtProvider, startTestProvider, type TestProvider } from '../../../test/oidc-provider.ts';

const PORTAL = 'http://localhost:3000';
let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({ portalUrl: PORTAL, claimsInUserinfoOnly: true });
});
afterAll(async () => provider?.close());

const ctx = useTestApp({
  env: () => ({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_CLAIM: 'preferred_username',
  }),
});

describe('the naming claim from userinfo', () => {
  it('signs the roster person in when only userinfo names them', async () => {
    const { app } = ctx();
    const start = await app.inject({ url: '/api/auth/oidc/login' });
    const transient = start.cookies.find((c) => c.name === 'portal_oidc');
    const cookie = `portal_oidc=${transient?.value}`;
    const back = await signInAtProvider(start.headers.location as string, 'demo-supervisor', PORTAL);
    const res = await app.inject({ url: `${back.pathname}${back.search}`, headers: { cookie } });
    expect(res.headers.location).toBe('/');
    const mark = res.cookies.find((c) => c.name === 'portal_sso')?.value ?? '';
    // the ID token itself does not carry the claim
    const idClaims = JSON.parse(Buffer.from(mark.split('.')[1] ?? '', 'base64url').toString('utf8'));
    expect(idClaims.preferred_username).toBeUndefined();
    const session = res.cookies.find((c) => c.name === 'portal_session' && c.value);
    const me = await app.inject({ url: '/api/me', headers: { cookie: `portal_session=${session?.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().staff.loginId).toBe('demo-supervisor');
  });

  it('still refuses an identity that userinfo names but the roster does not', async () => {
    const { app, database } = ctx();
    const start = await app.inject({ url: '/api/auth/oidc/login' });
    const transient = start.cookies.find((c) => c.name === 'portal_oidc');
    const back = await signInAtProvider(start.headers.location as string, 'someone-else', PORTAL);
    const res = await app.inject({
      url: `${back.pathname}${back.search}`,
      headers: { cookie: `portal_oidc=${transient?.value}` },
    });
    expect(res.headers.location).toBe('/sign-in/sso-error?reason=not_on_roster');
    const failure = await database.db.auditLog.findFirst({
      where: { action: 'auth.login_failed' },
      orderBy: { at: 'desc' },
    });
    expect(failure?.after).toMatchObject({ method: 'oidc', reason: 'not_on_roster', value: 'someone-else' });
  });
});
