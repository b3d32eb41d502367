import { expect, test } from './fixtures.ts';

const COLUMNS = [
  'employee_number',
  'name',
  'name_kana',
  'login_id',
  'job_family_code',
  'grade_code',
  'hire_date',
  'bureau_kind',
  'bureau_code',
  'bureau_name',
  'department_code',
  'department_name',
  'division_code',
  'division_name',
  'section_code',
  'section_name',
  'starts_on',
];

/** A roster row for a new 主事 of 財政局 財政部 財政課 予算係. */
const row = (employeeNumber: string, name: string, kana: string, over: Record<string, string> = {}) => {
  const values: Record<string, string> = {
    employee_number: employeeNumber,
    name,
    name_kana: kana,
    login_id: `e2e.${employeeNumber.toLowerCase()}`,
    job_family_code: 'jimu',
    grade_code: 'shuji',
    hire_date: '2026-04-01',
    bureau_kind: 'bureau',
    bureau_code: 'zaisei',
    bureau_name: '財政局',
    department_code: 'zaisei-1',
    department_name: '財政部',
    division_code: 'zaisei-1-1',
    division_name: '財政課',
    section_code: 'zaisei-1-1-1',
    section_name: '予算係',
    starts_on: '2026-04-01',
    ...over,
  };
  return COLUMNS.map((c) => values[c] ?? '').join(',');
};
const csv = (...rows: string[]) => Buffer.from([COLUMNS.join(','), ...rows].join('\r\n'));

test.beforeEach(async ({ login }) => {
  await login('hr');
});

test('HR previews a roster with a bad row, then a good one, and applies it', async ({ portal, page }) => {
  await portal.goto('/roster-import');
  const file = portal.main.getByLabel('名簿ファイル');
  const apply = portal.main.getByRole('button', { name: 'この内容で反映する' });

  await file.setInputFiles({
    name: 'roster-bad.csv',
    mimeType: 'text/csv',
    buffer: csv(
      row('E2E0001', '試験 一郎', 'シケン イチロウ'),
      row('E2E0002', '試験 二郎', 'シケン ジロウ', { grade_code: 'no-such-grade' }),
    ),
  });
  await portal.main.getByRole('button', { name: '内容を確認する' }).click();
  await expect(portal.main.getByRole('heading', { level: 2, name: '確認結果' })).toBeFocused();
  await expect(portal.main.getByTestId('total-invalid')).toHaveText('1');
  const errors = portal.main.getByRole('table', { name: '誤りのある行と項目、その理由' });
  await expect(errors.locator('tbody tr')).toHaveCount(1);
  await expect(errors.locator('tbody tr').first()).toContainText('3行目');
  await expect(errors.locator('tbody tr').first()).toContainText('職位コード');
  await expect(errors.locator('tbody tr').first()).toContainText(
    '職位コード no-such-grade の職位はありません。',
  );
  await expect(apply).toBeDisabled();
  await expect(portal.main.getByText(/誤りが1件あるため反映できません/)).toBeVisible();
  await portal.expectNoSeriousA11yViolations();

  await file.setInputFiles({
    name: 'roster-good.csv',
    mimeType: 'text/csv',
    buffer: csv(row('E2E0001', '試験 一郎', 'シケン イチロウ'), row('E2E0002', '試験 二郎', 'シケン ジロウ')),
  });
  await portal.main.getByRole('button', { name: '内容を確認する' }).click();
  await expect(portal.main.getByTestId('total-invalid')).toHaveText('0');
  await expect(portal.main.getByTestId('total-create')).toHaveText('2');
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(portal.main.getByText('roster-good.csv を反映しました。')).toBeVisible();
  await expect(portal.main.getByText('職員：新規 2人、変更 0人、変更なし 0人')).toBeVisible();
  await expect(apply).toBeDisabled();
  await portal.expectNoSeriousA11yViolations();

  // The new people are in the directory, in their unit.
  await portal.goto('/staff?q=%E3%82%B7%E3%82%B1%E3%83%B3');
  await expect(portal.main.getByText('2人中 1〜2人目を表示しています。')).toBeVisible();
  await expect(portal.main.locator('tbody tr').first()).toContainText('財政局 財政部 財政課 予算係');

  // And the import is in the audit log.
  await portal.goto('/audit?action=roster.import');
  const entry = portal.main.getByRole('list', { name: '操作記録' }).getByRole('listitem').first();
  await expect(entry).toContainText('職員名簿の取込');
  await expect(entry).toContainText('森 早紀');
  await entry.getByRole('button', { name: /変更内容を表示/ }).click();
  await expect(entry.getByRole('table', { name: '変更された項目' })).toContainText('roster-good.csv');
  await expect(page).toHaveURL(/action=roster.import/);
});

