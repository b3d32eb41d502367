import { type DemoRole, demoUsers, expect, test } from './fixtures.ts';

/** The identity pages in the main menu, by the role that should (and should not) see them. */
const identityNav = {
  directory: '職員名簿',
  org: '組織',
  audit: '操作記録',
  roster: '名簿の取込',
} as const;
type NavKey = keyof typeof identityNav;

const sees: Record<DemoRole, NavKey[]> = {
  staff: ['directory', 'org'],
  supervisor: ['directory', 'org'],
  staffOther: ['directory', 'org'],
  bureau: ['directory', 'org'],
  hr: ['directory', 'org', 'audit', 'roster'],
  exec: ['directory', 'org'],
};

test.describe('navigation by role', () => {
  for (const role of Object.keys(sees) as DemoRole[]) {
    test(`${demoUsers[role].loginId} sees the pages of their role, and not the others`, async ({
      login,
      portal,
      page,
    }) => {
      await login(role);
      await portal.goto('/');
      const nav = page.getByRole('navigation', { name: 'メインメニュー' });
      for (const key of Object.keys(identityNav) as NavKey[]) {
        const link = nav.getByRole('link', { name: identityNav[key], exact: true });
        await expect(link, `${role}: ${key}`).toHaveCount(sees[role].includes(key) ? 1 : 0);
      }
    });
  }

  test('a page outside the role says so instead of showing it', async ({ login, portal, page }) => {
    await login('staff');
    for (const path of ['/audit', '/roster-import']) {
      await page.goto(path);
      await expect(portal.main.getByRole('heading', { level: 1 })).toHaveText(
        'このページを開く権限がありません',
      );
      await expect(portal.main.getByLabel('名簿ファイル')).toHaveCount(0);
      await expect(portal.main.getByRole('table')).toHaveCount(0);
    }
  });
});

test.describe('staff directory, scoped by the API', () => {
  const rows = (page: import('@playwright/test').Page) => page.getByRole('main').locator('tbody tr');

  test('demo-staff sees only themselves', async ({ login, portal, page }) => {
    await login('staff');
    await portal.goto('/staff');
    await expect(portal.main.getByText('1人中 1〜1人目を表示しています。')).toBeVisible();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('若林 翼');
    await expect(portal.main.getByRole('navigation', { name: 'ページ送り' })).toHaveCount(0);
  });

  test('demo-supervisor sees their team (戸籍係), and no one of another bureau', async ({
    login,
    portal,
    page,
  }) => {
    await login('supervisor');
    await portal.goto('/staff');
    await expect(portal.main.getByText(/^\d+人中 1〜\d+人目を表示しています。$/)).toBeVisible();
    const names = await rows(page).locator('td:first-child a').allTextContents();
    expect(names).toContain('若林 翼');
    expect(names).toContain('青木 直子');
    expect(names).not.toContain('東 奈々');
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const unit of await rows(page).locator('td:nth-child(3)').allTextContents()) {
      expect(unit).toBe('青葉区 区民部 戸籍住民課 戸籍係');
    }
    await portal.expectNoSeriousA11yViolations();
  });

  test('demo-bureau sees the people of 総務局', async ({ login, portal, page }) => {
    await login('bureau');
    await portal.goto('/staff');
    await expect(portal.main.getByText(/^\d+人中 1〜20人目を表示しています。$/)).toBeVisible();
    for (const unit of await rows(page).locator('td:nth-child(3)').allTextContents()) {
      expect(unit.startsWith('総務局')).toBe(true);
    }
    // Page 2 by the keyboard: still 総務局.
    const next = portal.main.getByRole('button', { name: '次のページ' });
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(portal.main.getByText(/^\d+人中 21〜\d+人目を表示しています。$/)).toBeVisible();
    for (const unit of await rows(page).locator('td:nth-child(3)').allTextContents()) {
      expect(unit.startsWith('総務局')).toBe(true);
    }
    // Someone of 青葉区 is not among them.
    await portal.main.getByLabel('氏名・カナ・職員番号').fill('ワカバヤシ');
    await expect(portal.main.getByText('該当する職員はいません。')).toBeVisible();
  });

  test('HR searches by kana, opens the person, and the URL keeps the search', async ({
    login,
    portal,
    page,
  }) => {
    await login('hr');
    await portal.goto('/staff');
    await portal.main.getByLabel('氏名・カナ・職員番号').fill('ワカバヤシ');
    await expect(page).toHaveURL(/\/staff\?q=%E3%83%AF%E3%82%AB%E3%83%90%E3%83%A4%E3%82%B7$/);
    await expect(portal.main.getByText('1人中 1〜1人目を表示しています。')).toBeVisible();
    await portal.main.getByRole('link', { name: '若林 翼' }).click();

    await expect(page).toHaveURL(/\/staff\/[0-9a-f-]{36}$/);
    await expect(portal.main.getByRole('heading', { level: 1 })).toHaveText('若林 翼');
    await expect(portal.main.getByText('ワカバヤシ ツバサ').first()).toBeVisible();
    const history = portal.main.getByRole('table', { name: '若林 翼さんの配属履歴' });
    await expect(history.locator('tbody tr')).toHaveCount(2);
    await expect(history).toContainText('令和6年4月1日〜令和8年3月31日');
    await expect(portal.main.getByRole('heading', { level: 2, name: '上司' })).toBeVisible();
    await expect(portal.main.getByText('青木 直子')).toBeVisible();
    await expect(portal.main.getByRole('button', { name: 'アカウントを無効にする' })).toBeVisible();
    await portal.expectNoSeriousA11yViolations();

    await page.goBack();
    await expect(portal.main.getByLabel('氏名・カナ・職員番号')).toHaveValue('ワカバヤシ');
  });

  test('a person outside the scope is "not found or not visible"', async ({ login, portal, page }) => {
    await login('hr');
    await portal.goto('/staff?q=%E3%82%A2%E3%82%BA%E3%83%9E');
    const href = await portal.main.getByRole('link', { name: '東 奈々' }).getAttribute('href');
    await login('staff');
    await page.goto(href ?? '/staff/x');
    await expect(portal.main.getByRole('heading', { level: 1 })).toHaveText('職員が見つかりません');
    await expect(portal.main.getByRole('link', { name: '職員名簿へ戻る' })).toBeVisible();
    await portal.expectNoSeriousA11yViolations();
  });
});

