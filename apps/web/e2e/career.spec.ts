import { demoUsers, expect, test } from './fixtures.ts';

/**
 * Career paths as the staff member and their supervisor use them: the staff member writes and submits
 * this year's career plan (carried forward from last year's), the supervisor asks for changes, and the
 * staff member sees the comment; a save from a second tab meets the first one's 409 without losing
 * text; self-development with a request for support that the supervisor declines with a reason. In
 * Japanese and English, on a phone too, without serious accessibility violations.
 */

const goal = `窓口で制度を自信を持って説明できるようになる ${Date.now()}`;
const comment = `中期目標に、どの分野を経験したいかを書き足してください ${Date.now()}`;

test.describe
  .serial('career plan', () => {
    test('the staff member writes and submits this year’s plan', async ({ login, portal, page }) => {
      await login('staff');
      await portal.goto('/career');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('わたしのキャリア');
      await expect(page.getByTestId('my-figures')).toBeVisible();
      // last year's plan was carried forward as this year's draft
      await expect(page.getByText(/のキャリアプランを引き継いだ下書きです/)).toBeVisible();
      await expect(page.getByLabel('短期目標（今年度）')).not.toHaveValue('');

      await page.getByLabel('短期目標（今年度）').fill(goal);
      const pride = page.getByTestId('assessment-pride');
      await pride.locator('label', { hasText: /^4/ }).click();
      await expect(pride.getByText('できている', { exact: true })).toBeVisible();
      // long texts show how much of their limit is used instead of being cut silently
      await pride.getByLabel('理由・具体例').fill('窓口での説明を工夫した');
      await expect(pride.getByLabel('理由・具体例')).toHaveAccessibleDescription('11 / 1,000文字');
      await page.getByRole('button', { name: '経験したいことを追加' }).click();
      await page.getByLabel('3件目の種類').selectOption('secondment');
      await page.getByLabel('3件目の内容').fill('国の省庁への派遣');
      await expect(page.getByLabel('3件目の内容')).toHaveAccessibleDescription('8 / 500文字');
      await portal.expectNoSeriousA11yViolations();

      await page.getByRole('button', { name: '保存して上司に提出' }).click();
      await expect(page.getByRole('status')).toHaveText('上司に提出しました。');
      await expect(page.locator('[data-status="submitted"]').first()).toBeVisible();
      await expect(page.getByRole('button', { name: '上司に提出', exact: true })).toBeDisabled();
    });

    test('the supervisor asks for changes from their home figures', async ({ login, portal, page }) => {
      await login('supervisor');
      await portal.goto('/career');
      const awaiting = page.getByTestId('awaiting-me');
      await awaiting
        .getByRole('link', { name: `${demoUsers.staff.name.ja}さんのキャリアプランにコメントする` })
        .click();
      await portal.waitForContent();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        `${demoUsers.staff.name.ja}さんのキャリア`,
      );
      await expect(page.getByTestId('plan-view')).toContainText(goal);
      // read-only for the supervisor: no plan form
      await expect(page.getByRole('form', { name: 'キャリアプランの入力' })).toHaveCount(0);
      await portal.expectNoSeriousA11yViolations();

      await page.getByLabel('コメント', { exact: true }).fill(comment);
      await page.getByLabel('修正を依頼する').check();
      await page.getByRole('button', { name: 'コメントを送る' }).click();
      await expect(page.getByRole('status')).toHaveText('修正を依頼しました。');
      await expect(page.getByTestId('plan-comments')).toContainText(comment);
      await expect(page.locator('[data-status="changes_requested"]').first()).toBeVisible();
    });

    test('the staff member sees the comment, in Japanese and in English', async ({ login, portal, page }) => {
      await login('staff');
      await portal.goto('/career#plan');
      const comments = page.getByTestId('plan-comments');
      await expect(comments).toContainText(comment);
      await expect(comments).toContainText(demoUsers.supervisor.name.ja);
      await expect(comments).toContainText('修正依頼');
      await expect(page.getByText('上司から修正の依頼があります。')).toBeVisible();

      await portal.switchLanguage('en');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('My career');
      await expect(page.getByTestId('plan-comments')).toContainText(demoUsers.supervisor.name.en);
      await expect(page.getByTestId('plan-comments')).toContainText('Changes requested');
      await portal.expectNoSeriousA11yViolations();
      await portal.switchLanguage('ja');
    });

    test('a save from a stale tab is refused, and the typed text is kept', async ({
      login,
      portal,
      page,
    }) => {
      await login('staff');
      await portal.goto('/career');
      const other = await page.context().newPage();
      await other.goto('/career');
      await expect(other.getByLabel('中期目標（3年程度）')).toBeVisible();

      await page.getByLabel('中期目標（3年程度）').fill('先に保存した中期目標');
      await page.getByRole('button', { name: '下書きを保存' }).click();
      await expect(page.getByRole('status')).toHaveText('下書きを保存しました。');

      const mine = 'もう一つの画面で書いた中期目標（消えてはいけない）';
      await other.getByLabel('中期目標（3年程度）').fill(mine);
      await other.getByRole('button', { name: '下書きを保存' }).click();
      const conflict = other.getByTestId('plan-conflict');
      await expect(conflict).toContainText('ほかの画面で先に保存されました');
      await expect(conflict).toContainText(demoUsers.staff.name.ja);
      await conflict.getByRole('button', { name: /最新の版を読み込む/ }).click();
      await expect(other.getByLabel('中期目標（3年程度）')).toHaveValue('先に保存した中期目標');
      await expect(other.getByTestId('unsaved-text')).toContainText(mine);
      await other.close();
    });
  });

