import { expect, test } from './fixtures.ts';

// Every page but /sign-in needs a session: sign in as demo-staff (職員) first.
test.beforeEach(async ({ login }) => {
  await login('staff');
});

test.describe('policy pages in Japanese', () => {
  test('the overview shows the policy, its period and plan periods', async ({ portal, page }) => {
    await portal.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    const main = portal.main;
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('仙台市人材育成基本方針');
    await expect(main.getByTestId('policy-revision')).toHaveText(/令和2年度.*改定/);
    await expect(main.getByText(/長期的な人材育成の基本的方向性を定める/)).toBeVisible();
    await expect(main.getByTestId('policy-period')).toHaveText('令和3〜12年度（10年間）');
    await expect(main.getByText('令和3〜5年度（3年間）', { exact: true })).toBeVisible();
    await expect(page).toHaveTitle('仙台市人材育成基本方針 | 人材育成ポータル');

    await main.getByRole('link', { name: /目指す職員像/ }).click();
    await expect(page).toHaveURL(/\/policy\/staff-images$/);
  });

  test('目指す職員像 lists the four images', async ({ portal }) => {
    await portal.goto('/policy/staff-images');
    await expect(portal.main.getByRole('heading', { level: 2 })).toHaveText([
      '誇りを胸に仕事に取り組む職員',
      '新しいことに果敢に挑戦する職員',
      '多様な主体と協働する職員',
      '互いの価値観を尊重して共に成長する職員',
    ]);
  });

  test('重点取組方針 shows each policy with its tag and ◇ focus items', async ({ portal, page }) => {
    await portal.goto('/policy/priorities');
    const headings = portal.main.getByRole('heading', { level: 2 });
    await expect(headings).toHaveText([
      /若手職員の人材育成/,
      /職場における人材育成/,
      /市役所の総合力を発揮するための人材育成/,
    ]);
    await expect(
      portal.main.getByText('職員育成の役割を担う管理監督者のマネジメント能力の向上'),
    ).toBeVisible();
    await expect(page.locator('main [data-tag]')).toHaveText([/^若手/, /^職場/, /^総合力/]);
    await portal.main.getByRole('link', { name: /「職場」の取組を見る/ }).click();
    await expect(page).toHaveURL(/\/policy\/initiatives\?tag=workplace$/);
  });

  test('施策分野別取組 shows the 3 areas and their 13 initiatives', async ({ portal }) => {
    await portal.goto('/policy/initiatives');
    const main = portal.main;
    await expect(main.getByRole('heading', { level: 2 })).toHaveText([
      /\(1\)\s*職員の主体的な成長を支援する研修・能力開発/,
      /\(2\)\s*計画的・効果的な人材マネジメント/,
      /\(3\)\s*能力を発揮できる職場環境づくり/,
    ]);
    await expect(main.getByText('全13件中13件の取組を表示しています。')).toBeVisible();
    for (const [index, count] of [5, 5, 3].entries()) {
      await expect(main.locator('section').nth(index).getByRole('heading', { level: 4 })).toHaveCount(count);
    }
    await expect(main.getByRole('heading', { level: 4, name: '①キャリア形成の支援' })).toBeVisible();
    await expect(main.getByRole('heading', { level: 4, name: '③業務効率化の推進' })).toBeVisible();
  });

  test('推進体制 shows the bodies and roles as a chart of nested lists', async ({ portal, page }) => {
    await portal.goto('/policy/promotion');
    const chart = portal.main.getByRole('list', { name: '推進体制の組織図' });
    await expect(chart.getByRole('heading', { level: 2 })).toHaveText([
      '人材育成推進本部',
      '人材育成推進連絡会',
    ]);
    const hq = chart
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: '人材育成推進本部' }) });
    await expect(hq.getByText('市長', { exact: true })).toBeVisible();
    await expect(hq.getByText('推進本部長／人材育成最高責任者')).toBeVisible();
    await expect(chart.getByText('局区統括人材育成推進員')).toBeVisible();
  });

  test('各主体の役割・責務 shows the four actors', async ({ portal }) => {
    await portal.goto('/policy/roles');
    await expect(portal.main.getByRole('heading', { level: 2 })).toHaveText([
      '職員',
      '管理監督者',
      '各局区等・部門',
      '人材育成部門',
    ]);
  });

  test('an unknown path shows the not-found page', async ({ page }) => {
    await page.goto('/policy/no-such-page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
    await page.getByRole('main').getByRole('link', { name: 'ホームへ戻る' }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});

test.describe('policy pages in English', () => {
  test('the language switch translates the UI and the data, and is remembered', async ({ portal, page }) => {
    await portal.goto('/policy/staff-images');
    await portal.switchLanguage('en');

    await expect(portal.main.getByRole('heading', { level: 1 })).toHaveText('Target staff images');
    await expect(page).toHaveTitle('Target staff images | Staff Development Portal');
    await expect(
      page.getByRole('banner').getByRole('link', { name: /Staff Development Portal/ }),
    ).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible();
    const images = portal.main.getByRole('heading', { level: 2 });
    await expect(images).toHaveCount(4);
    await expect(images.first()).not.toHaveText('誇りを胸に仕事に取り組む職員');
    await expect(page.getByRole('button', { name: 'English', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    // The choice survives a reload and a new page.
    await page.reload();
    await portal.waitForContent();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await portal.goto('/');
    await expect(portal.main.getByTestId('policy-period')).toHaveText('FY2021–2030 (10 years)');
    await expect(portal.main.getByText('FY2021–2023 (3 years)', { exact: true })).toBeVisible();

    for (const { path, h1 } of [
      { path: '/policy/priorities', h1: 'Priority policies' },
      { path: '/policy/initiatives', h1: 'Initiatives by area' },
      { path: '/policy/promotion', h1: 'Promotion structure' },
      { path: '/policy/roles', h1: 'Roles and responsibilities' },
    ]) {
      await portal.goto(path);
      await expect(portal.main.getByRole('heading', { level: 1 })).toHaveText(h1);
    }
    await expect(portal.main.getByRole('heading', { level: 2 })).toHaveCount(4);
    await expect(portal.main.getByText('管理監督者', { exact: true })).toHaveCount(0);

    await portal.switchLanguage('ja');
    await expect(portal.main.getByRole('heading', { level: 1 })).toHaveText('各主体の役割・責務');
  });

  test('the initiatives page counts in English', async ({ portal }) => {
    await portal.goto('/policy/initiatives?tag=young');
    await portal.switchLanguage('en');
    await expect(portal.main.getByText('Showing 4 of 13 initiatives.')).toBeVisible();
  });
});
