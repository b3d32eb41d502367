/**
 * Local accounts through the real app, database and a real SMTP server: invitations, setting,
 * resetting and changing passwords, TOTP with recovery codes, HR's actions.
 */
import { createHash } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { RESET_MAILS_PER_HOUR } from '../src/features/auth/account.service.ts';
import { signIn, useTestApp } from './app.ts';
import { useTestSmtp } from './smtp.ts';

const smtp = useTestSmtp();
const ctx = useTestApp({ env: () => ({ SMTP_URL: smtp().url, PUBLIC_URL: 'https://jinzai.city.example' }) });

const code = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();
const tokenOf = (url: string) => url.split('/').pop() ?? '';
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  `portal_session=${res.cookies.find((c) => c.name === 'portal_session')?.value}`;

/** People of the demo organisation who have no password yet (not the demo accounts); never the same twice. */
let taken = 0;
async function newcomers(n: number) {
  const { database } = ctx();
  const rows = await database.db.staff.findMany({
    where: { passwordHash: null, disabledAt: null, email: { not: null } },
    select: { id: true, loginId: true, email: true },
    orderBy: { employeeNumber: 'asc' },
    take: 200,
  });
  taken += n;
  return rows.slice(taken - n, taken) as { id: string; loginId: string; email: string }[];
}

async function invite(staffId: string) {
  const { app } = ctx();
  const hr = await signIn(app, 'demo-hr');
  return app.inject({ method: 'POST', url: `/api/staff/${staffId}/invitation`, headers: { cookie: hr } });
}

const setPassword = (token: string, password: string) =>
  ctx().app.inject({ method: 'POST', url: '/api/auth/password', payload: { token, password } });

const login = (loginId: string, password: string) =>
  ctx().app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId, password } });

describe('invitations', () => {
  it('mails a one-time link kept only as a hash; the person sets a password and signs in', async () => {
    const [person] = await newcomers(1);
    if (!person) throw new Error('no newcomer');
    const res = await invite(person.id);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ mailed: true });
    expect(body.url).toMatch(/^https:\/\/jinzai\.city\.example\/invitation\/[\w-]{40,}$/);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(71 * 3600_000);

    const mail = await smtp().next(person.email);
    expect(mail.subject).toContain('人材育成ポータル');
    expect(mail.text).toContain(body.url);
    expect(mail.text).toContain(person.loginId);

    const token = tokenOf(body.url);
    const stored = await ctx().database.db.accountToken.findMany({ where: { staffId: person.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);

    const password = 'a long passphrase of my own';
    expect((await setPassword(token, password)).statusCode).toBe(204);
    expect((await login(person.loginId, password)).json()).toMatchObject({ mfaRequired: false });
    const audit = await ctx().database.db.auditLog.findMany({
      where: { entityId: person.id, action: { in: ['account.invite', 'account.password_set'] } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(['account.invite', 'account.password_set']);
  });

  it('refuses a weak password with 400 naming password and the reason', async () => {
    const [person] = await newcomers(1);
    if (!person) throw new Error('no newcomer');
    const token = tokenOf((await invite(person.id)).json().url);
    const short = await setPassword(token, 'short-one');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([
      expect.objectContaining({ field: 'body.password', code: 'password_too_short', params: { min: 15 } }),
    ]);
    expect((await setPassword(token, 'qwertyuiop12345')).json().errors[0].code).toBe('password_common');
    expect((await setPassword(token, `${person.loginId}-and-more-words`)).json().errors[0].code).toBe(
      'password_personal',
    );
    // still usable after refusals
    expect((await setPassword(token, 'finally a good passphrase')).statusCode).toBe(204);
  });

  it('a used, a renewed and an expired link are 410', async () => {
    const [a, b] = await newcomers(2);
    if (!a || !b) throw new Error('no newcomers');
    const first = tokenOf((await invite(a.id)).json().url);
    const renewed = tokenOf((await invite(a.id)).json().url);
    expect((await setPassword(first, 'a long passphrase of my own')).statusCode).toBe(410);
    expect((await setPassword(renewed, 'a long passphrase of my own')).statusCode).toBe(204);
    expect((await setPassword(renewed, 'another long passphrase')).statusCode).toBe(410);

    const expiring = tokenOf((await invite(b.id)).json().url);
    await ctx().database.db.accountToken.updateMany({
      where: { staffId: b.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const gone = await setPassword(expiring, 'a long passphrase of my own');
    expect(gone.statusCode).toBe(410);
    expect(gone.json().code).toBe('token_gone');
    expect((await setPassword('x'.repeat(43), 'a long passphrase of my own')).statusCode).toBe(410);
  });

  it('HR invites a selection, a unit or everyone without an account; CSV letters with the 和暦 date', async () => {
    const { app, database } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const people = await newcomers(3);
    const many = await app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: hr },
      payload: { staffIds: people.map((p) => p.id) },
    });
    expect(many.statusCode).toBe(201);
    expect(
      many
        .json()
        .items.map((i: { staffId: string }) => i.staffId)
        .sort(),
    ).toEqual(people.map((p) => p.id).sort());

    const unit = await database.db.orgUnit.findFirstOrThrow({ where: { kind: 'section' } });
    const byUnit = await app.inject({
      method: 'POST',
      url: '/api/invitations?format=csv',
      headers: { cookie: hr },
      payload: { orgUnitId: unit.id },
    });
    expect(byUnit.statusCode).toBe(201);
    expect(byUnit.headers['content-type']).toContain('text/csv');
    const lines = byUnit.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('login_id,name,url,expires_at,expires_at_ja');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[1]).toMatch(/令和\d+年/);

    const both = await app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: hr },
      payload: { orgUnitId: unit.id, withoutAccount: true },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].field).toMatch(/^body/);
  });

  it('is HR’s: others get 403, or 404 for someone out of their sight', async () => {
    const { app } = ctx();
    const [person] = await newcomers(1);
    if (!person) throw new Error('no newcomer');
    const exec = await signIn(app, 'demo-exec');
    const staff = await signIn(app, 'demo-staff');
    const url = `/api/staff/${person.id}/invitation`;
    expect((await app.inject({ method: 'POST', url, headers: { cookie: exec } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url, headers: { cookie: staff } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url })).statusCode).toBe(401);
  });
});

