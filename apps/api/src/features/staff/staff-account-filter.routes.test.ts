/**
 * HR's view of sign-in accounts in the staff list: each row's state, and a filter by state
 * (`?account=none|invited|active|disabled|mfa`) that agrees with the rows it returns.
 */
import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../../../test/app.ts';

const ctx = useTestApp();

type Row = { id: string; account?: { state: string; mfa: boolean } };

async function list(cookie: string, query: string) {
  const res = await ctx().app.inject({ url: `/api/staff?pageSize=100&${query}`, headers: { cookie } });
  return res;
}

describe('account states in the staff list', () => {
  it('HR sees each row’s state and filters by it; the filter and the rows agree', async () => {
    const { app, database } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const db = database.db;
    const [invitee, disabled, enrolled] = await db.staff.findMany({
      where: { passwordHash: null, disabledAt: null },
      orderBy: { employeeNumber: 'asc' },
      take: 3,
      select: { id: true, employeeNumber: true },
    });
    if (!invitee || !disabled || !enrolled) throw new Error('the demo data has too few people');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/staff/${invitee.id}/invitation`,
          headers: { cookie: hr },
        })
      ).statusCode,
    ).toBe(201);
    await db.staff.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    await db.staff.update({
      where: { id: enrolled.id },
      data: { passwordHash: 'x', mfaEnabledAt: new Date() },
    });

    const expectations: [string, string, string[]][] = [
      ['invited', invitee.employeeNumber, ['invited']],
      ['disabled', disabled.employeeNumber, ['disabled']],
      ['active', enrolled.employeeNumber, ['active']],
      ['mfa', enrolled.employeeNumber, ['active']],
      ['none', '', ['none']],
    ];
    for (const [filter, employeeNumber, states] of expectations) {
      const res = await list(hr, `account=${filter}${employeeNumber ? `&q=${employeeNumber}` : ''}`);
      expect(res.statusCode, filter).toBe(200);
      const items = res.json().items as Row[];
      expect(items.length, filter).toBeGreaterThan(0);
      for (const row of items) {
        expect(states, `${filter}: ${row.id}`).toContain(row.account?.state);
        if (filter === 'mfa') expect(row.account?.mfa).toBe(true);
      }
    }
    // the same person under other filters: absent
    const noneIds = (await list(hr, `account=none&q=${invitee.employeeNumber}`)).json().items as Row[];
    expect(noneIds.map((r) => r.id)).not.toContain(invitee.id);

    // every row of the plain list carries its state for HR
    const plain = (await list(hr, '')).json().items as Row[];
    expect(plain.every((r) => r.account !== undefined)).toBe(true);
  });

  it('is HR’s: a supervisor’s list carries no account, and filtering by it is refused', async () => {
    const { app } = ctx();
    const supervisor = await signIn(app, 'demo-supervisor');
    const plain = await list(supervisor, '');
    expect(plain.statusCode).toBe(200);
    expect((plain.json().items as Row[]).every((r) => r.account === undefined)).toBe(true);
    for (const who of ['demo-supervisor', 'demo-exec', 'demo-staff']) {
      const res = await list(await signIn(app, who), 'account=none');
      expect(res.statusCode, who).toBe(403);
    }
    const bad = await list(await signIn(app, 'demo-hr'), 'account=everyone');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/account/);
  });
});
