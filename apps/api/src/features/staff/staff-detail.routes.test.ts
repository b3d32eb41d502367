/**
 * A person's record (`GET /api/staff/{id}`, and `staff` of `GET /api/me`), read in one statement: every
 * post newest first with its chain of units top first, the current post the one in force today, the
 * supervisor (an override in force, else the nearest head above the current post, never the person),
 * the 推進体制 holdings in force, and the account's state with a live invitation.
 */
import type { Me, StaffDetail } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../../../test/app.ts';
import { today } from '../../access/access.ts';

const ctx = useTestApp();

async function idOf(loginId: string): Promise<string> {
  const row = await ctx().database.db.staff.findUniqueOrThrow({ where: { loginId }, select: { id: true } });
  return row.id;
}

async function detail(cookie: string, id: string): Promise<StaffDetail> {
  const res = await ctx().app.inject({ url: `/api/staff/${id}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StaffDetail>();
}

async function me(cookie: string): Promise<Me> {
  const res = await ctx().app.inject({ url: '/api/me', headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Me>();
}

const day = (offset: number) => new Date(today().getTime() + offset * 86_400_000);

describe('a person’s record', () => {
  it('lists every post newest first with its chain top first; the current one is the post in force', async () => {
    const { app, database } = ctx();
    const own = await me(await signIn(app, 'demo-staff'));
    const posts = await database.db.assignment.findMany({
      where: { staffId: own.staff.id },
      orderBy: { startsOn: 'desc' },
      select: { id: true, orgUnit: { select: { id: true, path: true } } },
    });
    expect(posts.length).toBeGreaterThan(1);
    expect(own.staff.assignments.map((a) => a.id)).toEqual(posts.map((p) => p.id));
    for (const [i, post] of posts.entries()) {
      expect(own.staff.assignments[i]?.orgPath.map((u) => u.id)).toEqual(
        post.orgUnit.path.split('/').filter(Boolean),
      );
    }
    expect(own.staff.current?.id).toBe(posts[0]?.id);
    expect(own.staff.current?.orgPath.at(-1)?.id).toBe(posts[0]?.orgUnit.id);
    expect(own.staff.current?.orgUnit.name.ja).toBeTruthy();
  });

  it('names the nearest head above the current post, and an override in force instead of it', async () => {
    const { app, database } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const staffId = await idOf('demo-staff');
    const head = await idOf('demo-supervisor');
    expect((await detail(hr, staffId)).supervisors.map((s) => s.id)).toEqual([head]);
    // the head of the 係 has the 課's head above them, never themself
    const ofHead = (await detail(hr, head)).supervisors;
    expect(ofHead).toHaveLength(1);
    expect(ofHead[0]?.id).not.toBe(head);

    const other = await idOf('demo-staff-other');
    await database.db.supervisorOverride.create({
      data: { staffId, supervisorId: other, startsOn: day(-1) },
    });
    await database.db.supervisorOverride.create({
      data: { staffId, supervisorId: head, startsOn: day(-30), endsOn: day(-2) },
    });
    expect((await detail(hr, staffId)).supervisors).toEqual([
      expect.objectContaining({ id: other, name: expect.any(String), nameEn: expect.any(String) }),
    ]);
  });

  it('shows the 推進体制 holdings in force, with their unit', async () => {
    const { app, database } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const staffId = await idOf('demo-staff-other');
    const role = await database.db.promotionRole.findFirstOrThrow({ select: { id: true, code: true } });
    const unit = await database.db.orgUnit.findFirstOrThrow({ select: { id: true } });
    const before = (await detail(hr, staffId)).promotionRoles;
    await database.db.promotionRoleHolding.create({
      data: { staffId, promotionRoleId: role.id, orgUnitId: unit.id, startsOn: day(-1) },
    });
    await database.db.promotionRoleHolding.create({
      data: { staffId, promotionRoleId: role.id, startsOn: day(-30), endsOn: day(-2) },
    });
    const after = (await detail(hr, staffId)).promotionRoles;
    expect(after).toHaveLength(before.length + 1);
    expect(after).toContainEqual(
      expect.objectContaining({ code: role.code, orgUnit: expect.objectContaining({ id: unit.id }) }),
    );
  });

  it('gives the account’s state with the latest live invitation to HR, and none to a colleague', async () => {
    const { app, database } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const staffId = await idOf('demo-staff-other');
    await database.db.staff.update({ where: { id: staffId }, data: { passwordHash: null } });
    const live = new Date(Date.now() + 3_600_000);
    for (const [tokenHash, expiresAt, usedAt] of [
      ['a'.repeat(64), live, null],
      ['b'.repeat(64), new Date(Date.now() + 7_200_000), new Date()],
      ['c'.repeat(64), new Date(Date.now() - 1_000), null],
    ] as const) {
      await database.db.accountToken.create({
        data: { staffId, kind: 'invitation', tokenHash, expiresAt, usedAt },
      });
    }
    expect((await detail(hr, staffId)).account).toEqual({
      state: 'invited',
      mfa: false,
      lastSignInAt: null,
      invitationExpiresAt: live.toISOString(),
    });
    expect((await detail(await signIn(app, 'demo-exec'), staffId)).account).toBeUndefined();
  });

  it('answers 404 for an unknown person', async () => {
    const { app } = ctx();
    const res = await app.inject({
      url: '/api/staff/01a22c72-0000-7000-8000-000000000000',
      headers: { cookie: await signIn(app, 'demo-hr') },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('GET /api/me', () => {
  it('gives a unit head the units they head and a bureau officer their bureaus, with their record', async () => {
    const { app, database } = ctx();
    const head = await me(await signIn(app, 'demo-supervisor'));
    const headed = await database.db.assignment.findMany({
      where: { staffId: head.staff.id, isHead: true, endsOn: null },
      select: { orgUnitId: true },
    });
    expect(head.teamUnits.map((u) => u.id).sort()).toEqual(headed.map((a) => a.orgUnitId).sort());
    expect(head.bureaus).toEqual([]);
    expect(head.staff.account).toBeUndefined();
    expect(head.account.mfaEnabled).toBe(false);

    const officer = await me(await signIn(app, 'demo-bureau'));
    expect(officer.bureaus.length).toBeGreaterThan(0);
    expect(officer.bureaus.every((u) => u.kind === 'bureau' || u.kind === 'ward')).toBe(true);
    expect(officer.teamUnits).toEqual([]);

    const staff = await me(await signIn(app, 'demo-staff'));
    expect(staff.teamUnits).toEqual([]);
    expect(staff.bureaus).toEqual([]);
  });
});
