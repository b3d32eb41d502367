/**
 * The first run of an SSO-only city (`AUTH_LOCAL=false`, DEMO_MODE off): the roster comes in from
 * the command line, `pnpm portal grant <loginId> hr-admin` makes the first administrator, and that
 * person gets in through the city's OpenID provider alone — no password is ever set.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROSTER_COLUMN_NAMES, type RosterColumn } from '@portal/contracts/roster/roster.schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../src/paths.ts';
import { useTestApp } from './app.ts';
import { signInAtProvider, startTestProvider, type TestProvider } from './oidc-provider.ts';

const PUBLIC_URL = 'https://jinzai.city.example';
let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({ portalUrl: PUBLIC_URL, claimsInUserinfoOnly: true });
});
afterAll(async () => provider?.close());

const ctx = useTestApp({
  env: () => ({
    PUBLIC_URL,
    DEMO_MODE: 'false',
    AUTH_LOCAL: 'false',
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_CLAIM: 'preferred_username',
  }),
});

let dir = '';
const run = promisify(execFile);
async function portal(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(paths.root, 'apps/api/src/cli/portal.ts'), ...args],
      {
        cwd: path.join(paths.root, 'apps/api'),
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: ctx().database.url,
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

const row: Partial<Record<RosterColumn, string>> = {
  employee_number: 'SSO00001',
  name: '単一 花子',
  name_kana: 'タンイツ ハナコ',
  name_en: 'Hanako Tan-itsu',
  login_id: 'first.sso1',
  email: 'first.sso1@city.sendai.example',
  job_family_code: 'jimu',
  grade_code: 'kakaricho',
  hire_date: '2020-04-01',
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
};

describe('first run of an SSO-only installation', { timeout: 180_000 }, () => {
  it('roster → pnpm portal grant hr-admin → the administrator signs in through the provider only', async () => {
    const { app, database } = ctx();
    dir = await mkdtemp(path.join(tmpdir(), 'portal-first-run-sso-'));
    await writeFile(
      path.join(dir, 'roster.csv'),
      [ROSTER_COLUMN_NAMES.join(','), ROSTER_COLUMN_NAMES.map((c) => row[c] ?? '').join(',')].join('\r\n'),
    );
    const applied = await portal('roster-import', 'roster.csv', '--apply');
    expect(applied.code, applied.stderr).toBe(0);
    const granted = await portal('grant', 'first.sso1', 'hr-admin');
    expect(granted.code, granted.stderr).toBe(0);
    const admin = await database.db.staff.findUniqueOrThrow({ where: { loginId: 'first.sso1' } });
    expect(admin).toMatchObject({ systemRoles: ['hr_admin'], passwordHash: null });

    // the sign-in page offers single sign-on only, and passwords are refused
    expect((await app.inject({ url: '/api/auth/providers' })).json()).toMatchObject({
      local: false,
      oidc: true,
    });
    const password = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: 'first.sso1', password: 'anything at all, long enough' },
    });
    expect(password.statusCode).toBe(403);

    // through the provider's own pages, named by userinfo
    const start = await app.inject({ url: '/api/auth/oidc/login' });
    const transient = start.cookies.find((c) => c.name === 'portal_oidc');
    const back = await signInAtProvider(start.headers.location as string, 'first.sso1', PUBLIC_URL);
    const res = await app.inject({
      url: `${back.pathname}${back.search}`,
      headers: { cookie: `portal_oidc=${transient?.value}` },
    });
    expect(res.headers.location).toBe('/');
    const session = `portal_session=${res.cookies.find((c) => c.name === 'portal_session' && c.value)?.value}`;
    const me = await app.inject({ url: '/api/me', headers: { cookie: session } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ staff: { loginId: 'first.sso1' }, account: { stage: 'full' } });
    expect(me.json().roles).toContain('hr_admin');
    // and acts as HR at once: the audit log shows the grant by "system" and this sign-in
    const audit = await app.inject({ url: '/api/audit-log?limit=20', headers: { cookie: session } });
    expect(audit.statusCode).toBe(200);
    const actions = (audit.json().items as { action: string }[]).map((i) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'staff.grant_role']));
    const signIn = await database.db.auditLog.findFirstOrThrow({
      where: { action: 'auth.login', actorId: admin.id },
    });
    expect(signIn.after).toMatchObject({ method: 'oidc' });
    // still no password: nothing was created from the token
    expect((await database.db.staff.findUniqueOrThrow({ where: { id: admin.id } })).passwordHash).toBeNull();
  });
});
