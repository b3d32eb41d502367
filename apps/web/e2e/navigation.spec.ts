import { expect, policyPages, test } from './fixtures.ts';

// Every page but /sign-in needs a session: sign in as demo-staff (職員) first.
test.beforeEach(async ({ login }) => {
  await login('staff');
});

test.describe('keyboard and landmarks', () => {
  test('the skip link jumps to the main content', async ({ portal, page }) => {
    await portal.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '本文へ移動' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('the primary navigation works with the keyboard alone', async ({ portal, page }) => {
    await portal.goto('/');
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    // The policy pages, in order; other pages follow by role (identity.spec.ts)
    await expect(nav.getByRole('link')).toContainText([
      'ホーム',
      '目指す職員像',
      '重点取組方針',
      '施策分野別取組',
      '推進体制',
      '各主体の役割・責務',
    ]);
    await expect(nav.getByRole('link', { name: 'ホーム' })).toHaveAttribute('aria-current', 'page');

    // Tab from the top of the page until the 推進体制 link has focus, then follow it (the header's
    // controls and the pages of the role come first).
    const target = nav.getByRole('link', { name: '推進体制' });
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(target).toBeFocused();
    const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/policy\/promotion$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('推進体制');
    await expect(target).toHaveAttribute('aria-current', 'page');
    // Focus moves to the new content, so the next Tab starts there.
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('headings descend in order on every policy page', async ({ portal, page }) => {
    for (const { path } of policyPages) {
      await portal.goto(path);
      const levels = await page
        .locator('main')
        .locator('h1, h2, h3, h4, h5, h6')
        .evaluateAll((els) => els.map((el) => Number(el.tagName.slice(1))));
      expect(levels[0], path).toBe(1);
      for (let i = 1; i < levels.length; i++) {
        expect((levels[i] ?? 0) - (levels[i - 1] ?? 0), `${path}: ${levels.join(',')}`).toBeLessThanOrEqual(
          1,
        );
      }
    }
  });
});

test.describe('small screens (360px)', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the navigation collapses into a menu button', async ({ portal, page }) => {
    await portal.goto('/');
    const menu = page.getByRole('button', { name: 'メニュー' });
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeVisible();
    await nav.getByRole('link', { name: '施策分野別取組' }).click();
    await expect(page).toHaveURL(/\/policy\/initiatives$/);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await portal.waitForContent();

    // Nothing is wider than the screen.
    for (const path of ['/', '/policy/initiatives', '/policy/promotion']) {
      await portal.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  test('Escape closes the menu', async ({ portal, page }) => {
    await portal.goto('/');
    const menu = page.getByRole('button', { name: 'メニュー' });
    await menu.click();
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link').first().focus();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
  });
});

test.describe('phones (375px)', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('the header is one compact row; its menu opens, works and closes by keyboard', async ({
    portal,
    page,
  }) => {
    await portal.goto('/');
    const banner = page.getByRole('banner');
    const menu = banner.getByRole('button', { name: 'メニュー' });
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    for (const language of ['ja', 'en'] as const) {
      if (language === 'en') await portal.switchLanguage('en');
      const height = await banner.evaluate((el) => el.getBoundingClientRect().height);
      expect(height, language).toBeLessThanOrEqual(100);
      await expect(banner.getByTestId('notification-bell')).toBeVisible();
    }
    await portal.switchLanguage('ja');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
    await expect(banner.getByRole('button', { name: 'サインアウト' })).toBeHidden();

    // Tab to the menu button and open it with Enter: the navigation, the person and the language
    // switch are in it.
    await portal.goto('/');
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await menu.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(menu).toBeFocused();
    const controls = await menu.getAttribute('aria-controls');
    expect(controls).toBeTruthy();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeVisible();
    await expect(page.locator(`[id="${controls}"]`)).toBeVisible();
    await expect(banner.getByTestId('signed-in-user')).toBeVisible();
    await expect(banner.getByRole('button', { name: 'サインアウト' })).toBeVisible();
    await expect(banner.getByRole('button', { name: 'English', exact: true })).toBeVisible();
    await portal.expectNoSeriousA11yViolations();

    // Escape closes it and gives focus back to the button.
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await expect(nav).toBeHidden();

    // A link followed from the keyboard goes to its page and closes the menu.
    await page.keyboard.press('Enter');
    const target = nav.getByRole('link', { name: '推進体制' });
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(target).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/policy\/promotion$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('推進体制');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('main')).toBeFocused();
  });
});
