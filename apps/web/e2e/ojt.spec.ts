import type { OjtSessionPage } from '@portal/contracts';
import { demoUsers, expect, test } from './fixtures.ts';

/**
 * OJT as the supervisor and their staff member use it: logging a session on a phone in a few taps
 * (a double tap logs it once), the trainee acknowledging it with a 振り返り, the team dashboard and
 * the 年間OJT計画 — in Japanese and English, without serious accessibility violations.
 */

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a supervisor logs an OJT session; the staff member sees and acknowledges it', async ({
    login,
    portal,
    page,
  }) => {
    const topic = `電話応対の練習 ${Date.now()}`;
    await login('supervisor');
    await portal.goto('/ojt/new');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('OJTを記録する');
    // today is filled in
    await expect(page.getByLabel('実施日')).toHaveValue(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date()),
    );
    // and read back in 和暦
    await expect(page.getByTestId('date-reading')).toHaveText(/^令和(元|\d+)年\d+月\d+日/);
    await page.getByRole('radio', { name: demoUsers.staff.name.ja }).check();
    await page.locator('label', { hasText: /^45分$/ }).click();
    await page.locator('label', { hasText: '振り返り・面談' }).click();
    await page.getByLabel('内容', { exact: true }).fill(topic);
    // the policy links are folded away until wanted
    await expect(page.getByRole('checkbox', { name: '誇りを胸に仕事に取り組む職員' })).toBeHidden();
    await page.getByText('方針とのつながり（任意）').click();
    await page.getByRole('checkbox', { name: '誇りを胸に仕事に取り組む職員' }).check();
    await portal.expectNoSeriousA11yViolations();

    // a double tap on the button logs the session once
    await page.getByRole('button', { name: '記録する', exact: true }).dblclick();
    await expect(page.getByRole('status')).toContainText('OJTを記録しました（1人分）');
    await expect(page.getByRole('status')).toContainText(topic);
    const given = await page.request.get('/api/ojt-sessions?supervisorId=me&pageSize=100');
    const mine = ((await given.json()) as OjtSessionPage).items.filter((s) => s.topic === topic);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ minutes: 45, method: 'review' });

    // the staff member, on their phone
    await page.context().clearCookies();
    await login('staff');
    await portal.goto('/ojt');
    const card = page.getByRole('article').filter({ hasText: topic });
    await expect(card).toContainText('未確認');
    await expect(card).toContainText(demoUsers.supervisor.name.ja);
    await expect(card.getByRole('link', { name: /誇りを胸に仕事に取り組む職員/ })).toBeVisible();
    await portal.expectNoSeriousA11yViolations();
    await card.getByLabel('振り返り（任意）').fill('相手の話を最後まで聞いてから答えるようにします。');
    await card.getByRole('button', { name: '内容を確認した' }).click();
    // The shared confirmation says so, in the live region; the card shows the result, not the form.
    await expect(page.getByTestId('announcer')).toHaveText(/OJTの記録を確認しました。/);
    await expect(page.getByTestId('announcer')).toHaveAttribute('aria-live', 'polite');
    await expect(card).toContainText('確認済み');
    await expect(card.getByRole('textbox')).toHaveCount(0);
    await expect(card).toContainText('相手の話を最後まで聞いてから答えるようにします。');
    await expect(card.getByRole('button', { name: '振り返りを編集する' })).toBeVisible();
  });

  test('a supervisor logs one session for several staff after a team session', async ({
    login,
    portal,
    page,
  }) => {
    const topic = `係内勉強会 ${Date.now()}`;
    await login('supervisor');
    await portal.goto('/ojt/new');
    await page.getByLabel('複数の職員にまとめて記録する').check();
    const trainees = page.getByRole('group', { name: /指導した職員/ }).getByRole('checkbox');
    await expect(trainees).toHaveCount(4); // the batch switch and the three staff of the 係
    await trainees.nth(1).check();
    await trainees.nth(2).check();
    await trainees.nth(3).check();
    await page.getByLabel('内容', { exact: true }).fill(topic);
    await page.getByRole('button', { name: '3人分を記録する' }).click();
    await expect(page.getByRole('status')).toContainText('OJTを記録しました（3人分）');
  });
});

