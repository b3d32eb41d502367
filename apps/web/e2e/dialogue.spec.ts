import type { OneOnOnePage } from '@portal/contracts';
import { demoUsers, expect, Portal, test } from './fixtures.ts';

/**
 * 1on1s as a supervisor and their staff member use them: recording one on a phone with an agreed
 * action (a double tap records it once), the private notes staying with the author, the person
 * seeing the action on their start page, acknowledging the 1on1 and completing the action — without
 * serious accessibility violations.
 */

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a supervisor records a 1on1 with an action; the person sees it, acknowledges it and completes the action', async ({
    login,
    portal,
    page,
  }) => {
    const stamp = Date.now();
    const topic = `業務分担の見直し ${stamp}`;
    const action = `分担表の案を作る ${stamp}`;
    const secret = `非公開の所感 ${stamp}`;
    await login('supervisor');
    await portal.goto('/one-on-ones/new');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('1on1を記録');
    await expect(page.getByLabel('日付')).toHaveValue(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date()),
    );
    await expect(page.getByTestId('date-reading')).toHaveText(/^令和(元|\d+)年\d+月\d+日$/);
    await page.getByRole('radio', { name: new RegExp(demoUsers.staff.name.ja) }).check();
    await page.getByLabel('話したこと').fill(topic);
    await page.getByLabel('共有メモ（本人も読めます）').fill('繁忙期の窓口を二人体制にする。');
    await page.getByRole('button', { name: 'アクションを追加' }).click();
    await page.getByLabel('アクション1の内容').fill(action);
    await expect(page.getByLabel('担当')).toHaveValue('staff');
    await page.getByLabel('期限（任意）').fill('2099-04-30');
    await expect(page.getByLabel('期限（任意）')).toHaveAccessibleDescription('令和81年4月30日');
    await page.getByText('非公開メモ・方針とのつながり').click();
    await page.getByLabel('非公開メモ', { exact: true }).fill(secret);
    await portal.expectNoSeriousA11yViolations();

    await page.getByRole('button', { name: '記録する', exact: true }).dblclick();
    await expect(page.getByRole('status')).toContainText('1on1を記録しました。');
    await expect(page.getByRole('status')).toContainText('アクション1件を登録しました。');
    const given = await page.request.get('/api/one-on-ones?authorId=me&pageSize=100');
    const mine = ((await given.json()) as OneOnOnePage).items.filter((r) => r.topics.includes(topic));
    expect(mine).toHaveLength(1);
    const recordId = mine[0]?.id ?? '';

    // the author reads the private notes on the record's page
    await page.getByRole('link', { name: '記録を開く' }).click();
    await expect(page.getByText(secret)).toBeVisible();
    await portal.expectNoSeriousA11yViolations();

    // the person, on their phone: the action on the start page
    await page.context().clearCookies();
    await login('staff');
    await portal.goto('/');
    const open = page.getByTestId('open-actions');
    await expect(open).toContainText(action);
    await portal.goto('/one-on-ones');
    await expect(page.getByRole('heading', { name: '私の1on1' })).toBeVisible();
    await portal.expectNoSeriousA11yViolations();
    await portal.goto(`/one-on-ones/${recordId}`);
    await expect(page.getByText(topic)).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0);
    await page.getByLabel('自分のメモ（上司も読めます）').fill('二人体制なら休みも取りやすい。');
    await page.getByRole('button', { name: '内容を確認した' }).click();
    await expect(page.getByText(/に本人が確認しました/)).toBeVisible();
    await page.getByRole('checkbox', { name: action }).check();
    await expect(page.getByRole('checkbox', { name: action })).toBeChecked();
    await portal.expectNoSeriousA11yViolations();

    // done: gone from both sides' open actions
    await portal.goto('/');
    await expect(page.getByText(action)).toHaveCount(0);
    await page.context().clearCookies();
    await login('supervisor');
    const actions = await page.request.get('/api/one-on-one-actions?pageSize=100');
    expect(await actions.text()).not.toContain(action);
  });
});

