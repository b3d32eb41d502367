/**
 * HR sets up a 自己申告 round: a missing name is named on screen, a window that would open the round
 * now asks first and says who it is for, the round is created for a 局・区 and changed; a change made
 * elsewhere meanwhile is refused clearly and the latest version loads. Axe finds nothing serious.
 */
import { expect, test } from './fixtures.ts';

test('HR creates a 自己申告 round, changes it, and is told when it changed meanwhile', async ({
  login,
  portal,
  page,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  await login('hr');
  await portal.goto('/self-declaration-rounds/manage');
  await expect(page.getByRole('heading', { level: 1, name: '自己申告の回の設定' })).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  await page.getByRole('link', { name: '新しい回を作成' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '新しい回を作成' })).toBeVisible();

  // the name is required: the field says so
  const name = page.getByLabel('名称（日本語）');
  await name.fill('');
  await page.getByRole('button', { name: '作成する' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(page.getByText('入力してください。')).toBeVisible();
  await portal.expectNoSeriousA11yViolations();

  // a window from today opens the round on saving: it asks first, naming who it is for
  await name.fill(`自己申告 テスト ${stamp}`);
  await page.getByRole('button', { name: '作成する' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'この回を対象の職員に公開しますか？' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('対象: すべての局・区 ／ すべての職級');
  await portal.expectNoSeriousA11yViolations();
  await confirm.getByRole('button', { name: 'やめる' }).click();
  await expect(confirm).toBeHidden();

  // a later window, for one 局・区
  await page.getByLabel('年度（西暦）').fill('2098');
  await page.getByLabel('受付開始日').fill('2098-05-01');
  await page.getByLabel('受付終了日').fill('2098-05-31');
  await page.getByText('局・区（0件選択）').click();
  const population = page.getByRole('group', { name: '対象' });
  const firstBureau = population.getByRole('checkbox').first();
  const bureauName = ((await firstBureau.locator('xpath=..').textContent()) ?? '').trim();
  await firstBureau.check();
  await expect(population).toContainText(`対象: ${bureauName} ／ すべての職級`);
  await page.getByRole('button', { name: '作成する' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自己申告の回を編集' })).toBeVisible();
  await expect(page.getByText('受付前').first()).toBeVisible();
  await expect(page.getByLabel('名称（日本語）')).toHaveValue(`自己申告 テスト ${stamp}`);
  const id = /self-declaration-rounds\/([^/]+)\/edit/.exec(page.url())?.[1] ?? '';
  expect(id).not.toBe('');

  // edit it
  await page.getByLabel('受付終了日').fill('2098-06-30');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText('自己申告の回を保存しました。')).toBeVisible();
  await expect(page.getByLabel('受付終了日')).toHaveValue('2098-06-30');
  await portal.expectNoSeriousA11yViolations();

  // someone changes it elsewhere meanwhile: the save is refused clearly, and the latest loads
  await page.getByLabel('記入の案内').fill('古い版からの変更');
  const current = await (await page.request.get(`/api/self-declaration-rounds/${id}`)).json();
  const bump = await page.request.put(`/api/self-declaration-rounds/${id}`, {
    data: {
      fiscalYear: current.fiscalYear,
      title: { ja: `別の画面で変更 ${stamp}`, en: current.title.en },
      guidance: current.guidance,
      opensOn: current.opensOn,
      closesOn: current.closesOn,
      bureauIds: current.bureaus.map((b: { id: string }) => b.id),
      gradeIds: [],
      version: current.version,
    },
  });
  expect(bump.status()).toBe(200);
  await page.getByRole('button', { name: '保存する' }).click();
  const stale = page.getByRole('alert').filter({ hasText: 'ほかの場所で変更されました' });
  await expect(stale).toBeVisible();
  await expect(stale).toBeFocused();
  await stale.getByRole('button', { name: '最新の内容を読み込む' }).click();
  await expect(page.getByLabel('名称（日本語）')).toHaveValue(`別の画面で変更 ${stamp}`);
  await expect(page.getByLabel('記入の案内')).toHaveValue('');

  // the list shows it with its phase and population
  await page.getByRole('link', { name: '回の一覧へ戻る' }).click();
  const item = page.getByRole('listitem').filter({ hasText: `別の画面で変更 ${stamp}` });
  await expect(item).toContainText('受付前');
  await expect(item).toContainText(`対象: ${bureauName} ／ すべての職級`);
});

test('staff who are not HR get the not-permitted page for the round editor', async ({
  login,
  portal,
  page,
}) => {
  await login('staff');
  await portal.goto('/self-declaration-rounds/new');
  await expect(
    page.getByRole('heading', { level: 1, name: 'このページを開く権限がありません' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: '作成する' })).toHaveCount(0);
});

test('HR sees the head count change with the 局・区, adds a 公募 post and opens the round; staff see the post', async ({
  login,
  portal,
  page,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const post = `公募ポスト ${stamp}`;
  await login('hr');
  await portal.goto('/self-declaration-rounds/new');
  await expect(page.getByRole('heading', { level: 1, name: '新しい回を作成' })).toBeVisible();

  // the head count of everyone, then of one 局・区 (demo-staff's 青葉区)
  const count = page.getByTestId('population-count');
  await expect(count).toHaveText(/対象者: \d+人/);
  const everyone = Number(/(\d+)人/.exec((await count.textContent()) ?? '')?.[1]);
  await page.getByText('局・区（0件選択）').click();
  await page.getByRole('checkbox', { name: '青葉区', exact: true }).check();
  await expect(count).not.toHaveText(`対象者: ${everyone}人`);
  await expect(count).toHaveText(/対象者: \d+人/);
  const aoba = Number(/(\d+)人/.exec((await count.textContent()) ?? '')?.[1]);
  expect(aoba).toBeGreaterThan(0);
  expect(aoba).toBeLessThan(everyone);

  await page.getByLabel('名称（日本語）').fill(`公募つきの回 ${stamp}`);
  await page.getByLabel('受付終了日').fill('2099-03-31');
  await expect(page.getByText('令和81年3月31日')).toBeVisible();

  // a 公募 post: the new row's first field takes focus; its title is required
  await page.getByRole('button', { name: 'ポストを追加' }).click();
  const title = page.getByLabel('ポスト名（日本語）');
  await expect(title).toBeFocused();
  await page.getByRole('button', { name: '作成する' }).click();
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toBeFocused();
  await title.fill(post);
  await page.getByLabel('募集人数').fill('2');
  await portal.expectNoSeriousA11yViolations();

  // the round opens on saving: the confirmation names the head count
  await page.getByRole('button', { name: '作成する' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'この回を対象の職員に公開しますか？' });
  await expect(confirm).toContainText(`対象者: ${aoba}人`);
  await confirm.getByRole('button', { name: '公開して保存する' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自己申告の回を編集' })).toBeVisible();
  await expect(page.getByLabel('ポスト名（日本語）')).toHaveValue(post);
  const roundId = /self-declaration-rounds\/([^/]+)\/edit/.exec(page.url())?.[1] ?? '';
  expect(roundId).not.toBe('');
  await portal.expectNoSeriousA11yViolations();

  // a person of 青葉区 sees the post among the 公募 of their 自己申告
  await login('staff');
  await portal.goto(`/self-declaration/${roundId}`);
  await expect(page.getByRole('heading', { level: 2, name: 'あなたの自己申告' })).toBeVisible();
  await expect(
    page.getByRole('group', { name: /庁内公募/ }).getByRole('checkbox', { name: new RegExp(post) }),
  ).toBeVisible();
});
