import { expect, test } from './fixtures.ts';

/**
 * Pages for a role that a person does not hold show why instead of the editor, from the permissions
 * `/api/me` lists (the API's own role map); headings never skip a level on the lists and dashboards.
 */
test('staff on an HR page see that it is not theirs, not the editor', async ({ login, portal, page }) => {
  await login('staff');
  for (const path of [
    '/audit',
    '/roster-import',
    '/master-data',
    '/training/new',
    '/training/acceptance',
    '/dashboards/rollout',
  ]) {
    await portal.goto(path);
    await expect(portal.main.getByRole('heading', { level: 1 })).toHaveText(
      'このページを開く権限がありません',
    );
    await expect(portal.main.getByRole('form')).toHaveCount(0);
    await expect(portal.main.getByRole('textbox')).toHaveCount(0);
    await expect(portal.main.getByRole('link', { name: 'ホームへ戻る' })).toBeVisible();
  }
  await portal.expectNoSeriousA11yViolations();
  await portal.switchLanguage('en');
  await expect(portal.main.getByRole('heading', { level: 1 })).toHaveText(
    'You do not have access to this page',
  );
  await expect(page).toHaveTitle(/You do not have access to this page/);
  await portal.switchLanguage('ja');
});

test('HR still opens them', async ({ login, portal }) => {
  await login('hr');
  for (const [path, h1] of [
    ['/audit', '操作記録'],
    ['/training/acceptance', /受付/],
  ] as const) {
    await portal.goto(path);
    await expect(portal.main.getByRole('heading', { level: 1 })).toHaveText(h1);
  }
});

test('application lists and the rollout dashboard keep their headings in order', async ({
  login,
  portal,
  page,
}) => {
  test.setTimeout(150_000);
  await login('staff');
  await portal.goto('/training/applications');
  await portal.expectHeadingsInOrder();
  await page.context().clearCookies();
  await login('supervisor');
  await portal.goto('/training/approvals');
  await portal.expectHeadingsInOrder();
  await page.context().clearCookies();
  await login('hr');
  for (const path of ['/training/acceptance', '/dashboards/rollout', '/audit']) {
    await portal.goto(path);
    await portal.expectHeadingsInOrder();
  }
});
