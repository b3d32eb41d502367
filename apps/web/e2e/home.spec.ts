import { type DemoRole, demoUsers, expect, type Language, test } from './fixtures.ts';

/** The actions each role sees on the start page, as link names and where they lead. */
const actions: Partial<Record<DemoRole, Array<{ name: RegExp; href: RegExp }>>> = {
  supervisor: [
    { name: /^OJTを記録する$/, href: /^\/ojt\/new$/ },
    { name: /^チームの状況$/, href: /^\/team$/ },
    {
      name: /^研修の申請を承認する\s*、\s*(承認待ち \d+件|承認待ちはありません)$/,
      href: /^\/training\/approvals$/,
    },
    { name: /^キャリアプランを書く$/, href: /^\/career#plan$/ },
    { name: /^受けたOJTを確認する\s*、\s*(未確認 \d+件|未確認はありません)$/, href: /^\/ojt(\?pending=1)?$/ },
    { name: /^研修を探す$/, href: /^\/training$/ },
  ],
  staff: [
    { name: /^キャリアプランを書く$/, href: /^\/career#plan$/ },
    { name: /^受けたOJTを確認する\s*、\s*(未確認 \d+件|未確認はありません)$/, href: /^\/ojt(\?pending=1)?$/ },
    { name: /^研修を探す$/, href: /^\/training$/ },
  ],
};

for (const role of ['supervisor', 'staff'] as const) {
  test.describe(`the start page of ${demoUsers[role].loginId}`, () => {
    test.beforeEach(async ({ login }) => {
      await login(role);
    });

    test('welcomes them with their actions, what waits, and their figures; the policy follows', async ({
      portal,
      page,
    }) => {
      await portal.goto('/');
      const main = portal.main;
      // The page is still the policy overview: its title is the page's one h1.
      await expect(main.getByRole('heading', { level: 1 })).toHaveText('仙台市人材育成基本方針');
      await expect(
        main.getByRole('heading', { level: 2, name: `ようこそ、${demoUsers[role].name.ja}さん` }),
      ).toBeVisible();

      const list = main.getByRole('region', { name: '次にすること' });
      const expected = actions[role] ?? [];
      // The counts come in after the links: wait until every count is there.
      await expect(list.getByTestId(/^count-/)).toHaveCount(role === 'supervisor' ? 2 : 1);
      const links = list.getByRole('link');
      await expect(links).toHaveCount(expected.length);
      for (const [i, { name, href }] of expected.entries()) {
        await expect(links.nth(i)).toHaveAccessibleName(name);
        await expect(links.nth(i)).toHaveAttribute('href', href);
      }
      if (role === 'staff') {
        await expect(main.getByRole('link', { name: 'OJTを記録する' })).toHaveCount(0);
        await expect(main.getByRole('link', { name: /研修の申請を承認する/ })).toHaveCount(0);
      }

      // My figures (GET /api/dashboards/me), this 年度
      await expect(main.getByRole('heading', { level: 2, name: /令和\d+年度のわたしの状況/ })).toBeVisible();
      await expect(main.getByTestId('my-figures')).toBeVisible();
      // …and the policy overview below it, unchanged.
      await expect(main.getByTestId('policy-period')).toHaveText('令和3〜12年度（10年間）');

      // The first action leads to its page.
      await links.first().click();
      await expect(page).toHaveURL(role === 'supervisor' ? /\/ojt\/new$/ : /\/career#plan$/);
      await portal.waitForContent();
    });

    for (const language of ['ja', 'en'] as Language[]) {
      test(`has no serious WCAG 2.1 AA violations (${language})`, async ({ portal }) => {
        await portal.goto('/');
        if (language === 'en') {
          await portal.switchLanguage('en');
          await expect(
            portal.main.getByRole('heading', { level: 2, name: `Welcome, ${demoUsers[role].name.en}` }),
          ).toBeVisible();
          await expect(portal.main.getByRole('region', { name: 'Next actions' })).toBeVisible();
        }
        await expect(portal.main.getByTestId('my-figures')).toBeVisible();
        await portal.waitForContent();
        await portal.expectNoSeriousA11yViolations();
      });
    }
  });
}

test.describe('small screens (360px)', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the start page of a supervisor fits the screen', async ({ login, portal, page }) => {
    await login('supervisor');
    await portal.goto('/');
    await expect(portal.main.getByTestId('my-figures')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
