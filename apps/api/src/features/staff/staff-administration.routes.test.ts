/**
 * Administration of accounts and roles: HR grants and revokes HR administration, never the last one
 * and never their own; nobody disables themself; the last HR administrator stays enabled.
 */
import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../../../test/app.ts';

const ctx = useTestApp();

async function idOf(loginId: string): Promise<string> {
  const row = await ctx().database.db.staff.findUniqueOrThrow({ where: { loginId }, select: { id: true } });
  return row.id;
}

async function detail(cookie: string, id: string) {
  const res = await ctx().app.inject({ url: `/api/staff/${id}`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json() as { hrAdmin: boolean; version: number; disabled: boolean };
}

function putRoles(cookie: string, id: string, body: Record<string, unknown>) {
  return ctx().app.inject({
    method: 'PUT',
    url: `/api/staff/${id}/roles`,
    headers: { cookie },
    payload: body,
  });
}

describe('HR administration roles', () => {
  it('grants and revokes hr_admin, versioned and audited; the new administrator gets HR permissions', async () => {
    const { app, database } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const target = await idOf('demo-staff-other');
    const before = await detail(hr, target);
    expect(before.hrAdmin).toBe(false);

    const granted = await putRoles(hr, target, { hrAdmin: true, version: before.version });
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({ hrAdmin: true, version: before.version + 1 });
    const other = await signIn(app, 'demo-staff-other');
    const me = (await app.inject({ url: '/api/me', headers: { cookie: other } })).json();
    expect(me.roles).toContain('hr_admin');

    const stale = await putRoles(hr, target, { hrAdmin: false, version: before.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', current: { hrAdmin: true } });

    const revoked = await putRoles(hr, target, { hrAdmin: false, version: before.version + 1 });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().hrAdmin).toBe(false);
    const audit = await database.db.auditLog.findMany({
      where: { entityId: target, action: { in: ['staff.role_grant', 'staff.role_revoke'] } },
      orderBy: { at: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['staff.role_grant', 'staff.role_revoke']);
  });

  it('refuses revoking one’s own administration and the last administrator’s (409 with a clear code)', async () => {
    const { app } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const self = await idOf('demo-hr');
    const mine = await detail(hr, self);
    const own = await putRoles(hr, self, { hrAdmin: false, version: mine.version });
    expect(own.statusCode).toBe(409);
    expect(own.json().code).toBe('cannot_revoke_self');

    // With a second administrator, demo-hr's role can go; the second then cannot revoke their own.
    const second = await idOf('demo-bureau');
    await putRoles(hr, second, { hrAdmin: true, version: (await detail(hr, second)).version });
    const bureau = await signIn(app, 'demo-bureau');
    const revokeFirst = await putRoles(bureau, self, { hrAdmin: false, version: mine.version });
    expect(revokeFirst.statusCode).toBe(200);
    const last = await putRoles(bureau, second, {
      hrAdmin: false,
      version: (await detail(bureau, second)).version,
    });
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('cannot_revoke_self');
    // restore
    const back = await putRoles(bureau, self, {
      hrAdmin: true,
      version: (await detail(bureau, self)).version,
    });
    expect(back.statusCode).toBe(200);
    const hr2 = await signIn(app, 'demo-hr');
    expect(
      (await putRoles(hr2, second, { hrAdmin: false, version: (await detail(hr2, second)).version }))
        .statusCode,
    ).toBe(200);
  });

  it('keeps one administrator when two revoke each other at once (409 last_hr_admin)', async () => {
    const { app, database } = ctx();
    const first = await idOf('demo-hr');
    const second = await idOf('demo-bureau');
    await database.db.staff.update({ where: { id: second }, data: { systemRoles: ['hr_admin'] } });
    try {
      const [a, b] = [await signIn(app, 'demo-hr'), await signIn(app, 'demo-bureau')];
      const [va, vb] = [(await detail(a, first)).version, (await detail(a, second)).version];
      const answers = await Promise.all([
        putRoles(a, second, { hrAdmin: false, version: vb }),
        putRoles(b, first, { hrAdmin: false, version: va }),
      ]);
      expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
      const loser = answers.find((r) => r.statusCode !== 200);
      // refused as the last one, or already without the role when its request was authorised
      expect([403, 409]).toContain(loser?.statusCode);
      if (loser?.statusCode === 409) expect(loser.json().code).toBe('last_hr_admin');
      expect(
        await database.db.staff.count({ where: { systemRoles: { has: 'hr_admin' }, disabledAt: null } }),
      ).toBe(1);
    } finally {
      await database.db.staff.update({ where: { id: first }, data: { systemRoles: ['hr_admin'] } });
      await database.db.staff.update({ where: { id: second }, data: { systemRoles: [] } });
    }
  });

  it('names the bad field of a malformed body and answers 403 to a non-HR role', async () => {
    const { app } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const target = await idOf('demo-staff');
    const bad = await putRoles(hr, target, { hrAdmin: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.hrAdmin', 'body.version']);
    const exec = await signIn(app, 'demo-exec');
    expect((await putRoles(exec, target, { hrAdmin: true, version: 1 })).statusCode).toBe(403);
  });
});

describe('disabling accounts', () => {
  it('refuses HR disabling their own account (409 cannot_disable_self)', async () => {
    const { app } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const self = await idOf('demo-hr');
    const res = await app.inject({
      method: 'POST',
      url: `/api/staff/${self}/disable`,
      headers: { cookie: hr },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('cannot_disable_self');
    expect((await app.inject({ url: '/api/me', headers: { cookie: hr } })).statusCode).toBe(200);
  });

  it('keeps one HR administrator enabled when two disable each other at once', async () => {
    const { app, database } = ctx();
    const first = await idOf('demo-hr');
    const second = await idOf('demo-bureau');
    await database.db.staff.update({ where: { id: second }, data: { systemRoles: ['hr_admin'] } });
    try {
      const [a, b] = [await signIn(app, 'demo-hr'), await signIn(app, 'demo-bureau')];
      const answers = await Promise.all([
        app.inject({ method: 'POST', url: `/api/staff/${second}/disable`, headers: { cookie: a } }),
        app.inject({ method: 'POST', url: `/api/staff/${first}/disable`, headers: { cookie: b } }),
      ]);
      const statuses = answers.map((r) => r.statusCode).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      // the loser is either refused as the last administrator or already signed out
      const loser = answers.find((r) => r.statusCode !== 200);
      expect([401, 409]).toContain(loser?.statusCode);
      if (loser?.statusCode === 409) expect(loser.json().code).toBe('last_hr_admin');
      expect(
        await database.db.staff.count({ where: { systemRoles: { has: 'hr_admin' }, disabledAt: null } }),
      ).toBe(1);
    } finally {
      await database.db.staff.updateMany({
        where: { id: { in: [first, second] } },
        data: { disabledAt: null },
      });
      await database.db.staff.update({ where: { id: second }, data: { systemRoles: [] } });
    }
  });
});
