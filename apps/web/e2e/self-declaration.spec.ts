/**
 * 自己申告 as the person and their 所属長 use it: the person fills in the open round on a phone (desired
 * units and job families chosen from the organisation, 配慮事項 included) and submits it; their 所属長
 * reads it, 配慮事項 and all, and records the 面談 with an opinion; the person then reads the opinion.
 * Axe finds nothing serious on any of the pages.
 */
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

/** The demo year's round (「令和8年度 自己申告」), not the rounds other browser tests open. */
const DEMO_ROUND = /^令和(元|\d+)年度 自己申告$/;

test('a person submits a 自己申告 and the 所属長 records the 面談', async ({ login, portal, page }) => {
  await login('staff');
  await portal.goto('/self-declaration');
  await expect(page.getByRole('heading', { level: 1, name: '自己申告' })).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  await page.getByRole('link', { name: DEMO_ROUND }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'あなたの自己申告' })).toBeVisible();
  const roundId = /self-declaration\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
  expect(roundId).not.toBe('');
  await page.getByLabel('現在の職務について').fill('窓口業務で市民対応の経験を積んだ。');
  await page.getByLabel('今後希望する職務').fill('企画部門で政策立案に携わりたい。');
  // desired next work from the organisation's units and job families
  await page.getByLabel('所属を選ぶ').selectOption({ label: '総務局（全体）' });
  await page.getByRole('button', { name: '希望に加える' }).click();
  await expect(page.getByRole('button', { name: '総務局を希望から外す' })).toBeVisible();
  await page.getByRole('checkbox', { name: '土木', exact: true }).check();
  await page.getByRole('checkbox', { name: /DX・デジタル推進/ }).check();
  await page.getByLabel('介護・育児').fill('親の通院の付き添いがある。');
  await expect(page.getByText(/\d+ *\/ *1,?000/).first()).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  await page.getByRole('button', { name: '提出する' }).click();
  await expect(page.getByRole('status')).toContainText('提出しました');
  await expect(page.getByText('提出済み').first()).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);

  await page.context().clearCookies();
  await login('supervisor');
  await portal.goto('/team/self-declarations');
  await expect(page.getByRole('heading', { level: 1, name: '自己申告と所属長面談' })).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  // other browser tests may have opened rounds of their own: follow the demo year's round
  await expect(page.getByRole('link', { name: '若林 翼' })).toBeVisible();
  const rounds = page.getByLabel('自己申告の回');
  if (await rounds.isVisible()) await rounds.selectOption(roundId);
  await page.locator(`a[href^="/team/self-declarations/${roundId}/"]`, { hasText: '若林 翼' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '若林 翼さんの自己申告' })).toBeVisible();
  await expect(page.getByText('親の通院の付き添いがある。')).toBeVisible();
  await expect(page.getByText('土木', { exact: true })).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  // the 面談 date (today unless changed) reads the day back in 和暦
  await expect(page.getByLabel('面談日')).toHaveAccessibleDescription(/^令和(元|\d+)年\d+月\d+日$/);
  await page.getByLabel('所属長の意見').fill('企画業務への意欲が高い。来年度の配置で考慮したい。');
  await page.getByRole('button', { name: '面談を記録する' }).click();
  await expect(page.getByRole('status')).toContainText('面談を記録しました');
  await expect(page.getByText('面談済み').first()).toBeVisible();

  await page.context().clearCookies();
  await login('staff');
  await portal.goto('/self-declaration');
  await page.getByRole('link', { name: DEMO_ROUND }).click();
  await expect(page.getByText('企画業務への意欲が高い。来年度の配置で考慮したい。')).toBeVisible();
});

test('HR follows a round by 局・区 and confirms before exporting 配慮事項', async ({
  login,
  portal,
  page,
}) => {
  await login('hr');
  await portal.goto('/self-declaration-rounds');
  await expect(page.getByRole('heading', { level: 1, name: '自己申告の進み具合と出力' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: '合計' }).first()).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  await page.getByRole('button', { name: '配慮事項を含めて出力…' }).first().click();
  const dialog = page.getByRole('alertdialog', { name: '配慮事項を含めて出力しますか？' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('link', { name: '配慮事項を含めてExcelで出力' })).toHaveAttribute(
    'href',
    /sensitive=true/,
  );
  await portal.expectNoSeriousA11yViolations();
  await dialog.getByRole('button', { name: 'やめる' }).click();
  await expect(dialog).toBeHidden();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
});

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

  test('a changed 自己申告 asks before leaving; its draft on this device never holds the 配慮事項', async ({
    login,
    portal,
    page,
  }) => {
    await login('staffOther');
    await portal.goto('/self-declaration');
    await page
      .getByRole('link', { name: /自己申告/ })
      .last()
      .click();
    const reflection = page.getByLabel('現在の職務について');
    await expect(reflection).toBeEnabled();
    const text = `庶務の経験を積んだ ${Date.now()}`;
    const secret = '下書きに残らない配慮（端末テスト）';
    await reflection.fill(text);
    await page.getByLabel('健康').fill(secret);
    await expect(page.getByText('配慮事項は、この端末に残す下書きには含めません')).toBeVisible();

    let asked = '';
    page.once('dialog', async (dialog) => {
      asked = dialog.message();
      await dialog.dismiss();
    });
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '研修' })
      .click();
    await expect.poll(() => asked).toContain('保存していない変更があります');
    await expect(reflection).toHaveValue(text);

    const stored = () =>
      page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('portal.draft.') && k.includes('self-declaration'))
          .map((k) => localStorage.getItem(k) ?? '')
          .join(''),
      );
    await expect.poll(stored).toContain(text);
    expect(await stored()).not.toContain(secret);

    // the session ends; signed in again, the text comes back from this device, the 配慮事項 do not
    const url = page.url();
    await page.context().clearCookies();
    await login('staffOther', { fresh: true });
    const again = await page.context().newPage();
    await again.goto(url);
    const offer = again.getByRole('region', { name: '下書き' });
    await offer.getByRole('button', { name: '下書きを復元する' }).click();
    await expect(again.getByLabel('現在の職務について')).toHaveValue(text);
    await expect(again.getByLabel('健康')).not.toHaveValue(secret);
    await page.close({ runBeforeUnload: false });
  });
});

test('HR finds who is due for a rotation and opens their experience map', async ({ login, portal, page }) => {
  await login('hr');
  await portal.goto('/rotation-finder');
  await expect(page.getByRole('heading', { level: 1, name: '異動候補の検索' })).toBeVisible();
  await expect(page.getByText('過去10年で2局・区未満の職員')).toBeVisible();
  const rows = page.getByRole('table', { name: '異動候補の検索' }).getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);

  // nobody served in fewer than one 局・区: the empty state says what to do
  await page.getByLabel('局・区の数（未満）').fill('1');
  await page.getByRole('button', { name: '検索する' }).click();
  await expect(page.getByText('条件に合う職員はいません')).toBeVisible();

  await page.getByLabel('局・区の数（未満）').fill('2');
  await page.getByLabel('現在の局・区').selectOption({ label: '青葉区' });
  await page.getByRole('button', { name: '検索する' }).click();
  const first = page.getByRole('link', { name: /さんのキャリアと経験マップ/ }).first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/\/staff\/[0-9a-f-]+\/career$/);
});
