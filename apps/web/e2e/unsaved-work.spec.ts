import { expect, test } from './fixtures.ts';

// Unsaved work is not lost silently: leaving a changed career plan asks first, and the text typed
// survives a session that ended, as a draft on this device offered after signing in again.
test('a changed career plan asks before leaving and survives a new sign-in as a draft', async ({
  login,
  portal,
  page,
}) => {
  await login('staffOther');
  await portal.goto('/career');
  const goal = page.getByLabel('短期目標（今年度）');
  await expect(goal).toBeVisible();
  const text = `文書事務を一人で任されるようになる ${Date.now()}`;
  await goal.fill(text);

  let asked = '';
  page.once('dialog', async (dialog) => {
    asked = dialog.message();
    await dialog.dismiss();
  });
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '研修' }).click();
  await expect.poll(() => asked).toContain('保存していない変更があります');
  await expect(page).toHaveURL(/\/career$/);
  await expect(goal).toHaveValue(text);

  // the session ends (idle timeout); the person signs in again and opens the plan
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('portal.draft.'))))
    .toBe(true);
  await page.context().clearCookies();
  await login('staffOther', { fresh: true });
  const again = await page.context().newPage();
  await again.goto('/career');
  const offer = again.getByRole('region', { name: '下書き' });
  await expect(offer).toContainText('この端末に保存された下書きがあります');
  await offer.getByRole('button', { name: '下書きを復元する' }).click();
  await expect(again.getByLabel('短期目標（今年度）')).toHaveValue(text);
  await expect(offer).toHaveCount(0);
  await page.close({ runBeforeUnload: false });
});
