import { expect, test } from './fixtures.ts';

// Every page but /sign-in needs a session: sign in as demo-staff (職員) first.
test.beforeEach(async ({ login }) => {
  await login('staff');
});

test.describe('tag filter on 施策分野別取組', () => {
  test('toggles tags, keeps them in the URL and announces the count', async ({ portal, page }) => {
    await portal.goto('/policy/initiatives');
    const main = portal.main;
    const filter = main.getByRole('group', { name: '重点取組方針のタグで絞り込む' });
    const count = main.locator('[aria-live="polite"]');
    await expect(count).toHaveText('全13件中13件の取組を表示しています。');

    const young = filter.getByRole('button', { name: '若手' });
    await young.click();
    await expect(young).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/\?tag=young$/);
    await expect(count).toHaveText('全13件中4件の取組を表示しています。');
    await expect(main.getByRole('heading', { level: 4 })).toHaveText([
      '①キャリア形成の支援',
      '④部門別・業務主管課による研修の拡充',
      '⑤職員の自己啓発支援',
      '④多様な経験を培う内外の交流推進',
    ]);
    // Area (3) has no initiative for young staff.
    await expect(main.getByRole('heading', { level: 2 })).toHaveCount(2);

    // Several tags narrow: 若手 and 総合力 together is ④ of area (2) only.
    await filter.getByRole('button', { name: '総合力' }).click();
    await expect(page).toHaveURL(/\?tag=young&tag=combined$/);
    await expect(count).toHaveText('全13件中1件の取組を表示しています。');
    await expect(main.getByRole('heading', { level: 4 })).toHaveText(['④多様な経験を培う内外の交流推進']);

    // 若手 and 職場: nothing carries both.
    await filter.getByRole('button', { name: '総合力' }).click();
    await filter.getByRole('button', { name: '職場' }).click();
    await expect(count).toHaveText('全13件中0件の取組を表示しています。');
    await expect(main.getByText(/選んだタグをすべて持つ取組はありません/)).toBeVisible();

    await filter.getByRole('button', { name: 'すべて表示' }).click();
    await expect(count).toHaveText('全13件中13件の取組を表示しています。');
    await expect(page).toHaveURL(/\/policy\/initiatives$/);
  });

  test('a link with ?tag= opens the filtered list, and tag chips filter too', async ({ portal, page }) => {
    await portal.goto('/policy/initiatives?tag=combined');
    await expect(portal.main.getByText('全13件中6件の取組を表示しています。')).toBeVisible();
    await portal.main
      .locator('[data-initiative="2-1"]')
      .getByRole('link', { name: /^総合力/ })
      .click();
    await expect(page).toHaveURL(/\?tag=combined$/);

    await portal.goto('/policy/initiatives');
    await portal.main.locator('[data-initiative="1-2"]').getByRole('link', { name: /^職場/ }).click();
    await expect(page).toHaveURL(/\?tag=workplace$/);
    await expect(portal.main.getByText('全13件中3件の取組を表示しています。')).toBeVisible();
  });
});
