/**
 * Notifications through the real app: written in a transaction (none when it rolls back), read and
 * marked by their recipient only, paged, filtered.
 */
import type { NotificationPage } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { idOf, sessions } from '../ojt/ojt.test-helpers.ts';
import { notify } from './notify.ts';

const ctx = useTestApp();
const app = () => ctx().app;
const db = () => ctx().database.db;
const signedIn = sessions(app);

async function get<T>(loginId: string, url: string): Promise<T> {
  const res = await app().inject({ url, headers: { cookie: await signedIn(loginId) } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}
async function post(loginId: string, url: string) {
  return app().inject({ method: 'POST', url, headers: { cookie: await signedIn(loginId) } });
}
const count = async (loginId: string) =>
  (await get<{ count: number }>(loginId, '/api/notifications/unread-count')).count;

describe('notifications', () => {
  it('a rolled-back write leaves no notification; a committed one reaches only its recipients', async () => {
    const staff = await idOf(db(), 'demo-staff');
    const supervisor = await idOf(db(), 'demo-supervisor');
    const before = await count('demo-staff');
    await expect(
      db().$transaction(async (tx) => {
        await notify(tx, [
          { to: [staff], kind: 'training.application.approved', link: '/training/applications' },
        ]);
        throw new Error('the write fails');
      }),
    ).rejects.toThrow('the write fails');
    expect(await count('demo-staff')).toBe(before);

    await db().$transaction((tx) =>
      notify(tx, [
        {
          to: [staff, staff, supervisor],
          by: supervisor,
          kind: 'training.application.approved',
          link: '/training/applications',
          params: { title: '接遇研修', titleEn: 'Customer service' },
        },
      ]),
    );
    expect(await count('demo-staff')).toBe(before + 1);
    const page = await get<NotificationPage>('demo-staff', '/api/notifications?limit=1');
    expect(page.items[0]).toMatchObject({
      category: 'applications',
      kind: 'training.application.approved',
      link: '/training/applications',
      params: { title: '接遇研修', titleEn: 'Customer service' },
      readAt: null,
    });
    const mine = await get<NotificationPage>('demo-supervisor', '/api/notifications?limit=100');
    expect(mine.items.map((n) => n.id)).not.toContain(page.items[0]?.id);
  });

  it('a notification about someone who left my team leads to a 404, not to their data', async () => {
    const staff = await idOf(db(), 'demo-staff');
    const supervisor = await idOf(db(), 'demo-supervisor');
    await db().$transaction((tx) =>
      notify(tx, [{ to: [supervisor], kind: 'career.plan.submitted', link: `/staff/${staff}/career#plan` }]),
    );
    const url = `/api/staff/${staff}/career-plan`;
    const cookie = await signedIn('demo-supervisor');
    expect((await app().inject({ url, headers: { cookie } })).statusCode).toBe(200);
    // demo-staff moves to a unit outside the supervisor's team
    const elsewhere = await db().orgUnit.findFirstOrThrow({
      where: { kind: 'section', code: { startsWith: 'kenko' } },
      select: { id: true },
    });
    const post = await db().assignment.findFirstOrThrow({ where: { staffId: staff, endsOn: null } });
    const yesterday = new Date(Date.now() - 2 * 86_400_000);
    await db().assignment.update({ where: { id: post.id }, data: { endsOn: yesterday } });
    await db().assignment.create({
      data: {
        staffId: staff,
        orgUnitId: elsewhere.id,
        gradeId: post.gradeId,
        startsOn: new Date(Date.now() - 86_400_000),
      },
    });
    const list = await get<NotificationPage>('demo-supervisor', '/api/notifications?limit=100');
    expect(list.items.some((n) => n.link === `/staff/${staff}/career#plan`)).toBe(true);
    const res = await app().inject({ url, headers: { cookie } });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('staff_not_found');
    expect(res.json()).not.toHaveProperty('plan');
  });

  it('a reminder with the same key is written once', async () => {
    const staff = await idOf(db(), 'demo-staff');
    const notice = {
      to: [staff],
      kind: 'training.course.soon' as const,
      link: '/training/applications',
      dedupeKey: 'course-soon:x',
    };
    const first = await db().$transaction((tx) => notify(tx, [notice]));
    const again = await db().$transaction((tx) => notify(tx, [notice]));
    expect(first).toHaveLength(1);
    expect(again).toHaveLength(0);
  });

  it('marks one read, refuses another’s with 404, marks all read', async () => {
    const staff = await idOf(db(), 'demo-staff');
    const other = await idOf(db(), 'demo-staff-other');
    const [mine] = await db().$transaction((tx) =>
      notify(tx, [{ to: [staff], kind: 'ojt.session.logged', link: '/ojt' }]),
    );
    const [theirs] = await db().$transaction((tx) =>
      notify(tx, [{ to: [other], kind: 'ojt.session.logged', link: '/ojt' }]),
    );
    const unread = await count('demo-staff');
    expect((await post('demo-staff', `/api/notifications/${mine}/read`)).statusCode).toBe(204);
    expect(await count('demo-staff')).toBe(unread - 1);
    expect((await post('demo-staff', `/api/notifications/${mine}/read`)).statusCode).toBe(204);
    expect((await post('demo-staff', `/api/notifications/${theirs}/read`)).statusCode).toBe(404);
    const bad = await post('demo-staff', '/api/notifications/not-an-id/read');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('params.id');
    expect(await count('demo-staff-other')).toBeGreaterThan(0);
    expect((await post('demo-staff', '/api/notifications/read-all')).statusCode).toBe(204);
    expect(await count('demo-staff')).toBe(0);
    expect(await count('demo-staff-other')).toBeGreaterThan(0);
  });

  it('pages newest first and filters by unread and category', async () => {
    const staff = await idOf(db(), 'demo-staff-other');
    await db().$transaction((tx) =>
      notify(
        tx,
        Array.from({ length: 5 }, (_, i) => ({
          to: [staff],
          kind: i % 2 ? ('career.plan.commented' as const) : ('plan.period.review' as const),
          link: `/plan?i=${i}`,
        })),
      ),
    );
    const first = await get<NotificationPage>('demo-staff-other', '/api/notifications?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1]?.id);
    const second = await get<NotificationPage>(
      'demo-staff-other',
      `/api/notifications?limit=2&cursor=${first.nextCursor}`,
    );
    expect(second.items.map((n) => n.id).every((id) => id < (first.nextCursor ?? ''))).toBe(true);
    const career = await get<NotificationPage>('demo-staff-other', '/api/notifications?category=career');
    expect(career.items.length).toBeGreaterThanOrEqual(2);
    expect(career.items.every((n) => n.category === 'career')).toBe(true);
    const [one] = career.items;
    await post('demo-staff-other', `/api/notifications/${one?.id}/read`);
    const unread = await get<NotificationPage>(
      'demo-staff-other',
      '/api/notifications?unread=true&limit=100',
    );
    expect(unread.items.map((n) => n.id)).not.toContain(one?.id);
    expect(unread.items.every((n) => n.readAt === null)).toBe(true);
    const tooMany = await app().inject({
      url: '/api/notifications?limit=1000',
      headers: { cookie: await signedIn('demo-staff-other') },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('query.limit');
  });
});