test.describe('organisation tree', () => {
  test('opens with the keyboard and links a unit to its staff', async ({ login, portal, page }) => {
    await login('staff');
    await portal.goto('/org');
    const tree = portal.main.getByRole('tree', { name: '組織図' });
    const somu = tree.getByRole('treeitem', { name: /^総務局/ });
    await expect(somu).toHaveAttribute('aria-expanded', 'false');

    // Tab into the tree: one tab stop, on the first unit.
    await portal.main.getByLabel('組織名で絞り込む').focus();
    await page.keyboard.press('Tab');
    await expect(somu).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(somu).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    const dept = tree.getByRole('treeitem', { name: /^総務部/ });
    await expect(dept).toBeFocused();
    await expect(dept).toHaveAttribute('aria-level', '2');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const division = tree.getByRole('treeitem', { name: /^総務課/ });
    await expect(division).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const section = tree.getByRole('treeitem', { name: /^庶務係/ });
    await expect(section).toBeFocused();
    await expect(section).toHaveAttribute('aria-level', '4');
    const outline = await section.evaluate(
      (el) => getComputedStyle(el.firstElementChild as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(section).toHaveAttribute('aria-selected', 'true');
    await expect(portal.main.getByRole('heading', { level: 2, name: '庶務係' })).toBeVisible();
    await portal.expectNoSeriousA11yViolations();

    await page.keyboard.press('ArrowLeft');
    await expect(division).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(division).toHaveAttribute('aria-expanded', 'false');

    await portal.main.getByRole('link', { name: '庶務係の職員を見る' }).click();
    await expect(page).toHaveURL(/\/staff\?unit=[0-9a-f-]{36}$/);
    await expect(portal.main.getByLabel('所属')).toHaveValue(/[0-9a-f-]{36}/);
  });

  test('filters the tree by name', async ({ login, portal }) => {
    await login('staff');
    await portal.goto('/org');
    await portal.main.getByLabel('組織名で絞り込む').fill('人材育成課');
    await expect(portal.main.getByText('1件の組織が見つかりました。')).toBeVisible();
    const tree = portal.main.getByRole('tree');
    await expect(tree.getByRole('treeitem', { name: /^人材育成課/ })).toBeVisible();
    await expect(tree.getByRole('treeitem', { name: /^青葉区/ })).toHaveCount(0);
    await portal.expectNoSeriousA11yViolations();
  });
});

test.describe('accessibility of the identity pages (ja, en)', () => {
  test.describe.configure({ mode: 'parallel' });
  for (const [name, path] of [
    ['directory', '/staff'],
    ['organisation', '/org'],
    ['audit log', '/audit'],
    ['roster import', '/roster-import'],
  ] as const) {
    test(`${name}`, async ({ login, portal }) => {
      await login('hr');
      await portal.goto(path);
      await portal.expectNoSeriousA11yViolationsInBothLanguages();
    });
  }
});
