/**
 * B gets nothing of A's: people outside one's scope appear in no list and open as 404.
 */
import type { StaffPage } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { notify } from '../src/features/notifications/notify.ts';
import { signIn, useTestApp } from './app.ts';

const ctx = useTestApp();

async function list(loginId: string, query = '') {
  const { app } = ctx();
  const cookie = await signIn(app, loginId);
  const res = await app.inject({ url: `/api/staff?pageSize=100${query}`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json<StaffPage>();
}

describe('staff directory scope', () => {
  it('a staff member sees only themselves', async () => {
    const page = await list('demo-staff');
    expect(page.total).toBe(1);
    expect(page.items[0]?.nameEn).toBe('Tsubasa Wakabayashi');
  });

  it("a supervisor sees their section, not another bureau's people", async () => {
    const page = await list('demo-supervisor');
    const units = new Set(page.items.map((s) => s.current?.orgUnit.code));
    expect([...units]).toEqual(['aoba-1-1-1']);
    expect(page.items.map((s) => s.nameEn)).toContain('Tsubasa Wakabayashi');
    expect(page.items.map((s) => s.nameEn)).not.toContain('Nana Azuma');
    const search = await list('demo-supervisor', `&q=${encodeURIComponent('東')}`);
    expect(search.items.map((s) => s.nameEn)).not.toContain('Nana Azuma');
  });

  it('a bureau officer sees their own bureau only', async () => {
    const page = await list('demo-bureau');
    expect(page.total).toBeGreaterThan(10);
    expect(page.items.every((s) => s.current?.orgPath[0]?.code === 'somu')).toBe(true);
  });

  it('HR sees everyone, and can filter by unit and grade and search by kana', async () => {
    const everyone = await list('demo-hr');
    expect(everyone.total).toBeGreaterThan(300);
    expect(everyone.items).toHaveLength(100);
    const org = (
      await ctx().app.inject({
        url: '/api/org-units',
        headers: { cookie: await signIn(ctx().app, 'demo-hr') },
      })
    ).json();
    const aoba = org.items.find((u: { code: string }) => u.code === 'aoba');
    const inAoba = await list('demo-hr', `&orgUnitId=${aoba.id}`);
    expect(inAoba.items.every((s) => s.current?.orgPath[0]?.code === 'aoba')).toBe(true);
    const kana = await list('demo-hr', `&q=${encodeURIComponent('ワカバヤシ')}`);
    expect(kana.items.map((s) => s.nameEn)).toEqual(['Tsubasa Wakabayashi']);
  });

  it('caps the page size and names the bad parameter', async () => {
    const { app } = ctx();
    const cookie = await signIn(app, 'demo-hr');
    const res = await app.inject({ url: '/api/staff?pageSize=1000', headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('query.pageSize');
  });
});

describe('me', () => {
  it('derives roles from posts and 推進体制 holdings', async () => {
    const { app } = ctx();
    const roles = async (loginId: string) =>
      (await app.inject({ url: '/api/me', headers: { cookie: await signIn(app, loginId) } })).json().roles;
    expect(await roles('demo-staff')).toEqual(['staff']);
    expect(await roles('demo-supervisor')).toEqual(['staff', 'supervisor']);
    expect(await roles('demo-bureau')).toEqual(['staff', 'bureau_officer']);
    expect(await roles('demo-hr')).toEqual(['staff', 'hr_admin']);
    expect(await roles('demo-exec')).toEqual(['staff', 'executive']);
  });

  it("shows a person's supervisor and history", async () => {
    const { app } = ctx();
    const me = (
      await app.inject({ url: '/api/me', headers: { cookie: await signIn(app, 'demo-staff') } })
    ).json();
    expect(me.staff.supervisors.map((s: { nameEn: string }) => s.nameEn)).toEqual(['Naoko Aoki']);
    expect(me.staff.assignments).toHaveLength(2);
    expect(me.staff.current.orgPath.map((u: { name: { ja: string } }) => u.name.ja)).toEqual([
      '青葉区',
      '区民部',
      '戸籍住民課',
      '戸籍係',
    ]);
  });
});

describe('audit log', () => {
  it('records sign-ins and denials, newest first, paginated by cursor', async () => {
    const { app } = ctx();
    const staff = await signIn(app, 'demo-staff');
    await app.inject({ url: '/api/audit-log', headers: { cookie: staff } }); // a denial
    const hr = await signIn(app, 'demo-hr');
    const first = (await app.inject({ url: '/api/audit-log?limit=2', headers: { cookie: hr } })).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0].action).toBe('auth.login');
    const denied = (
      await app.inject({ url: '/api/audit-log?action=access.denied', headers: { cookie: hr } })
    ).json();
    expect(denied.items[0].after).toMatchObject({ url: '/api/audit-log', code: 'forbidden' });
    const next = (
      await app.inject({ url: `/api/audit-log?limit=2&cursor=${first.nextCursor}`, headers: { cookie: hr } })
    ).json();
    expect(Number(next.items[0].id)).toBeLessThan(Number(first.items[1].id));
  });

  it('cannot be rewritten', async () => {
    await expect(ctx().database.db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
  });
});

describe('account actions on people out of scope', () => {
  it('someone of another bureau cannot invite, nor reset the MFA of, a person they cannot see: 404', async () => {
    const { app, database } = ctx();
    const person = await database.db.staff.findUniqueOrThrow({ where: { loginId: 'demo-staff' } });
    const bureau = await signIn(app, 'demo-bureau');
    for (const [method, url, payload] of [
      ['POST', `/api/staff/${person.id}/invitation`, undefined],
      ['DELETE', `/api/staff/${person.id}/mfa`, undefined],
      ['PUT', `/api/staff/${person.id}/roles`, { hrAdmin: true, version: person.version }],
      ['POST', `/api/staff/${person.id}/disable`, undefined],
      ['POST', `/api/staff/${person.id}/enable`, undefined],
    ] as const) {
      const res = await app.inject({ method, url, headers: { cookie: bureau }, payload });
      expect(res.statusCode, url).toBe(404);
    }
    expect(await database.db.accountToken.count({ where: { staffId: person.id } })).toBe(0);
    const after = await database.db.staff.findUniqueOrThrow({ where: { id: person.id } });
    expect(after).toMatchObject({
      version: person.version,
      systemRoles: person.systemRoles,
      disabledAt: null,
    });
  });

  it('nobody but HR learns whose account is in which state, nor prints letters for a unit', async () => {
    const { app, database } = ctx();
    const unit = await database.db.orgUnit.findFirstOrThrow({ where: { kind: 'section' } });
    for (const who of ['demo-staff', 'demo-supervisor', 'demo-bureau', 'demo-exec']) {
      const cookie = await signIn(app, who);
      const filtered = await app.inject({ url: '/api/staff?account=none', headers: { cookie } });
      expect(filtered.statusCode, who).toBe(403);
      const plain = await app.inject({ url: '/api/staff?pageSize=100', headers: { cookie } });
      expect(
        plain.json<StaffPage>().items.every((row) => row.account === undefined),
        who,
      ).toBe(true);
      const letters = await app.inject({
        method: 'POST',
        url: '/api/invitations?format=pdf',
        headers: { cookie },
        payload: { orgUnitId: unit.id },
      });
      expect(letters.statusCode, who).toBe(403);
    }
  });

  it('a supervisor cannot invite their own staff in bulk: HR only', async () => {
    const { app, database } = ctx();
    const person = await database.db.staff.findUniqueOrThrow({ where: { loginId: 'demo-staff' } });
    const supervisor = await signIn(app, 'demo-supervisor');
    const res = await app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: supervisor },
      payload: { staffIds: [person.id] },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('1on1 records out of scope', () => {
  it("someone of another bureau neither lists, opens nor records demo-staff's 1on1s: 404", async () => {
    const { app, database } = ctx();
    const person = await database.db.staff.findUniqueOrThrow({ where: { loginId: 'demo-staff' } });
    const supervisor = await signIn(app, 'demo-supervisor');
    const created = await app.inject({
      method: 'POST',
      url: '/api/one-on-ones',
      headers: { cookie: supervisor },
      payload: {
        staffId: person.id,
        minutes: 15,
        topics: ['範囲外の確認'],
        privateNotes: 'only-the-author',
        actions: [{ text: '確認する', ownerId: person.id }],
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    for (const loginId of ['demo-staff-other', 'demo-bureau', 'demo-exec']) {
      const cookie = await signIn(app, loginId);
      const list = await app.inject({ url: '/api/one-on-ones?pageSize=100', headers: { cookie } });
      expect(list.statusCode, loginId).toBe(200);
      expect(list.body, loginId).not.toContain(id);
      expect(list.body, loginId).not.toContain('only-the-author');
      const byPerson = await app.inject({
        url: `/api/one-on-ones?staffId=${person.id}`,
        headers: { cookie },
      });
      expect(byPerson.statusCode, loginId).toBe(404);
    }
    const other = await signIn(app, 'demo-staff-other');
    const actionId = created.json().actions[0]?.id;
    for (const [method, url, payload] of [
      ['GET', `/api/one-on-ones/${id}`, undefined],
      [
        'PUT',
        `/api/one-on-ones/${id}`,
        { heldOn: created.json().heldOn, status: 'held', minutes: 5, kind: 'other', version: 1 },
      ],
      ['DELETE', `/api/one-on-ones/${id}?version=1`, undefined],
      ['POST', `/api/one-on-ones/${id}/acknowledge`, {}],
      ['PUT', `/api/one-on-ones/${id}/agenda`, { staffAgenda: 'x', version: 1 }],
      ['PUT', `/api/one-on-one-actions/${actionId}`, { done: true }],
    ] as const) {
      const res = await app.inject({
        method,
        url,
        headers: { cookie: other },
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await database.db.oneOnOne.findUniqueOrThrow({ where: { id } })).version).toBe(1);
    const post = await app.inject({
      method: 'POST',
      url: '/api/one-on-ones',
      headers: { cookie: other },
      payload: { staffId: person.id, minutes: 15 },
    });
    expect(post.statusCode).toBe(404);
  });
});

describe('notifications of someone else', () => {
  it("nobody lists, counts or marks demo-staff's notifications: 404 on theirs, only their own in lists", async () => {
    const { app, database } = ctx();
    const person = await database.db.staff.findUniqueOrThrow({ where: { loginId: 'demo-staff' } });
    const [id] = await database.db.$transaction((tx) =>
      notify(tx, [
        { to: [person.id], kind: 'training.application.approved', link: '/training/applications' },
      ]),
    );
    for (const loginId of ['demo-supervisor', 'demo-staff-other', 'demo-hr', 'demo-exec']) {
      const cookie = await signIn(app, loginId);
      const list = await app.inject({ url: '/api/notifications?limit=100', headers: { cookie } });
      expect(list.statusCode, loginId).toBe(200);
      expect(list.body, loginId).not.toContain(id);
      const read = await app.inject({
        method: 'POST',
        url: `/api/notifications/${id}/read`,
        headers: { cookie },
      });
      expect(read.statusCode, loginId).toBe(404);
      await app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: { cookie } });
    }
    const row = await database.db.notification.findUniqueOrThrow({ where: { id: id ?? '' } });
    expect(row.readAt).toBeNull();
  });
});

describe('the grade ladder and the job families: only HR changes them', () => {
  it('everyone else is refused every write, and nothing changes', async () => {
    const { app, database } = ctx();
    const grade = await database.db.grade.findFirstOrThrow({ orderBy: { rank: 'asc' } });
    const job = await database.db.jobFamily.findFirstOrThrow({ orderBy: { position: 'asc' } });
    const before = JSON.stringify([
      await database.db.grade.findMany(),
      await database.db.jobFamily.findMany(),
    ]);
    const writes = [
      {
        method: 'POST' as const,
        url: '/api/grades',
        payload: { code: 'intruder', nameJa: '侵入', nameEn: 'x' },
      },
      {
        method: 'PUT' as const,
        url: `/api/grades/${grade.id}`,
        payload: { version: grade.version, nameJa: '侵入', nameEn: 'x', managerial: true, retired: true },
      },
      {
        method: 'PUT' as const,
        url: '/api/grades/order',
        payload: { items: [{ id: grade.id, version: grade.version }] },
      },
      {
        method: 'POST' as const,
        url: '/api/job-families',
        payload: { code: 'intruder', nameJa: '侵入', nameEn: 'x' },
      },
      {
        method: 'PUT' as const,
        url: `/api/job-families/${job.id}`,
        payload: { version: job.version, nameJa: '侵入', nameEn: 'x', retired: true },
      },
      {
        method: 'PUT' as const,
        url: '/api/job-families/order',
        payload: { items: [{ id: job.id, version: job.version }] },
      },
    ];
    for (const w of writes) {
      expect((await app.inject(w)).statusCode, `${w.method} ${w.url} without a session`).toBe(401);
      for (const who of ['demo-staff', 'demo-supervisor', 'demo-bureau', 'demo-exec']) {
        const res = await app.inject({ ...w, headers: { cookie: await signIn(app, who) } });
        expect(res.statusCode, `${who}: ${w.method} ${w.url}`).toBe(403);
      }
    }
    expect(JSON.stringify([await database.db.grade.findMany(), await database.db.jobFamily.findMany()])).toBe(
      before,
    );
  });
});
