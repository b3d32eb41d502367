import { expect, test } from './fixtures.ts';

// One story across roles, in order: HR edits the plan, the executive sees it on the dashboard.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const ITEM = 'OJT計画とOJT記録の全職場での定着';
const EDITED = `${ITEM}（改訂版）`;
const KPI = 'OJT推進者研修の受講者数';

test('HR edits a plan item and enters a KPI actual', async ({ login, portal, page }) => {
  await login('hr');
  await portal.goto('/plan');
  await portal.expectNoSeriousA11yViolations();
  await portal.main.getByRole('link', { name: '第2期 人材育成推進計画' }).click();
  await portal.waitForContent();
  await portal.expectNoSeriousA11yViolations();
  await portal.main.getByRole('link', { name: ITEM }).click();
  await expect(portal.main.getByRole('heading', { level: 1, name: ITEM })).toBeVisible();

  const form = portal.main.getByRole('form', { name: '計画項目の編集' });
  await form.getByLabel('計画項目名（日本語）').fill(EDITED);
  await form.getByLabel('状況').selectOption('done');
  await form.getByRole('button', { name: '計画項目を保存' }).click();
  await expect(portal.main.getByRole('heading', { level: 1, name: EDITED })).toBeVisible();
  await expect(portal.main.getByText('保存しました。')).toBeVisible();

  const actual = portal.main.getByRole('form', { name: `${KPI}の実績を入力` });
  await expect(actual.getByLabel('年度')).toHaveValue('2026');
  await actual.getByLabel('実績値（人）').fill('205');
  await actual.getByLabel('備考').fill('上半期の集計');
  await actual.getByRole('button', { name: '実績を保存' }).click();
  await expect(actual.getByText('実績を保存しました。')).toBeVisible();
  const kpi = portal.main.getByRole('article', { name: KPI });
  await expect(kpi.getByRole('row', { name: /令和8年度/ })).toContainText('205 人');

  // the history shows both changes, readably
  const history = portal.main.getByRole('list', { name: '変更履歴' });
  await expect(history.getByText(`実績を入力: ${KPI} · 令和8年度`)).toBeVisible();
  await expect(history.getByText(EDITED, { exact: true })).toBeVisible();
  await expect(history.getByText('完了', { exact: true })).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  await page.context().clearCookies();
});

test('the executive sees the change on the rollout dashboard and drills down to a ward', async ({
  login,
  portal,
  page,
}) => {
  await login('exec');
  await page.goto('/dashboards');
  await expect(page).toHaveURL(/\/dashboards\/rollout$/);
  await portal.waitForContent();
  await expect(
    portal.main.getByRole('heading', { level: 1, name: '人材育成推進ダッシュボード' }),
  ).toBeVisible();
  await expect(portal.main.getByRole('combobox', { name: '年度', exact: true })).toHaveValue('2026');
  await expect(
    portal.main.getByRole('combobox', { name: '年度', exact: true }).locator('option[value="2026"]'),
  ).toHaveText('令和8年度 (2026)');

  const kpiRow = portal.main
    .getByRole('table', { name: 'KPIの目標と実績' })
    .getByRole('row', { name: new RegExp(KPI) });
  await expect(kpiRow).toContainText('205 人');
  const initiatives = portal.main.getByRole('table', { name: '施策別の進捗' });
  await expect(initiatives).toContainText(new RegExp(`${EDITED}\\s*（完了）`));
  // OJT linked to initiatives, by initiative and by 重点取組方針 tag
  await expect(initiatives.getByRole('columnheader', { name: 'OJT回数' })).toBeVisible();
  const tags = portal.main.getByRole('table', { name: '重点取組方針別の取組' });
  await expect(tags.getByRole('columnheader', { name: 'OJT時間（時間）' })).toBeVisible();
  await expect(portal.main.getByRole('link', { name: 'CSV: 重点取組方針別の取組' })).toHaveAttribute(
    'href',
    /table=tags/,
  );
  // every table downloads as CSV and Excel
  await expect(portal.main.getByRole('link', { name: 'CSV: 局・区別の状況' })).toHaveAttribute(
    'href',
    /format=csv&.*table=units/,
  );
  const download = page.waitForEvent('download');
  await portal.main.getByRole('link', { name: 'Excel: KPIの目標と実績' }).click();
  expect((await download).suggestedFilename()).toBe('rollout-2026-kpis.xlsx');
  await portal.expectNoSeriousA11yViolations();

  // an earlier 年度 through the picker
  await portal.main.getByRole('combobox', { name: '年度', exact: true }).selectOption('2025');
  await expect(page).toHaveURL(/fy=2025/);
  await expect(portal.main.getByText(/第2期.*令和7年度 \(2025\)/)).toBeVisible();

  await portal.main.getByRole('combobox', { name: '年度', exact: true }).selectOption('2026');
  await portal.main.locator('[data-drill="aoba"]').click();
  await expect(portal.main.getByRole('heading', { level: 1, name: '青葉区のダッシュボード' })).toBeVisible();
  await portal.waitForContent();
  const children = portal.main.getByRole('table', { name: '組織別の状況' });
  await expect(children.getByRole('link', { name: '区民部' })).toBeVisible();
  await children.getByRole('link', { name: '区民部' }).click();
  await expect(portal.main.getByRole('heading', { level: 1, name: '区民部のダッシュボード' })).toBeVisible();
  await expect(
    portal.main.getByRole('navigation', { name: '組織の階層' }).getByRole('link', { name: '青葉区' }),
  ).toBeVisible();
  await expect(
    portal.main.getByRole('table', { name: '組織別の状況' }).getByRole('link', { name: '戸籍住民課' }),
  ).toBeVisible();
  await expect(
    portal.main.getByRole('table', { name: '重点取組方針別のOJT' }).getByRole('rowheader').first(),
  ).toBeVisible();
  await portal.expectNoSeriousA11yViolations();

  await portal.goto('/dashboards/rollout/print?fy=2026');
  await expect(
    portal.main.getByRole('heading', { level: 1, name: '人材育成推進計画 令和8年度 実績報告' }),
  ).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  await page.context().clearCookies();
});

test('a bureau officer lands on their own bureau and cannot open another', async ({
  login,
  portal,
  page,
}) => {
  await login('bureau');
  await page.goto('/dashboards');
  await expect(portal.main.getByRole('heading', { level: 1, name: '総務局のダッシュボード' })).toBeVisible();
  await portal.waitForContent();
  await expect(portal.main.getByRole('link', { name: '全庁', exact: true })).toHaveCount(0);
  await portal.expectNoSeriousA11yViolations();
  const other = await page.request.get('/api/dashboards/rollout');
  expect(other.status()).toBe(403);
  await page.context().clearCookies();
});
