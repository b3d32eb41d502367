import { demoUsers, expect, test } from './fixtures.ts';

/**
 * Single sign-on through the real OpenID provider that the e2e server runs beside the portal: its
 * own login page (any password) and consent page, then the portal session; sign-out ends both.
 */
test.describe('single sign-on', () => {
  test('signs in through the provider’s own pages and signs out of both', async ({ portal, page }) => {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: '組織のアカウントでサインイン' }).click();

    // the provider's login page, then its consent page
    await page.locator('input[name=login]').fill('demo-supervisor');
    await page.locator('input[name=password]').fill('any password');
    await page.locator('button[type=submit]').click();
    await page.locator('button[type=submit]').click();

    await expect(page).toHaveURL(/\/$/);
    await portal.waitForContent();
    await expect(page.getByRole('banner').getByText(demoUsers.supervisor.name.ja)).toBeVisible();

    await page.getByRole('banner').getByRole('button', { name: 'サインアウト' }).click();
    // the provider asks to confirm ending its own session, then sends the browser back
    await page.locator('button[autofocus], button[type=submit]').first().click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('someone the directory knows but the roster does not sees why, in Japanese', async ({ page }) => {
    await page.goto('/api/auth/oidc/login');
    await page.locator('input[name=login]').fill('not-on-the-roster');
    await page.locator('input[name=password]').fill('any password');
    await page.locator('button[type=submit]').click();
    await page.locator('button[type=submit]').click();
    await expect(page).toHaveURL(/\/sign-in\/sso-error\?reason=not_on_roster$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('サインインできませんでした');
    await expect(page.getByTestId('sso-error-reason')).toContainText('職員名簿に該当する職員がいません');
  });
});
