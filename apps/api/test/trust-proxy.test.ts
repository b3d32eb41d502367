/**
 * TRUST_PROXY names the city's proxies: their X-Forwarded-For is believed, anyone else's is not.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from './app.ts';

const ctx = useTestApp({ env: () => ({ TRUST_PROXY: '10.0.0.1' }) });

async function addressSeenFor(loginId: string, remoteAddress: string, forwardedFor: string) {
  const { app, database } = ctx();
  await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { loginId, password: 'wrong' },
  });
  const entry = await database.db.auditLog.findFirstOrThrow({
    where: { action: 'auth.login_failed', after: { path: ['loginId'], equals: loginId } },
  });
  return entry.ip;
}

describe('TRUST_PROXY', () => {
  it('takes the client address from the city proxy, and ignores a forged header from elsewhere', async () => {
    expect(await addressSeenFor('proxy-user', '10.0.0.1', '203.0.113.5')).toBe('203.0.113.5');
    expect(await addressSeenFor('forger', '198.51.100.9', '203.0.113.77')).toBe('198.51.100.9');
  });
});
