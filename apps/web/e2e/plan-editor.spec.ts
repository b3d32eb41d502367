import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// HR edits the plan: creates an item and a KPI. A create whose answer is lost is sent again with the
// same Idempotency-Key, and the plan holds the record once.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const PERIOD = '第2期 人材育成推進計画';
const ITEM = '窓口職員の接遇研修の全庁展開';
const KPI = '接遇研修の受講者数';

/**
 * Lets the first matching request reach the server, then drops its answer (the browser sees a network
 * failure); later requests pass. Returns the Idempotency-Key of every request that was sent.
 */
async function loseFirstAnswer(page: Page, url: RegExp) {
  const keys: (string | undefined)[] = [];
  await page.route(url, async (route: Route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    keys.push(route.request().headers()['idempotency-key']);
    if (keys.length === 1) {
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  return keys;
}

test('a plan item created again after a lost answer exists once', async ({ login, portal, page }) => {
  await login('hr');
  await portal.goto('/plan');
  await portal.main.getByRole('link', { name: PERIOD }).click();
  await portal.waitForContent();

  const keys = await loseFirstAnswer(page, /\/api\/plan-periods\/[^/]+\/items$/);
  await portal.main.getByRole('button', { name: '計画項目を追加' }).first().click();
  await portal.main.getByLabel('計画項目名（日本語）').fill(ITEM);
  const create = portal.main.getByRole('button', { name: '作成して編集する' });
  await create.click();
  await expect(portal.main.getByRole('alert')).toContainText('通信できませんでした');

  await create.click();
  await expect(portal.main.getByRole('heading', { level: 1, name: ITEM })).toBeVisible();
  expect(keys).toHaveLength(2);
  expect(keys[0]).toBeTruthy();
  expect(keys[1]).toBe(keys[0]);

  await portal.main.getByRole('link', { name: `${PERIOD}へ戻る` }).click();
  await portal.waitForContent();
  await expect(portal.main.getByRole('link', { name: ITEM, exact: true })).toHaveCount(1);
  await portal.expectNoSeriousA11yViolations();
});

test('a KPI created again after a lost answer exists once', async ({ login, portal, page }) => {
  await login('hr');
  await portal.goto('/plan');
  await portal.main.getByRole('link', { name: PERIOD }).click();
  await portal.waitForContent();
  await portal.main.getByRole('link', { name: ITEM, exact: true }).click();
  await expect(portal.main.getByRole('heading', { level: 1, name: ITEM })).toBeVisible();

  const keys = await loseFirstAnswer(page, /\/api\/plan-items\/[^/]+\/kpis$/);
  await portal.main.getByRole('button', { name: 'KPIを追加' }).click();
  await portal.main.getByLabel('名称（日本語）').fill(KPI);
  await portal.main.getByLabel('単位').fill('人');
  const create = portal.main.getByRole('button', { name: 'KPIを作成' });
  await create.click();
  await expect(portal.main.getByRole('alert')).toContainText('通信できませんでした');

  await create.click();
  await expect(portal.main.getByRole('article', { name: KPI })).toBeVisible();
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);

  await page.reload();
  await portal.waitForContent();
  await expect(portal.main.getByRole('article', { name: KPI })).toHaveCount(1);
  // the history dates its changes in 和暦, as the rest of the portal does
  await expect(portal.main.getByRole('list', { name: '変更履歴' })).toContainText(
    /令和\d+年\d+月\d+日 \d{2}:\d{2}/,
  );
});

test('HR adds a survey score as a computed KPI; the plan shows the 年度 figure', async ({
  login,
  portal,
}) => {
  await login('hr');
  await portal.goto('/plan');
  await portal.main.getByRole('link', { name: PERIOD }).click();
  await portal.waitForContent();
  // A demo item of its own, so that the test holds alone too
  const item = '職種・分野別研修の体系化';
  await portal.main.getByRole('link', { name: item, exact: true }).click();
  await expect(portal.main.getByRole('heading', { level: 1, name: item })).toBeVisible();

  const name = '職員像③のエンゲージメント';
  await portal.main.getByRole('button', { name: 'KPIを追加' }).click();
  await portal.main.getByLabel('名称（日本語）').fill(name);
  await portal.main.getByLabel('実績の把握方法').selectOption('computed');
  await portal.main.getByLabel('集計する指標').selectOption('survey_staff_image_score');
  await expect(portal.main.getByLabel('単位')).toHaveValue('点');
  await portal.main
    .getByRole('combobox', { name: '目指す職員像', exact: true })
    .selectOption({ label: '多様な主体と協働する職員' });
  await portal.main.getByRole('button', { name: 'KPIを作成' }).click();

  const kpi = portal.main.getByRole('article', { name });
  await expect(kpi).toBeVisible();
  await expect(kpi).toContainText(
    'エンゲージメント調査：目指す職員像のスコア（0〜100点）：多様な主体と協働する職員',
  );
  // The demo's spring round reaches k city-wide: this 年度 shows a computed score, not a dash
  const fy = await kpi.getByRole('row').last().getByRole('cell').nth(1).textContent();
  expect(fy).toMatch(/^\d+(\.\d+)? 点\s*\(自動集計\)$/);
  await portal.expectNoSeriousA11yViolations();
});