test('the team dashboard shows each person and leads to logging, the plan and the career plan', async ({
  login,
  portal,
  page,
}) => {
  await login('supervisor');
  await portal.goto('/team');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('チームの人材育成');
  const table = page.getByRole('table', { name: /チームの職員ごと/ });
  await expect(table.getByRole('row')).toHaveCount(4); // the header and the three staff of the 係
  const row = table.getByRole('row').filter({ hasText: demoUsers.staff.name.ja });
  await expect(row.getByRole('link', { name: /キャリアプラン/ })).toHaveAttribute(
    'href',
    /\/staff\/.+\/career$/,
  );
  await portal.expectNoSeriousA11yViolations();

  // sorting is the API's: the longest wait first
  await table.getByRole('button', { name: /最後のOJT/ }).click();
  await expect(page).toHaveURL(/sort=lastOn/);
  await expect(table.getByRole('columnheader', { name: /最後のOJT/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );

  await row.getByRole('link', { name: /OJTを記録/ }).click();
  await expect(page).toHaveURL(/\/ojt\/new\?trainee=/);
  await expect(page.getByRole('radio', { name: demoUsers.staff.name.ja })).toBeChecked();

  await portal.switchLanguage('en');
  await portal.goto('/team');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("My team's development");
  await portal.expectNoSeriousA11yViolations();
});

test('the supervisor writes the yearly OJT plan; the staff member reads it on their OJT page', async ({
  login,
  portal,
  page,
}) => {
  const goal = `議会答弁資料を一人で作れる ${Date.now()}`;
  await login('supervisor');
  await portal.goto('/team');
  const row = page.getByRole('row').filter({ hasText: demoUsers.staff.name.ja });
  await row.getByRole('link', { name: /OJT計画/ }).click();
  await portal.waitForContent();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `${demoUsers.staff.name.ja}さんの年間OJT計画`,
  );
  await page.getByRole('button', { name: '目標を追加する' }).click();
  const last = page.getByRole('textbox', { name: /^目標 \d+$/ }).last();
  await last.fill(goal);
  await page.getByLabel('実施の頻度・方法').fill('月2回の面談');
  await portal.expectNoSeriousA11yViolations();
  await page.getByRole('button', { name: '計画を保存する' }).click();
  await expect(page.getByRole('status')).toContainText('計画を保存しました');

  await page.context().clearCookies();
  await login('staff');
  await portal.goto('/ojt');
  await expect(portal.main).toContainText(goal);
  await expect(portal.main).toContainText('月2回の面談');
  await portal.switchLanguage('en');
  await expect(page.getByRole('heading', { level: 2, name: /Yearly OJT plan/ })).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
});

test('staff without a team are told what the pages are for', async ({ login, portal, page }) => {
  await login('staff');
  await portal.goto('/ojt/new');
  await expect(portal.main).toContainText('OJTを記録できるのは');
  await portal.goto('/team');
  await expect(portal.main).toContainText('職員を指導する立場の方');
  await expect(
    page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'チーム' }),
  ).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'OJT' }),
  ).toBeVisible();
});

test('the supervisor corrects a session they logged, then deletes it', async ({ login, portal, page }) => {
  const topic = `窓口の引継ぎ ${Date.now()}`;
  await login('supervisor');
  const dashboard = (await (await page.request.get('/api/dashboards/team?pageSize=100')).json()) as {
    items: { staff: { id: string; name: string } }[];
  };
  const trainee = dashboard.items.find((m) => m.staff.name === demoUsers.staff.name.ja);
  expect(trainee).toBeTruthy();
  const logged = await page.request.post('/api/ojt-sessions', {
    data: { traineeId: trainee?.staff.id, minutes: 30, method: 'guidance', topic },
  });
  expect(logged.status()).toBe(201);

  await portal.goto('/ojt?view=given');
  const card = page.getByRole('article').filter({ hasText: topic });
  await card.getByRole('button', { name: /^修正/ }).click();
  const form = card.getByRole('form', { name: /OJTの記録を修正/ });
  await form.getByLabel('内容', { exact: true }).fill(`${topic}（訂正）`);
  await form.getByLabel('時間（分）').fill('45');
  // the day reads back in 和暦 (the session was logged today)
  await expect(form.getByLabel('実施日')).toHaveAccessibleDescription(/^令和(元|\d+)年\d+月\d+日$/);
  await portal.expectNoSeriousA11yViolations();
  await form.getByRole('button', { name: '修正を保存する' }).click();

  const corrected = page.getByRole('article').filter({ hasText: `${topic}（訂正）` });
  await expect(corrected).toContainText('45分');
  await expect(corrected.getByRole('form')).toHaveCount(0);
  await expect(page.getByTestId('announcer')).toHaveText(/OJTの記録を訂正しました。/);

  await corrected.getByRole('button', { name: /^削除/ }).click();
  const confirm = corrected.getByRole('region', { name: /削除しますか/ });
  await expect(confirm.getByRole('button', { name: '削除', exact: true })).toBeFocused();
  await portal.expectNoSeriousA11yViolations();
  await confirm.getByRole('button', { name: '削除', exact: true }).click();
  await expect(page.getByRole('article').filter({ hasText: topic })).toHaveCount(0);
  const left = (await (
    await page.request.get('/api/ojt-sessions?supervisorId=me&pageSize=100')
  ).json()) as OjtSessionPage;
  expect(left.items.filter((s) => s.topic.startsWith(topic))).toHaveLength(0);
});
