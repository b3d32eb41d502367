import { expect, test } from './fixtures.ts';

/**
 * HR maintains the grade ladder and the job families: adds one (a missing name and a code in use are
 * refused by field), moves it with the keyboard's Up / Down buttons, retires it after a confirmation;
 * the course editor offers a new grade at once and a retired one no more. The grade and job family
 * made here are the test's own: the demo's ladder is left in its order.
 */
test('HR adds, reorders by keyboard, renames and retires grades and job families; course targeting follows', async ({
  login,
  page,
  portal,
}) => {
  await login('hr');
  await portal.goto('/master-data');
  const grades = page.getByRole('region', { name: '職位（低い順）' });
  const gradeList = grades.getByRole('list', { name: '職位（低い順）の一覧' });
  await expect(gradeList.getByRole('listitem').first()).toContainText('主事・技師');

  // a missing name, then a code in use: each said on its field, in Japanese
  const add = grades.getByRole('group', { name: '職位を追加' });
  await add.getByLabel('コード').fill('shuji');
  await add.getByRole('button', { name: '追加' }).click();
  await expect(add.getByLabel('名称（日本語）')).toHaveAttribute('aria-invalid', 'true');
  await expect(add.getByLabel('名称（日本語）')).toBeFocused();
  await expect(add).toContainText('入力してください。');
  await add.getByLabel('名称（日本語）').fill('参事補');
  await add.getByLabel('名称（英語）').fill('Assistant counsellor');
  await add.getByLabel('管理監督者の職位（係長級以上）').check();
  await add.getByRole('button', { name: '追加' }).click();
  await expect(add.getByLabel('コード')).toHaveAttribute('aria-invalid', 'true');
  await expect(add).toContainText('すでに使われています。');
  await add.getByLabel('コード').fill('e2e-sanji-ho');
  await add.getByRole('button', { name: '追加' }).click();
  await expect(grades).toContainText('「参事補」を追加しました。');
  const count = await gradeList.getByRole('listitem').count();
  await expect(gradeList.getByRole('listitem').last()).toContainText('参事補');
  await expect(gradeList.getByRole('listitem').last()).toContainText('管理監督者');

  // keyboard only: Up moves it one step and keeps the focus on the button; Down puts it back
  const up = grades.getByRole('button', { name: '参事補を上へ' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(grades).toContainText(`参事補を${count - 1}番目に移動しました。`);
  await expect(gradeList.getByRole('listitem').nth(count - 2)).toContainText('参事補');
  await expect(up).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(grades.getByRole('button', { name: '参事補を下へ' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(grades).toContainText(`参事補を${count}番目に移動しました。`);
  await expect(gradeList.getByRole('listitem').last()).toContainText('参事補');

  // the course editor offers it at once
  await portal.goto('/training/new');
  await expect(page.getByRole('checkbox', { name: '参事補' })).toBeVisible();

  // retired after a confirmation: still listed, marked, and no longer offered
  await portal.goto('/master-data');
  await grades.getByRole('button', { name: '参事補を廃止' }).click();
  await expect(grades).toContainText('「参事補」を廃止しますか。');
  await grades.getByRole('button', { name: '廃止', exact: true }).click();
  await expect(grades).toContainText('「参事補」を廃止しました。');
  await expect(gradeList.getByRole('listitem').last()).toContainText('廃止');
  await expect(grades.getByRole('button', { name: '参事補を再び使えるようにする' })).toBeVisible();
  await portal.goto('/training/new');
  await expect(page.getByRole('checkbox', { name: '主任' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '参事補' })).toHaveCount(0);

  // a job family: added at the end, renamed in both languages
  await portal.goto('/master-data');
  const jobs = page.getByRole('region', { name: '職種' });
  const addJob = jobs.getByRole('group', { name: '職種を追加' });
  await addJob.getByLabel('コード').fill('e2e-joho');
  await addJob.getByLabel('名称（日本語）').fill('情報');
  await addJob.getByLabel('名称（英語）').fill('IT');
  await addJob.getByRole('button', { name: '追加' }).click();
  await expect(jobs).toContainText('「情報」を追加しました。');
  await jobs.getByRole('button', { name: '情報を編集' }).click();
  const edit = jobs.getByRole('group', { name: '情報を編集' });
  await edit.getByLabel('名称（日本語）').fill('情報（ICT）');
  await edit.getByLabel('名称（英語）').fill('Information technology');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(jobs).toContainText('「情報（ICT）」を保存しました。');
  await expect(jobs.getByRole('list').getByRole('listitem').last()).toContainText('Information technology');
  await expect(jobs.getByRole('button', { name: '情報（ICT）を編集' })).toBeFocused();

  // the same page in English
  await portal.switchLanguage('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grades and job families');
  await expect(page.getByRole('button', { name: 'Move Assistant counsellor up' })).toBeVisible();
});