describe('password reset', () => {
  it('answers 202 either way and mails a link only to a real account', async () => {
    const { app } = ctx();
    const before = smtp().messages.length;
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { loginId: 'nobody-here' },
    });
    expect(unknown.statusCode).toBe(202);
    const known = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { loginId: 'demo-staff-other' },
    });
    expect(known.statusCode).toBe(202);
    const mail = await smtp().next('demo-staff-other@city.sendai.example');
    expect(smtp().messages.length).toBe(before + 1);
    const url = mail.text?.match(/https:\/\/jinzai\.city\.example\/password-reset\/[\w-]+/)?.[0] ?? '';
    expect(url).not.toBe('');
    expect((await setPassword(tokenOf(url), 'a brand new passphrase here')).statusCode).toBe(204);
    expect((await login('demo-staff-other', 'demo-password')).statusCode).toBe(401);
    expect((await login('demo-staff-other', 'a brand new passphrase here')).statusCode).toBe(200);
  });

  it('mails at most RESET_MAILS_PER_HOUR links per login id an hour, answering 202 to every request', async () => {
    const { app } = ctx();
    const [person] = await newcomers(1);
    if (!person) throw new Error('no newcomer');
    await setPassword(tokenOf((await invite(person.id)).json().url), 'a long enough first passphrase');
    await smtp().next(person.email);
    const mailsTo = () =>
      smtp().messages.filter(
        (m) => JSON.stringify(m.to ?? '').includes(person.email) && m.text?.includes('/password-reset/'),
      ).length;
    for (let n = 0; n < RESET_MAILS_PER_HOUR + 2; n++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { loginId: person.loginId },
      });
      expect(res.statusCode).toBe(202);
    }
    for (let n = 0; n < RESET_MAILS_PER_HOUR; n++) await smtp().next(person.email);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo()).toBe(RESET_MAILS_PER_HOUR);
  });
});

