import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// HR builds and opens a round, a member of staff answers it on a phone, and HR sees results only
// where at least k people answered.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

type Round = { id: string; title: { ja: string }; status: string };

async function rounds(page: Page): Promise<Round[]> {
  const res = await page.request.get('/api/surveys?pageSize=100');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Round[] }).items;
}

const TITLE = '青葉区 冬のパルス調査';

test('HR builds a round from the bank and opens it', async ({ login, page, portal }) => {
  await login('hr');
  await portal.goto('/surveys');
  await page.getByRole('link', { name: '新しい実施回を作成' }).click();
  await portal.waitForContent();
  await page.getByLabel('名称（日本語）').fill(TITLE);
  await page.getByLabel('名称（英語）').fill('Aoba winter pulse');
  await page.getByLabel('回答締切日').fill('2199-03-31');
  await page.getByText(/^局・区（\d+件選択）$/).click();
  await page.getByRole('checkbox', { name: '青葉区' }).check();
  await page.getByRole('checkbox', { name: /誇りを持って仕事に取り組んでいる/ }).check();
  await page.getByRole('checkbox', { name: /今の職場を親しい人に勧めたい/ }).check();
  await page.getByRole('checkbox', { name: /ご意見をお聞かせください/ }).check();
  await page.getByRole('button', { name: '下書きとして作成' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '実施回の編集' })).toBeVisible();
  await expect(page.getByText('下書き', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '回答の受付を開始' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '回答の受付を開始' }).click();
  await expect(page.getByText('回答受付中', { exact: true })).toBeVisible();
  // Reminders go to those who have not answered; HR learns only how many
  await page.getByRole('button', { name: 'リマインドを送る' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'リマインドを送る' }).click();
  await expect(page.getByText(/\d+人にリマインドを送りました。/)).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('staff answer in a few taps, save, come back and submit once', async ({ login, page, portal }) => {
    await login('staff');
    await portal.goto('/surveys');
    const card = page.getByRole('listitem').filter({ hasText: TITLE });
    await card.getByRole('link', { name: '回答する' }).click();
    await portal.waitForContent();
    await page.getByText('ややそう思う').click();
    await page.getByRole('button', { name: '一時保存' }).click();
    await expect(page.getByText('一時保存しました。')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('radio', { name: 'ややそう思う' })).toBeChecked();
    await page
      .getByRole('group', { name: /親しい人に勧めたい/ })
      .getByText('8', { exact: true })
      .click();
    await page.getByRole('textbox').fill('相談しやすい職場です。');
    await expect(page.getByText('3問中 3問に回答')).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await portal.expectNoSeriousA11yViolations();
    await page.getByRole('button', { name: '回答を送信' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '送信する' }).click();
    await expect(page.getByText('ご回答ありがとうございました。')).toBeVisible();
    // Nobody reads it back as theirs, the person included
    await page.reload();
    await expect(page.getByText('ご回答ありがとうございました。')).toBeVisible();
    await expect(page.getByRole('radio')).toHaveCount(0);
  });
});

test('HR sees results only where k is reached', async ({ login, page, portal }) => {
  await login('hr');
  const all = await rounds(page);
  const mine = all.find((r) => r.title.ja === TITLE);
  const spring = all.find((r) => r.title.ja.includes('春のパルス調査'));
  expect(mine && spring).toBeTruthy();
  // The open round shows no figures yet; closed with one answer, it shows none either
  await portal.goto(`/surveys/${mine?.id}/results`);
  await expect(page.getByText(/結果は回答期間の終了後に表示されます/)).toBeVisible();
  await portal.goto(`/surveys/${mine?.id}/edit`);
  await page.getByRole('button', { name: '回答を締め切る' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '回答を締め切る' }).click();
  await expect(page.getByText('終了', { exact: true })).toBeVisible();
  await portal.goto(`/surveys/${mine?.id}/results`);
  await expect(page.getByText('非表示（回答者が基準人数未満）').first()).toBeVisible();
  await expect(page.getByRole('table', { name: '区分 × 目指す職員像のスコア' })).toHaveCount(0);
  // The spring round: figures by 局・区 with the hidden groups explained beside them
  await portal.goto(`/surveys/${spring?.id}/results?groupBy=bureau`);
  const heatmap = page.getByRole('table', { name: '区分 × 目指す職員像のスコア' });
  await expect(heatmap).toBeVisible();
  await expect(heatmap.getByRole('row').nth(1)).toContainText(/\d/);
  await expect(page.getByText(/最小集計人数は5人です/).first()).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  const csv = await page.request.get(`/api/surveys/${spring?.id}/results/export?groupBy=bureau&format=csv`);
  expect(csv.status()).toBe(200);
});
