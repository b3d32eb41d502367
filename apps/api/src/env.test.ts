import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';

describe('configuration', () => {
  it('defaults to the embedded database with demo data on port 3000', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ port: 3000, databaseUrl: undefined, demoMode: true, logLevel: 'info' });
    expect(env.dataDir).toMatch(/\.data$/);
  });

  it('turns demo data off with a real database unless asked for', () => {
    expect(parseEnv({ DATABASE_URL: 'postgresql://u@db:5432/portal' }).demoMode).toBe(false);
    expect(parseEnv({ DATABASE_URL: 'postgresql://u@db:5432/portal', DEMO_MODE: 'true' }).demoMode).toBe(
      true,
    );
  });

  it('names each bad setting', () => {
    expect(() => parseEnv({ PORT: 'eighty', SESSION_SECRET: 'short' })).toThrow(/PORT[\s\S]*SESSION_SECRET/);
  });

  it('reads TRUST_PROXY as the proxies: none, a hop count, or their addresses', () => {
    expect(parseEnv({}).trustProxy).toBe(false);
    expect(parseEnv({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(parseEnv({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(parseEnv({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
    ]);
    expect(parseEnv({ TRUST_PROXY: '10.0.0.1' }).cookieSecure).toBe(true);
    expect(() => parseEnv({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('links to PUBLIC_URL, by default the local port; mail is off without SMTP_URL', () => {
    expect(parseEnv({ PORT: '3121' })).toMatchObject({
      publicUrl: 'http://localhost:3121',
      smtpUrl: null,
      invitationTtlSeconds: 72 * 3600,
    });
    expect(
      parseEnv({ PUBLIC_URL: 'https://jinzai.city.example/', SMTP_URL: 'smtp://mail.city.example:25' }),
    ).toMatchObject({ publicUrl: 'https://jinzai.city.example', smtpUrl: 'smtp://mail.city.example:25' });
  });

  it('listens on loopback only in demo mode unless HOST is given', () => {
    expect(parseEnv({}).host).toBe('127.0.0.1');
    expect(parseEnv({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(parseEnv({ DATABASE_URL: 'postgresql://u@db:5432/portal' }).host).toBe('0.0.0.0');
  });

  it('takes OpenID Connect as all three settings or none, and refuses AUTH_LOCAL=false without it', () => {
    const oidc = {
      OIDC_ISSUER: 'https://login.example.jp/tenant/v2.0',
      OIDC_CLIENT_ID: 'portal',
      OIDC_CLIENT_SECRET: 's3cret',
    };
    expect(parseEnv(oidc).oidc).toEqual({
      ...{ issuer: oidc.OIDC_ISSUER, clientId: 'portal', clientSecret: 's3cret' },
      claim: 'email',
    });
    expect(parseEnv({}).oidc).toBeNull();
    expect(() => parseEnv({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => parseEnv({ AUTH_LOCAL: 'false' })).toThrow(/AUTH_LOCAL/);
    expect(parseEnv({ ...oidc, AUTH_LOCAL: 'false', OIDC_CLAIM: 'employee_number' })).toMatchObject({
      authLocal: false,
      oidc: { claim: 'employee_number' },
    });
  });
});