describe('changing one’s password', () => {
  it('needs the current one and ends every other session', async () => {
    const { app } = ctx();
    const [person] = await newcomers(1);
    if (!person) throw new Error('no newcomer');
    await setPassword(tokenOf((await invite(person.id)).json().url), 'the first long passphrase');
    const here = await signIn(app, person.loginId, 'the first long passphrase');
    const elsewhere = await signIn(app, person.loginId, 'the first long passphrase');
    const wrong = await app.inject({
      method: 'PUT',
      url: '/api/me/password',
      headers: { cookie: here },
      payload: { currentPassword: 'not it', password: 'the second long passphrase' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.currentPassword');
    const ok = await app.inject({
      method: 'PUT',
      url: '/api/me/password',
      headers: { cookie: here },
      payload: { currentPassword: 'the first long passphrase', password: 'the second long passphrase' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/me', headers: { cookie: here } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/me', headers: { cookie: elsewhere } })).statusCode).toBe(401);
    expect((await login(person.loginId, 'the second long passphrase')).statusCode).toBe(200);
  });
});

describe('TOTP', () => {
  it('enrols with a code, then asks for the second factor at sign-in; recovery codes work once', async () => {
    const { app, database } = ctx();
    const [person] = await newcomers(1);
    if (!person) throw new Error('no newcomer');
    const password = 'my long totp passphrase';
    await setPassword(tokenOf((await invite(person.id)).json().url), password);
    const cookie = await signIn(app, person.loginId, password);

    const start = await app.inject({ method: 'POST', url: '/api/me/mfa/totp', headers: { cookie } });
    expect(start.statusCode).toBe(200);
    const { secret, uri, qrSvg } = start.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(qrSvg).toContain('<svg');
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/me/mfa/totp',
      headers: { cookie },
      payload: { code: '000000' },
    });
    expect(bad.statusCode).toBe(400);
    const confirm = await app.inject({
      method: 'PUT',
      url: '/api/me/mfa/totp',
      headers: { cookie },
      payload: { code: code(secret) },
    });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json();
    expect(recoveryCodes).toHaveLength(10);
    const stored = await database.db.mfaRecoveryCode.findMany({ where: { staffId: person.id } });
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]);

    const first = await login(person.loginId, password);
    expect(first.json()).toMatchObject({ mfaRequired: true });
    const pending = cookieOf(first);
    expect((await app.inject({ url: '/api/me', headers: { cookie: pending } })).statusCode).toBe(401);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa',
      headers: { cookie: pending },
      payload: { code: '123456' },
    });
    expect(wrong.statusCode).toBe(401);
    const used = code(secret);
    const right = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa',
      headers: { cookie: pending },
      payload: { code: used },
    });
    expect(right.statusCode).toBe(200);
    const me = await app.inject({ url: '/api/me', headers: { cookie: pending } });
    expect(me.statusCode).toBe(200);
    expect(me.json().account).toMatchObject({ mfaEnabled: true, stage: 'full' });

    // The same code, seen over a shoulder, does not open a second session within its window.
    const again = await login(person.loginId, password);
    const replay = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa',
      headers: { cookie: cookieOf(again) },
      payload: { code: used },
    });
    expect(replay.statusCode).toBe(401);

    const withRecovery = async () => {
      const res = await login(person.loginId, password);
      return app.inject({
        method: 'POST',
        url: '/api/auth/mfa',
        headers: { cookie: cookieOf(res) },
        payload: { code: recoveryCodes[0] },
      });
    };
    expect((await withRecovery()).statusCode).toBe(200);
    expect((await withRecovery()).statusCode).toBe(401);

    // HR resets it: the next sign-in needs the password only, and the person's sessions end.
    const hr = await signIn(app, 'demo-hr');
    const reset = await app.inject({
      method: 'DELETE',
      url: `/api/staff/${person.id}/mfa`,
      headers: { cookie: hr },
    });
    expect(reset.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/me', headers: { cookie: pending } })).statusCode).toBe(401);
    expect((await login(person.loginId, password)).json()).toMatchObject({ mfaRequired: false });
    expect(
      await database.db.auditLog.count({ where: { action: 'account.mfa_reset', entityId: person.id } }),
    ).toBe(1);
  });

  it('a demo account signs in with its password alone, and may enrol and remove TOTP', async () => {
    const { app } = ctx();
    const login1 = await login('demo-supervisor', 'demo-password');
    expect(login1.json()).toMatchObject({ mfaRequired: false, mfaEnrolmentRequired: false });
    const cookie = cookieOf(login1);
    const { secret } = (
      await app.inject({ method: 'POST', url: '/api/me/mfa/totp', headers: { cookie } })
    ).json();
    await app.inject({
      method: 'PUT',
      url: '/api/me/mfa/totp',
      headers: { cookie },
      payload: { code: code(secret) },
    });
    expect((await login('demo-supervisor', 'demo-password')).json().mfaRequired).toBe(true);
    expect(
      (await app.inject({ method: 'DELETE', url: '/api/me/mfa/totp', headers: { cookie } })).statusCode,
    ).toBe(204);
    expect((await login('demo-supervisor', 'demo-password')).json().mfaRequired).toBe(false);
  });
});
