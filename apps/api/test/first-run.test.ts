/**
 * A real installation's first run, with DEMO_MODE off: the `pnpm portal` command line against the
 * database (roster import, invitation of the first HR administrator, grant and revoke), then the web
 * API: set the password, enrol TOTP as required, sign in with the code, invite a colleague by mail
 * (a real SMTP server), and the colleague sets a password and signs in.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROSTER_COLUMN_NAMES, type RosterColumn } from '@portal/contracts/roster/roster.schemas';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { paths } from '../src/paths.ts';
import { useTestApp } from './app.ts';
import { useTestSmtp } from './smtp.ts';

const smtp = useTestSmtp();
const PUBLIC_URL = 'https://jinzai.city.example';
const ctx = useTestApp({ env: () => ({ SMTP_URL: smtp().url, PUBLIC_URL, DEMO_MODE: 'false' }) });

const run = promisify(execFile);
async function portal(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { database } = ctx();
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(paths.root, 'apps/api/src/cli/portal.ts'), ...args],
      {
        cwd: path.join(paths.root, 'apps/api'),
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: database.url,
          DEMO_MODE: 'false',
          PUBLIC_URL,
          LOG_LEVEL: 'silent',
          INIT_CWD: dir,
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir = '';
type Row = Partial<Record<RosterColumn, string>>;
const person = (n: number, email: string): Row => ({
  employee_number: `FR${String(n).padStart(5, '0')}`,
  name: `初回 ${n}郎`,
  name_kana: 'ショカイ イチロウ',
  name_en: `Ichiro Shokai ${n}`,
  login_id: `first.run${n}`,
  email,
  job_family_code: 'jimu',
  grade_code: 'shuji',
  hire_date: '2025-04-01',
  bureau_kind: 'bureau',
  bureau_code: 'somu',
  bureau_name: '総務局',
  department_code: 'somu-1',
  department_name: '総務部',
  division_code: 'somu-1-2',
  division_name: '人材育成課',
  section_code: 'somu-1-2-1',
  section_name: '研修係',
  post: '',
  is_head: '0',
  starts_on: '2026-04-01',
});

const code = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  `portal_session=${res.cookies.find((c) => c.name === 'portal_session')?.value}`;

// Each command is a process of its own (a few seconds to start under tsx).
describe('first run of a real installation', { timeout: 180_000 }, () => {
  it('roster → pnpm portal invite --hr-admin → password → TOTP → sign in → invite a colleague by mail', async () => {
    const { app, database } = ctx();
    dir = await mkdtemp(path.join(tmpdir(), 'portal-first-run-'));
    const rows = [person(1, 'first.run1@city.sendai.example'), person(2, 'first.run2@city.sendai.example')];
    await writeFile(
      path.join(dir, 'roster.csv'),
      [
        ROSTER_COLUMN_NAMES.join(','),
        ...rows.map((r) => ROSTER_COLUMN_NAMES.map((c) => r[c] ?? '').join(',')),
      ].join('\r\n'),
    );

    const preview = await portal('roster-import', 'roster.csv');
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain('--apply');
    expect(await database.db.staff.count({ where: { loginId: { startsWith: 'first.run' } } })).toBe(0);
    const applied = await portal('roster-import', 'roster.csv', '--apply');
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('staff 2 created');

    const invited = await portal('invite', 'first.run1', '--hr-admin');
    expect(invited.code, invited.stderr).toBe(0);
    const url = invited.stdout.match(/https:\/\/jinzai\.city\.example\/invitation\/[\w-]+/)?.[0] ?? '';
    expect(url).not.toBe('');
    const admin = await database.db.staff.findUniqueOrThrow({ where: { loginId: 'first.run1' } });
    expect(admin.systemRoles).toEqual(['hr_admin']);
    const grant = await database.db.auditLog.findFirstOrThrow({
      where: { action: 'staff.grant_role', entityId: admin.id },
    });
    expect(grant.actorId).toBeNull();
    expect(grant.after).toMatchObject({ actor: 'system', role: 'hr_admin' });

    // the first administrator sets a password…
    const password = 'the first administrator passphrase';
    const set = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { token: url.split('/').pop(), password },
    });
    expect(set.statusCode).toBe(204);
    // …must enrol TOTP before anything else…
    const first = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: 'first.run1', password },
    });
    expect(first.json()).toMatchObject({ mfaRequired: false, mfaEnrolmentRequired: true });
    const enrolling = cookieOf(first);
    const blocked = await app.inject({ url: '/api/staff', headers: { cookie: enrolling } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('mfa_enrolment_required');
    expect(
      (await app.inject({ url: '/api/me', headers: { cookie: enrolling } })).json().account,
    ).toMatchObject({
      stage: 'enrol',
      mfaRequired: true,
    });
    const { secret } = (
      await app.inject({ method: 'POST', url: '/api/me/mfa/totp', headers: { cookie: enrolling } })
    ).json();
    const confirmed = await app.inject({
      method: 'PUT',
      url: '/api/me/mfa/totp',
      headers: { cookie: enrolling },
      payload: { code: code(secret) },
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/staff', headers: { cookie: enrolling } })).statusCode).toBe(200);
    // …cannot remove it, since the role requires it…
    const removal = await app.inject({
      method: 'DELETE',
      url: '/api/me/mfa/totp',
      headers: { cookie: enrolling },
    });
    expect(removal.statusCode).toBe(403);
    expect(removal.json()).toMatchObject({ code: 'mfa_required' });

    // …signs in with password and code…
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: 'first.run1', password },
    });
    expect(again.json().mfaRequired).toBe(true);
    const hr = cookieOf(again);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/mfa',
          headers: { cookie: hr },
          payload: { code: code(secret) },
        })
      ).statusCode,
    ).toBe(200);

    // …and invites a colleague by mail, who sets a password and signs in.
    const colleague = await database.db.staff.findUniqueOrThrow({ where: { loginId: 'first.run2' } });
    const invitation = await app.inject({
      method: 'POST',
      url: `/api/staff/${colleague.id}/invitation`,
      headers: { cookie: hr },
    });
    expect(invitation.statusCode).toBe(201);
    expect(invitation.json().mailed).toBe(true);
    const mail = await smtp().next('first.run2@city.sendai.example');
    const link = mail.text?.match(/https:\/\/jinzai\.city\.example\/invitation\/[\w-]+/)?.[0] ?? '';
    const colleaguePassword = 'a colleague of the first administrator';
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/password',
          payload: { token: link.split('/').pop(), password: colleaguePassword },
        })
      ).statusCode,
    ).toBe(204);
    const colleagueIn = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: 'first.run2', password: colleaguePassword },
    });
    expect(colleagueIn.json()).toMatchObject({ mfaRequired: false, mfaEnrolmentRequired: false });
    expect(
      (await app.inject({ url: '/api/me', headers: { cookie: cookieOf(colleagueIn) } })).statusCode,
    ).toBe(200);
  });

  it('grant and revoke hr-admin from the command line, never the last one', async () => {
    const { database } = ctx();
    const granted = await portal('grant', 'demo-staff', 'hr-admin');
    expect(granted.code, granted.stderr).toBe(0);
    expect(
      (await database.db.staff.findUniqueOrThrow({ where: { loginId: 'demo-staff' } })).systemRoles,
    ).toEqual(['hr_admin']);
    // leave demo-staff as the only HR administrator
    await database.db.staff.updateMany({
      where: { loginId: { not: 'demo-staff' }, systemRoles: { has: 'hr_admin' } },
      data: { systemRoles: { set: [] } },
    });
    const last = await portal('revoke', 'demo-staff', 'hr-admin');
    expect(last.code).toBe(1);
    expect(last.stderr).toContain('last_hr_admin');
    await portal('grant', 'demo-hr', 'hr-admin');
    const revoked = await portal('revoke', 'demo-staff', 'hr-admin');
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(
      (await database.db.staff.findUniqueOrThrow({ where: { loginId: 'demo-staff' } })).systemRoles,
    ).toEqual([]);
    expect((await portal('frobnicate')).code).toBe(2);
  });
});
