import { type APIRequestContext, request as playwrightRequest } from '@playwright/test';
import type { Training, TrainingApplication, TrainingSession } from '@portal/contracts';
import { DEMO_PASSWORD, demoUsers, expect, test } from './fixtures.ts';

/**
 * Nothing waits unseen: the supervisor's bell counts up when a staff member applies, the notification
 * leads to the approval, and the staff member's bell then tells them — in the header, announced, on
 * the notifications page.
 */

const japanDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(d);

async function signedIn(baseURL: string, loginId: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.post('/api/auth/login', { data: { loginId, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

async function courseWithSession(baseURL: string, title: string) {
  const hr = await signedIn(baseURL, demoUsers.hr.loginId);
  const [y, m] = japanDay(new Date()).split('-').map(Number);
  const fy = (m ?? 4) >= 4 ? (y ?? 2026) : (y ?? 2026) - 1;
  const created = await hr.post('/api/trainings', {
    data: {
      title: { ja: title, en: `${title} (EN)` },
      kind: 'institute_elective',
      hours: 3,
      fiscalYears: [fy, fy + 1],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const course = (await created.json()) as Training;
  const start = new Date(Date.now() + 26 * 3600_000);
  const session = await hr.post(`/api/trainings/${course.id}/sessions`, {
    data: {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString(),
      venue: '仙台市職員研修所',
      capacity: 20,
      applicationDeadline: japanDay(new Date()),
    },
  });
  expect(session.status(), await session.text()).toBe(201);
  const made = (await session.json()) as TrainingSession;
  await hr.dispose();
  return made;
}

test('the supervisor sees the bell count rise, opens the notification and approves; then the staff member sees theirs', async ({
  login,
  portal,
  page,
  baseURL,
}) => {
  test.slow();
  const title = `お知らせ研修 ${Date.now()}`;
  const session = await courseWithSession(baseURL ?? '', title);

  await login('supervisor');
  await portal.goto('/');
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName(/^お知らせ/);
  const before = Number(await bell.getAttribute('data-unread'));

  // the staff member applies (in their own browser, here through the API)
  const staff = await signedIn(baseURL ?? '', demoUsers.staff.loginId);
  const applied = await staff.post(`/api/training-sessions/${session.id}/applications`, {
    data: { reason: '窓口での説明をわかりやすくしたいため。' },
  });
  expect(applied.status(), await applied.text()).toBe(201);
  const application = (await applied.json()) as TrainingApplication;
  await staff.dispose();

  // the count rises (the header asks again on a page change, and every minute)
  await portal.goto('/training');
  await expect(bell).toHaveAccessibleName(`お知らせ 未読 ${before + 1} 件`);
  await expect(page.getByTestId('notification-count')).toHaveText(String(before + 1));

  // keyboard: the bell is a link in the header's tab order
  await bell.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { level: 1, name: 'お知らせ' })).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  const text = `${demoUsers.staff.name.ja}さんの研修「${title}」への申込みが承認を待っています`;
  await page.getByRole('link', { name: text }).click();
  await expect(page).toHaveURL(/\/training\/approvals$/);
  await expect(bell).toHaveAttribute('data-unread', String(before));

  const pending = page.getByRole('article').filter({ hasText: title });
  await pending.getByRole('button', { name: '承認する' }).click();
  await expect(page.getByText(`${demoUsers.staff.name.ja}さんの申込を承認しました。`)).toBeVisible();

  // the staff member's bell, their notification, and the page in English
  await page.context().clearCookies();
  await login('staff');
  await portal.goto('/notifications?unread=true');
  await expect(bell).toHaveAccessibleName(/^お知らせ 未読 \d+ 件$/);
  const mine = page
    .getByRole('listitem')
    .filter({ hasText: `研修「${title}」への申込みが所属長に承認されました` });
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('未読');
  await mine.getByRole('button', { name: '既読にする' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: title })).toHaveCount(0);
  await portal.switchLanguage('en');
  // the English page has settled (its heading, its filter as the reader left it) before the click
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const unreadOnly = page.getByLabel('Unread only');
  await expect(unreadOnly).toBeChecked();
  await portal.waitForContent();
  await unreadOnly.uncheck();
  await expect(page).not.toHaveURL(/unread=true/);
  await expect(
    page.getByRole('link', { name: `Your application for "${title} (EN)" was approved by your supervisor` }),
  ).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  expect(application.status).toBe('applied');
});

test('mail settings per category, saved; the page says that mail is off', async ({ login, portal, page }) => {
  await login('staff');
  await portal.goto('/notifications/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'お知らせメールの設定' })).toBeVisible();
  // the browser tests' server has no SMTP: the page says mail is off
  await expect(page.getByTestId('mail-off')).toContainText('メール送信が設定されていません');
  const ojt = page.getByRole('group', { name: 'OJT' });
  await expect(ojt.getByRole('radio', { name: '1日1回まとめて' })).toBeChecked();
  await ojt.getByRole('radio', { name: 'すぐにメール' }).check();
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText('保存しました。')).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'OJT' }).getByRole('radio', { name: 'すぐにメール' }),
  ).toBeChecked();
  await portal.expectNoSeriousA11yViolations();
});