test('HR opens the audit log and filters it by action and by actor', async ({ portal, page }) => {
  await portal.goto('/audit');
  await expect(portal.main.getByRole('heading', { level: 1 })).toHaveText('操作記録');
  const list = portal.main.getByRole('list', { name: '操作記録' });
  // Every sign-in of the test run is there; the newest first.
  await expect(list.getByRole('listitem').first()).toBeVisible();
  await expect(portal.main.getByText(/件を表示しています。/)).toBeVisible();
  await portal.expectNoSeriousA11yViolations();

  // The period's days read back in 和暦; a start after the end marks both and says why.
  await portal.main.getByLabel('開始日', { exact: true }).fill('2026-04-02');
  await expect(portal.main.getByLabel('開始日', { exact: true })).toHaveAccessibleDescription(
    '令和8年4月2日',
  );
  await portal.main.getByLabel('終了日', { exact: true }).fill('2026-04-01');
  await expect(portal.main.getByLabel('終了日', { exact: true })).toHaveAccessibleDescription(
    '令和8年4月1日 終了日は開始日以降の日付にしてください。',
  );
  await expect(portal.main.getByLabel('開始日', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await portal.main.getByLabel('開始日', { exact: true }).fill('');
  await portal.main.getByLabel('終了日', { exact: true }).fill('');
  await portal.main.getByLabel('操作', { exact: true }).selectOption({ label: 'サインイン' });
  await portal.main.getByRole('button', { name: '絞り込む' }).click();
  await expect(page).toHaveURL(/\/audit\?action=auth.login$/);
  await expect(list.getByRole('listitem').first()).toBeVisible();
  for (const text of await list.getByRole('listitem').allTextContents()) {
    expect(text).toContain('サインイン');
    expect(text).not.toContain('auth.login');
  }
  // The same entries as a file.
  const download = page.waitForEvent('download');
  await portal.main.getByRole('link', { name: 'CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^audit-log_\d{4}-\d{2}-\d{2}\.csv$/);

  // Only one actor: from an entry that has one (a failed sign-in of an unknown person has none).
  await list
    .getByRole('button', { name: /の操作だけを表示/ })
    .first()
    .click();
  await expect(page).toHaveURL(/actor=[0-9a-f-]{36}/);
  await expect(portal.main.getByText(/^操作者：.+ の記録だけを表示しています。$/)).toBeVisible();
  await portal.main.getByRole('button', { name: '操作者の絞り込みを解除' }).click();
  await expect(page).not.toHaveURL(/actor=/);
  await portal.expectNoSeriousA11yViolations();
});

test('HR disables an account with confirmation, sees it in the audit log, and enables it again', async ({
  portal,
  page,
}) => {
  // Not a demo account: other tests sign in with those meanwhile.
  await portal.goto('/staff?q=100010');
  await portal.main.locator('tbody tr').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/staff\/[0-9a-f-]{36}$/);
  await portal.waitForContent();
  const name = (await portal.main.getByRole('heading', { level: 1 }).textContent()) ?? '';
  expect(name).not.toBe('');
  await portal.main.getByRole('button', { name: 'アカウントを無効にする' }).click();
  await expect(
    portal.main.getByText(`${name}さんのアカウントを無効にします`, { exact: false }),
  ).toBeFocused();
  await portal.main.getByRole('button', { name: 'やめる' }).click();
  await expect(portal.main.getByRole('button', { name: 'アカウントを無効にする' })).toBeFocused();

  await portal.main.getByRole('button', { name: 'アカウントを無効にする' }).click();
  await portal.main.getByRole('button', { name: '無効にする', exact: true }).click();
  await expect(portal.main.getByText(`${name}さんのアカウントを無効にしました。`)).toBeVisible();
  await expect(portal.main.getByTestId('account-state')).toHaveText('無効');
  await portal.expectNoSeriousA11yViolations();

  await portal.main.getByRole('link', { name: 'この職員に関する操作記録' }).click();
  const entry = portal.main.getByRole('list', { name: '操作記録' }).getByRole('listitem').first();
  await expect(entry).toContainText('アカウントの無効化');
  await entry.getByRole('button', { name: '変更内容を表示（1項目）' }).click();
  const changes = entry.getByRole('table', { name: '変更された項目' });
  await expect(changes).toContainText('無効');
  await expect(changes).toContainText('はい');
  // The target by name, linking to the person's page; in English no code or JSON either.
  await expect(entry.getByRole('link', { name })).toHaveAttribute('href', /\/staff\/[0-9a-f-]{36}$/);
  await portal.switchLanguage('en');
  const inEnglish = portal.main.getByRole('list', { name: 'Audit entries' }).getByRole('listitem').first();
  await expect(inEnglish).toContainText('Account disabled');
  await expect(inEnglish.getByRole('table', { name: 'Changed fields' })).toContainText('Disabled');
  await expect(inEnglish).not.toContainText('staff.disable');
  await expect(inEnglish).not.toContainText('{');
  await portal.switchLanguage('ja');

  await page.goBack();
  await portal.main.getByRole('button', { name: 'アカウントを有効に戻す' }).click();
  await portal.main.getByRole('button', { name: '有効に戻す', exact: true }).click();
  await expect(portal.main.getByTestId('account-state')).toHaveText('有効');
});

test('HR ticks people without an account, checks the head count and saves their invitation letters', async ({
  portal,
  page,
}) => {
  await portal.goto('/staff?account=none');
  await portal.waitForContent();
  const rows = portal.main.locator('tbody tr');
  await expect(rows.first().getByTestId('account-state')).toHaveText('アカウントなし');
  const names: string[] = [];
  for (const index of [0, 1]) {
    const row = rows.nth(index);
    names.push((await row.getByRole('link').textContent()) ?? '');
    await row.getByRole('checkbox').check();
  }
  await portal.main.getByText('チェックした2人').click();
  await portal.main.getByText('招待状を印刷する（PDF）').click();
  await portal.main.getByRole('button', { name: '人数を確かめる' }).click();
  const confirm = portal.main.getByTestId('bulk-invite-confirm');
  await expect(confirm).toBeFocused();
  await expect(confirm).toContainText('2人に招待を作成し、招待状（PDF、2ページ）を保存します。');
  await portal.expectNoSeriousA11yViolations();

  const download = page.waitForEvent('download');
  await confirm.getByRole('button', { name: '2人を招待する' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('invitations.pdf');
  const bytes = await (await import('node:fs/promises')).readFile((await file.path()) ?? '');
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(portal.main.getByTestId('bulk-invite-result')).toContainText(
    '2人の招待を作成し、招待状（PDF）を保存しました。',
  );

  // the two now show as invited
  for (const name of names) {
    await portal.goto(`/staff?account=invited&q=${encodeURIComponent(name)}`);
    await portal.waitForContent();
    await expect(portal.main.getByRole('link', { name })).toBeVisible();
  }
});
