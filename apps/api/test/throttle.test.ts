/**
 * Sign-in throttling, rule by rule, through the real app and database (see features/auth/throttle.ts).
 */
import { describe, expect, it } from 'vitest';
import { THROTTLE } from '../src/features/auth/throttle.ts';
import { useTestApp } from './app.ts';

const ctx = useTestApp();

const attempt = (loginId: string, password: string, remoteAddress: string) =>
  ctx().app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { loginId, password } });

const failures = (loginId: string) =>
  ctx().database.db.auditLog.count({
    where: { action: 'auth.login_failed', after: { path: ['loginId'], equals: loginId } },
  });

describe('sign-in throttling', () => {
  it('checks at most 5 of 20 parallel wrong passwords; the owner elsewhere still signs in', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt('demo-bureau', `wrong-${i}`, '10.1.1.1')),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(15);
    expect(await failures('demo-bureau')).toBe(5);
    // the right password from the same address waits too…
    expect((await attempt('demo-bureau', 'demo-password', '10.1.1.1')).statusCode).toBe(429);
    // …but the owner at another desk is not locked out
    expect((await attempt('demo-bureau', 'demo-password', '10.1.1.2')).statusCode).toBe(200);
  });

  it('makes the delay grow with each further failure of the pair', async () => {
    const { database } = ctx();
    for (let i = 0; i < 5; i++) await attempt('demo-staff-other', `wrong-${i}`, '10.2.2.2');
    const key = 'password:pair:demo-staff-other|10.2.2.2';
    const first = await attempt('demo-staff-other', 'wrong-again', '10.2.2.2');
    expect(first.statusCode).toBe(429);
    expect(Number(first.headers['retry-after'])).toBeLessThanOrEqual(THROTTLE.pair.baseDelaySeconds);
    // the delay has passed: one more try, and the next wait is twice as long
    await database.db.rateLimitBucket.update({
      where: { key },
      data: { blockedUntil: new Date(Date.now() - 1) },
    });
    expect((await attempt('demo-staff-other', 'wrong-6', '10.2.2.2')).statusCode).toBe(401);
    const second = await attempt('demo-staff-other', 'wrong-7', '10.2.2.2');
    expect(second.statusCode).toBe(429);
    const wait = Number(second.headers['retry-after']);
    expect(wait).toBeGreaterThan(THROTTLE.pair.baseDelaySeconds);
    expect(wait).toBeLessThanOrEqual(2 * THROTTLE.pair.baseDelaySeconds);
  });

  it('counts failures, not successes: a success clears the pair, and 40 good sign-ins in a minute pass', async () => {
    for (let i = 0; i < 4; i++) await attempt('demo-supervisor', `wrong-${i}`, '10.4.4.4');
    expect((await attempt('demo-supervisor', 'demo-password', '10.4.4.4')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await attempt('demo-supervisor', `wrong-${i}`, '10.4.4.4')).statusCode).toBe(401);

    const accounts = ['demo-staff', 'demo-hr', 'demo-exec', 'demo-staff-other'];
    const codes: number[] = [];
    for (let i = 0; i < 40; i++) {
      codes.push(
        (await attempt(accounts[i % accounts.length] ?? '', 'demo-password', '10.5.5.5')).statusCode,
      );
    }
    expect(codes.filter((c) => c !== 200)).toEqual([]);
  });

  it('refuses an address past its failure ceiling, which only failures reach', async () => {
    const { database } = ctx();
    await database.db.rateLimitBucket.create({
      data: {
        key: 'password:addr:10.6.6.6',
        count: THROTTLE.address.ceiling,
        resetAt: new Date(Date.now() + 600_000),
      },
    });
    const res = await attempt('demo-staff', 'demo-password', '10.6.6.6');
    expect(res.statusCode).toBe(429);
    const below = await database.db.rateLimitBucket.create({
      data: {
        key: 'password:addr:10.6.6.7',
        count: THROTTLE.address.ceiling - 1,
        resetAt: new Date(Date.now() + 600_000),
      },
    });
    for (let i = 0; i < 3; i++)
      expect((await attempt('demo-staff', 'demo-password', '10.6.6.7')).statusCode).toBe(200);
    const after = await database.db.rateLimitBucket.findUniqueOrThrow({ where: { key: below.key } });
    expect(after.count).toBe(THROTTLE.address.ceiling - 1);
  });

  it('past the ceiling for one login across addresses: 429 and an alert in the audit log', async () => {
    const { database } = ctx();
    const counter = { count: THROTTLE.login.ceiling, resetAt: new Date(Date.now() + 600_000) };
    await database.db.rateLimitBucket.upsert({
      where: { key: 'password:login:demo-exec' },
      create: { key: 'password:login:demo-exec', ...counter },
      update: counter,
    });
    expect((await attempt('demo-exec', 'wrong', '10.7.7.1')).statusCode).toBe(429);
    expect((await attempt('demo-exec', 'wrong', '10.7.7.2')).statusCode).toBe(429);
    const alerts = await database.db.auditLog.findMany({ where: { action: 'auth.login_alert' } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.after).toMatchObject({ loginId: 'demo-exec' });
    // …and every HR administrator is told once, linking to the audit log; nobody else
    const told = await database.db.notification.findMany({
      where: { kind: 'auth.login_alert' },
      select: { recipientId: true, link: true, params: true, category: true },
    });
    const admins = await database.db.staff.findMany({
      where: { systemRoles: { has: 'hr_admin' }, disabledAt: null },
      select: { id: true },
    });
    expect(admins.length).toBeGreaterThan(0);
    expect(told.map((n) => n.recipientId).sort()).toEqual(admins.map((a) => a.id).sort());
    expect(told[0]).toMatchObject({
      link: '/audit?action=auth.login_alert',
      params: { title: 'demo-exec' },
      category: 'security',
    });
  });
});