test.describe
  .serial('self-development', () => {
    const title = `政策法務 通信講座 ${Date.now()}`;

    test('the staff member records a course and asks for a fee subsidy', async ({ login, portal, page }) => {
      await login('staff');
      await portal.goto('/career#self-development');
      await page.getByRole('button', { name: '自己啓発を記録する' }).click();
      await page.locator('label', { hasText: '通信講座' }).click();
      await page.getByLabel('名称（資格名・講座名など）').fill(title);
      await page.getByLabel('実施団体・試験団体').fill('自治研修協会');
      await page.getByLabel('学習時間（時間）').fill('40');
      await page.getByLabel('開始日').fill('2026-04-01');
      await expect(page.getByTestId('date-reading')).toHaveText('令和8年4月1日');
      await page.getByRole('checkbox', { name: '職員の自己啓発支援' }).check();
      await page.getByLabel('受講料の補助などの支援を上司に申請する').check();
      await page.getByLabel('申請する支援の内容').fill('受講料の半額の補助をお願いします。');
      await page.getByLabel('金額（円・任意）').fill('18000');
      await portal.expectNoSeriousA11yViolations();
      await page.getByRole('button', { name: '記録する', exact: true }).click();
      await expect(page.getByRole('status')).toHaveText('記録しました。');
      const card = page.getByTestId('self-development-record').filter({ hasText: title });
      await expect(card).toContainText('支援を申請中');
      await expect(card).toContainText('18,000円');
      await expect(card.getByRole('link', { name: /職員の自己啓発支援/ })).toHaveAttribute(
        'href',
        '/policy/initiatives#initiative-1-5',
      );
    });

    test('the supervisor declines with a reason; the timeline shows the record', async ({
      login,
      portal,
      page,
    }) => {
      await login('supervisor');
      await portal.goto('/career');
      await page
        .getByTestId('awaiting-me')
        .getByRole('link', { name: `${demoUsers.staff.name.ja}さんの自己啓発の支援申請を判断する` })
        .click();
      await portal.waitForContent();
      const card = page.getByTestId('self-development-record').filter({ hasText: title });
      await card.getByLabel('承認しない').check();
      await card.getByRole('button', { name: '判断を送る' }).click();
      await expect(card.getByText('承認しない理由を入力してください。')).toBeVisible();
      await card.getByLabel('理由（承認しない場合は必須）').fill('今年度の予算枠を超えるため');
      await card.getByRole('button', { name: '判断を送る' }).click();
      await expect(page.getByTestId('announcer')).toHaveText(/支援の申請を承認しませんでした。/);
      await expect(card).toContainText('支援不承認');
      await expect(card).toContainText('理由：今年度の予算枠を超えるため');

      await page.getByRole('link', { name: 'これまでの歩み' }).click();
      await page.getByLabel('種類').selectOption('self_development');
      await expect(page.getByTestId('timeline').first()).toContainText(title);
      await portal.expectNoSeriousA11yViolations();
    });
  });

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the career path and the timeline read well, in both languages', async ({ login, portal, page }) => {
    await login('staff');
    await portal.goto('/career#path');
    await expect(page.getByRole('heading', { level: 2, name: 'キャリアパス' })).toBeVisible();
    await expect(page.getByTestId('career-ladder').locator('[aria-current="step"]')).toContainText('主事');
    // the experience map: the 局・区, fields and grades served, with years
    await expect(page.getByRole('heading', { level: 3, name: '経験マップ' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 4, name: '局・区' })).toBeVisible();
    await expect(page.getByText(/在職 [\d.]+ 年/)).toBeVisible();
    await portal.expectNoSeriousA11yViolations();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    await page.getByRole('link', { name: 'これまでの歩み' }).click();
    await expect(page.getByTestId('timeline').first()).toBeVisible();
    await expect(page.getByText(/令和\d+年度/).first()).toBeVisible();
    await portal.switchLanguage('en');
    await expect(page.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
    await portal.expectNoSeriousA11yViolations();
    await portal.switchLanguage('ja');
  });

  test('someone outside the person’s scope finds nothing', async ({ login, portal, page }) => {
    await login('staff');
    const staffId = ((await (await page.request.get('/api/me')).json()) as { staff: { id: string } }).staff
      .id;
    await page.context().clearCookies();
    await login('staffOther');
    await portal.goto(`/staff/${staffId}/career#self-development`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('職員が見つかりません');
    await portal.expectNoSeriousA11yViolations();
  });
});
