import { DEMO_PASSWORD, type DemoRole, demoUsers, expect, test } from './fixtures.ts';

test.describe('signing in', () => {
  test('a visit without a session goes to sign-in, and back after signing in with the form', async ({
    portal,
    page,
  }) => {
    await page.goto('/policy/initiatives?tag=young');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fpolicy%2Finitiatives%3Ftag%3Dyoung$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('サインイン');
    await expect(page).toHaveTitle('サインイン | 人材育成ポータル');
    // Not an expired session: no such notice.
    await expect(page.getByText(/有効期限が切れた/)).toHaveCount(0);

    await page.getByLabel('ログインID').fill('demo-staff');
    await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'サインイン', exact: true }).click();

    await expect(page).toHaveURL(/\/policy\/initiatives\?tag=young$/);
    await portal.waitForContent();
    await expect(portal.main.getByText('全13件中4件の取組を表示しています。')).toBeVisible();
    await expect(page.getByRole('banner').getByText(demoUsers.staff.name.ja)).toBeVisible();
  });

  test('the demo box lists the accounts and fills the form', async ({ page }) => {
    await page.goto('/sign-in');
    const box = page.getByTestId('demo-accounts');
    await expect(box.getByRole('heading', { level: 2 })).toContainText('デモ用アカウント');
    await expect(box.getByText(DEMO_PASSWORD, { exact: true })).toBeVisible();
    await expect(box.getByRole('listitem')).toHaveCount(6);
    await box.getByRole('button', { name: 'demo-hr を入力する' }).click();
    await expect(page.getByLabel('ログインID')).toHaveValue('demo-hr');
    await expect(page.getByLabel('パスワード')).toHaveValue(DEMO_PASSWORD);

    await page.getByRole('banner').getByRole('button', { name: 'English', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
    await expect(box.getByRole('heading', { level: 2 })).toContainText('Demo accounts');
    await expect(box.getByRole('button', { name: 'Use demo-staff', exact: true })).toBeVisible();
  });

  test('a wrong password shows the translated error', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('ログインID').fill('demo-staff-other');
    await page.getByLabel('パスワード').fill('not-the-password');
    await page.getByRole('button', { name: 'サインイン', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(/ログインIDまたはパスワードが正しくありません/);
    await expect(page).toHaveURL(/\/sign-in$/);

    await page.getByRole('banner').getByRole('button', { name: 'English', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(/The login ID or password is incorrect/);
  });

  for (const role of Object.keys(demoUsers) as DemoRole[]) {
    test(`${demoUsers[role].loginId} sees their name in the header`, async ({ login, portal, page }) => {
      await login(role);
      await portal.goto('/');
      const banner = page.getByRole('banner');
      await expect(banner.getByTestId('signed-in-user')).toContainText(demoUsers[role].name.ja);
      await portal.switchLanguage('en');
      await expect(banner.getByTestId('signed-in-user')).toContainText(demoUsers[role].name.en);
      await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').first()).toHaveText(
        'Home',
      );
    });
  }
});

test.describe('signing out', () => {
  test('returns to sign-in, and a protected page then redirects', async ({ login, portal, page }) => {
    await login('staff', { fresh: true });
    await portal.goto('/policy/roles');
    await page.getByRole('banner').getByRole('button', { name: 'サインアウト' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('サインイン');

    await page.goto('/policy/promotion');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fpolicy%2Fpromotion$/);
  });

  test('a session that ends under the reader sends them to sign-in with a notice', async ({
    login,
    portal,
    page,
  }) => {
    await page.clock.install();
    await login('staff', { fresh: true });
    await portal.goto('/');
    // End the session behind the page's back, then let the cached policy go stale, so that the next
    // page asks the API again. The clock is set, not run forward: running it would fire the bell's
    // poll, which finds the ended session first and sends the reader to sign-in from where they are.
    expect((await page.request.post('/api/auth/logout')).status()).toBe(204);
    await page.clock.setSystemTime(new Date(Date.now() + 31 * 60_000));
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '推進体制' })
      .click();
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fpolicy%2Fpromotion&expired=1$/);
    await expect(page.getByRole('status')).toHaveText(/セッションの有効期限が切れた/);
  });
});

for (const language of ['ja', 'en'] as const) {
  test(`the sign-in page has no serious WCAG 2.1 AA violations (${language})`, async ({ portal, page }) => {
    await page.goto('/sign-in?expired=1');
    await expect(page.getByTestId('demo-accounts')).toBeVisible();
    if (language === 'en') await portal.switchLanguage('en');
    await portal.expectNoSeriousA11yViolations();
    // With an error shown, too.
    await page.getByLabel(language === 'ja' ? 'ログインID' : 'Login ID').fill('nobody');
    await page.getByLabel(language === 'ja' ? 'パスワード' : 'Password').fill('wrong');
    await page
      .getByRole('button', { name: language === 'ja' ? 'サインイン' : 'Sign in', exact: true })
      .click();
    await expect(page.getByRole('alert')).toBeVisible();
    await portal.expectNoSeriousA11yViolations();
  });
}
