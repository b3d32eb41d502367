/** Notifications: each person reads and marks only their own. */
import { notify } from '../../src/features/notifications/notify.ts';
import { unsubscribeToken } from '../../src/features/notifications/unsubscribe-token.ts';
import { all, type MatrixRows } from './types.ts';

export const notificationRows: MatrixRows = {
  async prepare(db, t) {
    const [mine, other] = await db.$transaction(async (tx) => [
      await notify(tx, [
        { to: [t.demoStaff], kind: 'training.course.soon', link: '/training/applications', params: {} },
      ]),
      await notify(tx, [
        { to: [t.demoStaffOther], kind: 'training.course.soon', link: '/training/applications', params: {} },
      ]),
    ]);
    return {
      notificationOfStaff: mine?.[0] ?? '',
      notificationOfOther: other?.[0] ?? '',
      // signed with the test app's secret (test/app.ts)
      unsubscribeOfOther: unsubscribeToken('test-secret-'.padEnd(40, 'x'), {
        staffId: t.demoStaffOther ?? '',
        categories: ['training'],
      }),
    };
  },
  rows: [
    {
      method: 'GET',
      route: '/api/notifications',
      url: () => '/api/notifications?limit=100',
      expect: all(200),
      returns: {
        staff: { in: ['notificationOfStaff'], out: ['notificationOfOther'] },
        staffOther: { in: ['notificationOfOther'], out: ['notificationOfStaff'] },
        supervisor: { out: ['notificationOfStaff', 'notificationOfOther'] },
        hr: { out: ['notificationOfStaff', 'notificationOfOther'] },
      },
    },
    {
      method: 'GET',
      route: '/api/notifications/unread-count',
      url: () => '/api/notifications/unread-count',
      expect: all(200),
    },
    {
      method: 'POST',
      route: '/api/notifications/{id}/read',
      url: (t) => `/api/notifications/${t.notificationOfStaff}/read`,
      expect: { anon: 401, staff: 204, supervisor: 404, staffOther: 404, bureau: 404, hr: 404, exec: 404 },
    },
    {
      method: 'POST',
      route: '/api/notifications/read-all',
      url: () => '/api/notifications/read-all',
      expect: all(204),
    },
    {
      method: 'GET',
      route: '/api/me/notification-settings',
      url: () => '/api/me/notification-settings',
      expect: all(200),
    },
    {
      method: 'PUT',
      route: '/api/me/notification-settings',
      url: () => '/api/me/notification-settings',
      body: { categories: { ojt: 'immediate' } },
      expect: all(200),
    },
    // the link in a mail: no session needed; only the signed token counts
    {
      method: 'GET',
      route: '/api/unsubscribe/{token}',
      url: (t) => `/api/unsubscribe/${t.unsubscribeOfOther}`,
      expect: all(200, 200),
    },
    {
      method: 'GET',
      route: '/api/unsubscribe/{token}',
      url: (t) => `/api/unsubscribe/${t.unsubscribeOfOther?.slice(0, -3)}abc`,
      expect: all(404, 404),
    },
    {
      method: 'POST',
      route: '/api/unsubscribe/{token}',
      url: (t) => `/api/unsubscribe/${t.unsubscribeOfOther}`,
      expect: all(200, 200),
    },
    {
      method: 'GET',
      route: '/api/background-jobs',
      url: () => '/api/background-jobs',
      expect: { anon: 401, staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr: 200, exec: 403 },
    },
  ],
};
