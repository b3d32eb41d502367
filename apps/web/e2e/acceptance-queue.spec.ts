import { type APIRequestContext, request as playwrightRequest } from '@playwright/test';
import type { Training, TrainingApplication, TrainingSession } from '@portal/contracts';
import { DEMO_PASSWORD, demoUsers, expect, test } from './fixtures.ts';

/**
 * HR's acceptance queue: filtered by course (kept in the URL), each card with the seats left, and an
 * empty state of its own when nothing matches.
 */

const japanDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(d);

async function signedIn(baseURL: string, loginId: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.post('/api/auth/login', { data: { loginId, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

/** A course with one session in two days, applied for by demo-staff and approved by the supervisor. */
async function approvedApplication(baseURL: string, title: string, capacity: number) {
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
  const start = new Date(Date.now() + 48 * 3600_000);
  const made = await hr.post(`/api/trainings/${course.id}/sessions`, {
    data: {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString(),
      venue: '仙台市職員研修所',
      capacity,
      applicationDeadline: japanDay(new Date()),
    },
  });
  expect(made.status(), await made.text()).toBe(201);
  const session = (await made.json()) as TrainingSession;
  await hr.dispose();
  const staff = await signedIn(baseURL, demoUsers.staff.loginId);
  const applied = await staff.post(`/api/training-sessions/${session.id}/applications`, {
    data: { reason: '業務に役立てたいため' },
  });
  expect(applied.status(), await applied.text()).toBe(201);
  const application = (await applied.json()) as TrainingApplication;
  await staff.dispose();
  const supervisor = await signedIn(baseURL, demoUsers.supervisor.loginId);
  const approved = await supervisor.post(`/api/applications/${application.id}/decision`, {
    data: { decision: 'approve', reason: '' },
  });
  expect(approved.status(), await approved.text()).toBe(200);
  await supervisor.dispose();
  return { course, session, application };
}

test('HR filters the acceptance queue by course and sees the seats left on each card', async ({
  login,
  portal,
  page,
  baseURL,
}) => {
  test.slow();
  const stamp = Date.now();
  const wanted = await approvedApplication(baseURL ?? '', `受付絞り込み研修A ${stamp}`, 12);
  await approvedApplication(baseURL ?? '', `受付絞り込み研修B ${stamp}`, 5);

  await login('hr');
  await portal.goto('/training/acceptance');
  await expect(page.getByRole('heading', { level: 1, name: '研修の受付' })).toBeVisible();
  const filters = page.getByRole('search', { name: '受付の絞り込み' });
  await expect(filters.getByLabel('日程')).toBeDisabled();
  await filters.getByLabel('研修').selectOption({ label: `受付絞り込み研修A ${stamp}` });
  await expect(page).toHaveURL(new RegExp(`course=${wanted.course.id}`));
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(`受付絞り込み研修A ${stamp}`);
  await expect(cards.first()).toContainText('残席');
  await expect(cards.first()).toContainText('12席（定員12）');

  // the session select now offers the course's session; another 局・区 leaves nothing
  await expect(filters.getByLabel('日程')).toBeEnabled();
  await filters.getByLabel('日程').selectOption({ index: 1 });
  await expect(page).toHaveURL(new RegExp(`session=${wanted.session.id}`));
  await expect(cards).toHaveCount(1);
  const bureau = filters.getByLabel('申込者の局・区');
  const other = await bureau.locator('option').nth(1).getAttribute('value');
  const aoba = await bureau.locator('option', { hasText: '青葉区' }).first().getAttribute('value');
  await bureau.selectOption(other === aoba ? { index: 2 } : { index: 1 });
  await expect(page.getByText('この条件に合う申込はありません。')).toBeVisible();

  // the URL keeps the filters: a reload shows the same; clearing brings the whole queue back
  await page.reload();
  await portal.waitForContent();
  await expect(page.getByText('この条件に合う申込はありません。')).toBeVisible();
  await filters.getByRole('button', { name: '絞り込みを解除' }).click();
  await expect(page).not.toHaveURL(/course=/);
  await expect(cards.filter({ hasText: `受付絞り込み研修B ${stamp}` })).toHaveCount(1);
});

test('HR ticks two applications, sees the seats per session in the confirmation, and accepts both at once', async ({
  login,
  portal,
  page,
  baseURL,
}) => {
  test.slow();
  const stamp = Date.now();
  const first = await approvedApplication(baseURL ?? '', `一括受付研修A ${stamp}`, 1);
  const second = await approvedApplication(baseURL ?? '', `一括受付研修B ${stamp}`, 4);

  await login('hr');
  await portal.goto('/training/acceptance');
  const filters = page.getByRole('search', { name: '受付の絞り込み' });
  const bureau = filters.getByLabel('申込者の局・区');
  const aoba = await bureau.locator('option', { hasText: '青葉区' }).first().getAttribute('value');
  await bureau.selectOption(aoba ?? '');
  const accept = page.getByRole('button', { name: /選んだ\d+件を受け付ける/ });
  await expect(accept).toBeDisabled();
  await page.getByLabel(new RegExp(`一括受付研修A ${stamp}を選ぶ`)).check();
  await page.getByLabel(new RegExp(`一括受付研修B ${stamp}を選ぶ`)).check();
  await expect(page.getByRole('button', { name: '選んだ2件を受け付ける' })).toBeEnabled();
  await page.getByRole('button', { name: '選んだ2件を受け付ける' }).click();

  const dialog = page.getByRole('dialog', { name: '2件をまとめて受け付けますか' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`一括受付研修A ${stamp}`);
  await expect(dialog).toContainText('選択 1件・残席 1・キャンセル待ち 0件');
  await expect(dialog).toContainText('選択 1件・残席 4・キャンセル待ち 0件');
  await portal.expectNoSeriousA11yViolations();
  await dialog.getByRole('button', { name: '2件を受け付ける' }).click();
  await expect(page.getByTestId('announcer')).toContainText('2件を受け付けました。');
  await expect(page.getByLabel(new RegExp(`一括受付研修A ${stamp}を選ぶ`))).toHaveCount(0);

  const hr = await playwrightRequest.newContext({ baseURL: baseURL ?? '' });
  await hr.post('/api/auth/login', { data: { loginId: demoUsers.hr.loginId, password: DEMO_PASSWORD } });
  for (const { application } of [first, second]) {
    const res = await hr.get(`/api/applications/${application.id}`);
    expect(((await res.json()) as TrainingApplication).status).toBe('accepted');
  }
  await hr.dispose();
});