test.describe('correcting on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('the author corrects a 1on1: a half-typed correction survives a new sign-in, leaving asks first, a stale one is refused with a reload', async ({
    login,
    portal,
    page,
  }) => {
    const stamp = Date.now();
    await login('supervisor');
    const team = await (await page.request.get('/api/dashboards/team/one-on-ones?pageSize=100')).json();
    const staffId = team.items.find(
      (m: { staff: { name: string } }) => m.staff.name === demoUsers.staff.name.ja,
    )?.staff.id;
    const created = await page.request.post('/api/one-on-ones', {
      data: { staffId, minutes: 30, topics: [`訂正する記録 ${stamp}`], privateNotes: `所感 ${stamp}` },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await portal.goto(`/one-on-ones/${id}`);
    await page.getByRole('link', { name: '記録を訂正する' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('1on1の記録を訂正する');
    await expect(page.getByLabel('非公開メモ', { exact: true })).toHaveValue(`所感 ${stamp}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByLabel('その他の時間（分）').fill('50');
    await page.getByLabel('共有メモ（本人も読めます）').fill(`訂正後の共有メモ ${stamp}`);
    await portal.expectNoSeriousA11yViolations();

    // leaving the changed form asks first
    let asked = '';
    page.once('dialog', async (dialog) => {
      asked = dialog.message();
      await dialog.dismiss();
    });
    await page.getByRole('link', { name: '記録に戻る' }).click();
    await expect.poll(() => asked).toContain('保存していない変更があります');
    await expect(page).toHaveURL(/\/edit$/);

    // the session ends; after signing in again the correction is offered back
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.includes('one-on-one.'))))
      .toBe(true);
    await page.context().clearCookies();
    await login('supervisor', { fresh: true });
    const again = await page.context().newPage();
    await again.goto(`/one-on-ones/${id}/edit`);
    const offer = again.getByRole('region', { name: '下書き' });
    await offer.getByRole('button', { name: '下書きを復元する' }).click();
    await expect(again.getByLabel('共有メモ（本人も読めます）')).toHaveValue(`訂正後の共有メモ ${stamp}`);
    await again.getByRole('button', { name: 'アクションを追加' }).click();
    await again.getByLabel('アクション1の内容').fill(`次回までに読む ${stamp}`);
    await again.getByRole('button', { name: '訂正を保存する' }).click();
    await expect(again).toHaveURL(new RegExp(`/one-on-ones/${id}$`));
    await expect(again.getByRole('status')).toContainText('訂正を保存しました');
    await expect(again.getByText(`訂正後の共有メモ ${stamp}`)).toBeVisible();
    await expect(again.getByText('50分')).toBeVisible();
    await expect(again.getByText(`次回までに読む ${stamp}`)).toBeVisible();
    await page.close({ runBeforeUnload: false });

    // someone else changes it meanwhile (the person acknowledges): the correction is refused, clearly
    await again.getByRole('link', { name: '記録を訂正する' }).click();
    await again.getByLabel('話したこと').fill(`古い版からの訂正 ${stamp}`);
    const current = await (await again.request.get(`/api/one-on-ones/${id}`)).json();
    const bump = await again.request.put(`/api/one-on-ones/${id}`, {
      data: {
        heldOn: current.heldOn,
        status: current.status,
        minutes: current.minutes,
        kind: current.kind,
        topics: [`別の画面での訂正 ${stamp}`],
        sharedNotes: current.sharedNotes,
        privateNotes: current.privateNotes,
        addActions: [],
        staffImageIds: [],
        initiativeIds: [],
        version: current.version,
      },
    });
    expect(bump.status()).toBe(200);
    await again.getByRole('button', { name: '訂正を保存する' }).click();
    const alert = again.getByRole('alert');
    await expect(alert).toContainText('開いた後にほかの操作');
    await new Portal(again).expectNoSeriousA11yViolations();
    await alert.getByRole('button', { name: '最新の記録を読み込む' }).click();
    await expect(again.getByLabel('話したこと')).toHaveValue(`別の画面での訂正 ${stamp}`);
    await expect(again.getByRole('alert')).toHaveCount(0);
  });
});

test('the supervisor sees the team against the cadence, in English too', async ({ login, portal, page }) => {
  await login('supervisor');
  await portal.goto('/one-on-ones');
  await expect(page.getByTestId('team-one-on-ones')).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  await portal.switchLanguage('en');
  await expect(page.getByRole('heading', { name: "My team's 1on1s" })).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
});

test('the author deletes a record the person has not acknowledged, after confirming', async ({
  login,
  portal,
  page,
}) => {
  await login('supervisor');
  const team = await (await page.request.get('/api/dashboards/team/one-on-ones?pageSize=100')).json();
  const staffId = team.items.find(
    (m: { staff: { name: string } }) => m.staff.name === demoUsers.staff.name.ja,
  )?.staff.id;
  const created = await page.request.post('/api/one-on-ones', {
    data: { staffId, minutes: 15, topics: [`削除する記録 ${Date.now()}`] },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await portal.goto(`/one-on-ones/${id}`);
  await page.getByRole('button', { name: 'この記録を削除する' }).click();
  await expect(page.getByRole('alert')).toContainText('削除します');
  await portal.expectNoSeriousA11yViolations();
  await page.getByRole('button', { name: '削除する', exact: true }).click();
  await expect(page).toHaveURL(/\/one-on-ones$/);
  expect((await page.request.get(`/api/one-on-ones/${id}`)).status()).toBe(404);
});

test.describe('the team page on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('shows days since each person’s last 1on1 and who is past the cadence, sortable by it', async ({
    login,
    portal,
    page,
  }) => {
    await login('supervisor');
    await portal.goto('/team');
    const header = page.getByRole('columnheader', { name: /最後の1on1/ });
    await expect(header).toBeVisible();
    await expect(page.getByText('1on1の間隔が空いている')).toBeVisible();
    await header.getByRole('button').click();
    await expect(page).toHaveURL(/sort=oneOnOne/);
    await expect(header).toHaveAttribute('aria-sort', /ascending|descending/);
    await expect(
      page.getByRole('link', { name: new RegExp(`1on1を記録 \\(${demoUsers.staff.name.ja}\\)`) }),
    ).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await portal.expectNoSeriousA11yViolations();
  });
});
