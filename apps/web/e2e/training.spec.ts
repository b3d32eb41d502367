import { type APIRequestContext, request as playwrightRequest } from '@playwright/test';
import type { Training, TrainingSession } from '@portal/contracts';
import { DEMO_PASSWORD, demoUsers, expect, test } from './fixtures.ts';

/**
 * A training year as the people in it live it: a staff member finds a course and applies with a
 * reason, the supervisor approves from the inbox, HR accepts on the session roster, records
 * attendance and completion, and the completion shows on the person's career timeline — in Japanese
 * and English, without serious accessibility violations.
 */

const japanDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(d);

async function signedIn(baseURL: string, loginId: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.post('/api/auth/login', { data: { loginId, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

/** A course of HR's with a session later today that takes applications until today. */
async function courseWithSession(baseURL: string, title: string) {
  const hr = await signedIn(baseURL, demoUsers.hr.loginId);
  const fy = (() => {
    const [y, m] = japanDay(new Date()).split('-').map(Number);
    return (m ?? 4) >= 4 ? (y ?? 2026) : (y ?? 2026) - 1;
  })();
  const created = await hr.post('/api/trainings', {
    data: {
      title: { ja: title, en: `${title} (EN)` },
      description: {
        ja: '窓口での説明力を高める演習中心の研修です。',
        en: 'Exercises in explaining at the counter.',
      },
      kind: 'institute_elective',
      hours: 3,
      fiscalYears: [fy, fy + 1],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const course = (await created.json()) as Training;
  const start = new Date(Date.now() + 2 * 3600_000);
  const session = await hr.post(`/api/trainings/${course.id}/sessions`, {
    data: {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString(),
      venue: '仙台市職員研修所 第2研修室',
      capacity: 20,
      applicationDeadline: japanDay(new Date()),
    },
  });
  expect(session.status(), await session.text()).toBe(201);
  const made = (await session.json()) as TrainingSession;
  await hr.dispose();
  return { course, session: made };
}

test('apply → approve → accept → attend → completion on the timeline', async ({
  login,
  portal,
  page,
  baseURL,
}) => {
  test.slow();
  const title = `窓口説明力向上研修 ${Date.now()}`;
  const { course, session } = await courseWithSession(baseURL ?? '', title);

  // 1. the staff member finds the course by keyword and applies with a reason
  await login('staff');
  await portal.goto('/training');
  await expect(page.getByRole('heading', { name: 'あなたへのおすすめ' })).toBeVisible();
  await page.getByLabel('キーワード').fill(title);
  await page.getByLabel('キーワード').press('Enter');
  await expect(page).toHaveURL(/q=/);
  const card = page.getByRole('article').filter({ hasText: title });
  await expect(card).toHaveCount(1);
  await card.getByRole('link', { name: title }).click();
  await portal.waitForContent();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.getByRole('button', { name: '申し込む' }).click();
  const dialog = page.getByRole('dialog', { name: `${title}に申し込む` });
  await dialog.getByRole('button', { name: '申込を送る' }).click();
  await expect(dialog.getByText('申込理由を入力してください。')).toBeVisible();
  await dialog.getByLabel('申込理由').fill('窓口での説明をわかりやすくし、係内にも共有したいため。');
  await dialog.getByRole('button', { name: '申込を送る' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('申し込みました。上司の承認を待っています。')).toBeVisible();
  await expect(page.getByText('上司の承認待ち')).toBeVisible();
  await portal.expectNoSeriousA11yViolations();

  // 2. the supervisor approves it from the inbox
  await page.context().clearCookies();
  await login('supervisor');
  await portal.goto('/training/approvals');
  const pending = page.getByRole('article').filter({ hasText: title });
  await expect(pending).toContainText(demoUsers.staff.name.ja);
  await expect(pending).toContainText('窓口での説明をわかりやすくし');
  await portal.expectNoSeriousA11yViolations();
  await pending.getByLabel('理由・コメント').fill('ぜひ係内で共有してください。');
  await pending.getByRole('button', { name: '承認する' }).click();
  await expect(page.getByText(`${demoUsers.staff.name.ja}さんの申込を承認しました。`)).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: title })).toHaveCount(0);

  // 3. HR accepts on the session roster; once the session has begun (moved an hour back here),
  //    records attendance and completion
  const hr = await signedIn(baseURL ?? '', demoUsers.hr.loginId);
  const begun = new Date(Date.now() - 3600_000);
  const moved = await hr.put(`/api/training-sessions/${session.id}`, {
    data: {
      startsAt: begun.toISOString(),
      endsAt: new Date(begun.getTime() + 3 * 3600_000).toISOString(),
      venue: session.venue,
      capacity: session.capacity,
      // applications closed on the day it began (the day before, in the hour after midnight)
      applicationDeadline: japanDay(begun),
      version: session.version,
    },
  });
  expect(moved.status(), await moved.text()).toBe(200);
  await hr.dispose();
  await page.context().clearCookies();
  await login('hr');
  await portal.goto(`/training/sessions/${session.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await page.getByRole('button', { name: `${demoUsers.staff.name.ja}さんを受講決定` }).click();
  await expect(page.getByText(`${demoUsers.staff.name.ja}さんの受講を決定しました。`)).toBeVisible();
  await expect(page.getByRole('button', { name: `${demoUsers.staff.name.ja}さんを不受理` })).toBeVisible();
  const attendance = page.getByLabel(`${demoUsers.staff.name.ja}さんの出欠`);
  await attendance.selectOption('present');
  await expect(page.getByRole('checkbox', { name: `${demoUsers.staff.name.ja}さんの修了` })).toBeChecked();
  await portal.expectNoSeriousA11yViolations();
  await page.getByRole('button', { name: '1人分を保存する' }).click();
  // The confirmation is where the person is, in the shared live region.
  const saved = page.getByTestId('announcer').getByText('1人分の出欠を保存しました。');
  await expect(saved).toBeVisible();
  await expect(saved).toBeInViewport();
  const roster = page.getByRole('table', { name: 'この日程の申込者と状況' });
  await expect(roster.getByRole('row', { name: new RegExp(demoUsers.staff.name.ja) })).toContainText('修了');
  // attendance taken: the record is attendance now, so no 不受理 is offered any more
  await expect(page.getByRole('button', { name: `${demoUsers.staff.name.ja}さんを不受理` })).toHaveCount(0);
  // the export is a real file
  const csv = await page.request.get(`/api/training-sessions/${session.id}/roster/export?format=csv`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain(demoUsers.staff.name.ja);

  // 4. the staff member sees the completion on the course, in their applications and on the timeline
  await page.context().clearCookies();
  await login('staff');
  await portal.goto(`/training/${course.id}`);
  await expect(page.getByText('修了済み')).toBeVisible();
  await portal.goto('/training/applications');
  const mine = page.getByRole('article').filter({ hasText: title });
  await expect(mine).toContainText('修了');
  await portal.expectNoSeriousA11yViolations();
  await expect(mine).toContainText('ぜひ係内で共有してください。');
  await mine.getByRole('group', { name: '満足度' }).getByRole('radio', { name: /^5/ }).check();
  await mine.getByRole('group', { name: '仕事への役立ち度' }).getByRole('radio', { name: /^4/ }).check();
  await mine.getByRole('button', { name: '回答を送る' }).click();
  await expect(page.getByText('アンケートに回答しました。ありがとうございました。')).toBeVisible();
  await portal.goto('/career#timeline');
  await expect(page.getByTestId('timeline').first()).toContainText(title);
});

test('the catalogue filters live in the URL and read well in English', async ({ login, portal, page }) => {
  await login('staff');
  await portal.goto('/training?kind=institute_grade');
  await expect(page.getByLabel('研修の種類')).toHaveValue('institute_grade');
  await expect(page.getByRole('link', { name: '新規採用職員研修' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'ファシリテーション研修' })).toHaveCount(0);
  await page.getByLabel('重点取組方針').selectOption('young');
  await expect(page).toHaveURL(/tag=young/);
  await portal.switchLanguage('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Training');
  await expect(page.getByRole('link', { name: 'New recruit training' })).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(page).toHaveURL(/\/training$/);
  await expect(page.getByRole('heading', { name: 'Recommended for you' })).toBeVisible();
  await portal.switchLanguage('ja');
});

test('HR edits a course; a stale edit is refused and the latest can be loaded', async ({
  login,
  portal,
  page,
  baseURL,
}) => {
  const title = `版管理の確認研修 ${Date.now()}`;
  const { course } = await courseWithSession(baseURL ?? '', title);
  await login('hr');
  await portal.goto(`/training/${course.id}/edit`);
  await portal.expectNoSeriousA11yViolations();
  // someone else saves first
  const other = await signedIn(baseURL ?? '', demoUsers.hr.loginId);
  const put = await other.put(`/api/trainings/${course.id}`, {
    data: {
      ...{ title: course.title, kind: course.kind, hours: 4, fiscalYears: course.fiscalYears },
      version: 1,
    },
  });
  expect(put.status(), await put.text()).toBe(200);
  await other.dispose();
  await page.getByLabel('研修時間').fill('5');
  await page.getByRole('button', { name: '保存する', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('ほかの人がこの研修を先に更新しました');
  await page.getByRole('button', { name: /最新の内容を読み込む/ }).click();
  await expect(page.getByLabel('研修時間')).toHaveValue('4');
  await page.getByLabel('研修時間').fill('5');
  await page.getByRole('button', { name: '保存する', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/training/${course.id}$`));
  await expect(page.getByText('5時間')).toBeVisible();
});

test('the staff member has no approval inbox; the bureau officer manages only its own course', async ({
  login,
  portal,
  page,
}) => {
  await login('staff');
  await portal.goto('/training');
  await expect(page.getByRole('navigation', { name: '研修のメニュー' }).getByRole('link')).toHaveText([
    '研修カタログ',
    '申込状況',
  ]);
  await expect(page.getByRole('link', { name: '研修を追加' })).toHaveCount(0);
  await page.context().clearCookies();
  await login('bureau');
  await portal.goto('/training?kind=departmental');
  await page.getByRole('link', { name: '文書事務・法規実務研修（総務局）' }).click();
  await portal.waitForContent();
  await expect(page.getByRole('link', { name: '研修を編集' })).toBeVisible();
  await expect(page.getByRole('link', { name: '受講者名簿' }).first()).toBeVisible();
  await portal.expectNoSeriousA11yViolations();
  await portal.goto('/training?kind=departmental');
  await page.getByRole('link', { name: '保健師専門研修（健康福祉局）' }).click();
  await portal.waitForContent();
  await expect(page.getByRole('link', { name: '研修を編集' })).toHaveCount(0);
  // its acceptance queue holds its own course's applications only
  await portal.goto('/training/acceptance');
  const queue = page.getByRole('article');
  await expect(queue.first()).toBeVisible();
  for (const title of await queue.getByRole('heading', { level: 2 }).allTextContents()) {
    expect(title).toContain('（総務局）');
  }
  await portal.expectNoSeriousA11yViolations();
});

test('一括指名: HR sees the head count against the seats, confirms, and undoes the batch', async ({
  login,
  portal,
  page,
  baseURL,
}) => {
  const { course } = await courseWithSession(baseURL ?? '', `一括指名の確認研修 ${Date.now()}`);
  await login('hr');
  await portal.goto(`/training/${course.id}`);
  const form = page.locator('section', { has: page.getByRole('heading', { name: '職位ごとの一括指名' }) });
  // nothing is ticked at first, and nothing can be sent
  await expect(form.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expect(form.getByText('指名する職位を選んでください。')).toBeVisible();
  await expect(form.getByRole('button', { name: '人数を確認して指名する' })).toBeDisabled();
  await form.getByRole('checkbox', { name: '局長・区長', exact: true }).check();
  await form.getByRole('checkbox', { name: '部長・参事', exact: true }).check();
  const preview = form.getByTestId('assign-preview');
  await expect(preview).toContainText('残り20席（定員20人）');
  await expect(preview).toContainText(/受講決定 20人・キャンセル待ち [1-9]\d*人/);
  const toEnrol = (await preview.locator('dd').first().textContent())?.match(/(\d+)人/)?.[1] ?? '';
  expect(Number(toEnrol)).toBeGreaterThan(20);

  await form.getByRole('button', { name: '人数を確認して指名する' }).click();
  const dialog = page.getByRole('dialog', { name: '一括指名の確認' });
  await expect(dialog).toContainText(`${toEnrol}人を指名します。残り20席のため、20人が受講決定`);
  await portal.expectNoSeriousA11yViolations();
  await dialog.getByRole('button', { name: `${toEnrol}人を指名する` }).click();
  await expect(dialog).toBeHidden();
  await expect(form.getByText(/人を受講決定、\d+人をキャンセル待ちにしました/).first()).toBeVisible();
  // the seats are taken: the preview of the same grades now finds nobody to enrol
  await form.getByRole('checkbox', { name: '局長・区長', exact: true }).check();
  await expect(form.getByText('選んだ職位には、指名できる人がいません')).toBeVisible();

  const batches = form.getByRole('listitem');
  await expect(batches).toHaveCount(1);
  await batches.getByRole('button', { name: 'この一括指名を取り消す' }).click();
  const undo = page.getByRole('dialog', { name: '一括指名の取り消し' });
  await expect(undo).toContainText(`${toEnrol}人のうち`);
  await undo.getByRole('button', { name: 'この一括指名を取り消す' }).click();
  await expect(form.getByText(`取り消しました。${toEnrol}人の指名を外しました`)).toBeVisible();
  await expect(batches.first()).toContainText('取り消し済み');
  await expect(batches.getByRole('button', { name: 'この一括指名を取り消す' })).toHaveCount(0);
});

test('対象外: a 事務 主事 is warned before applying to the 保健師 course; the supervisor sees 対象外', async ({
  login,
  portal,
  page,
}) => {
  await login('staff');
  await portal.goto('/training?kind=departmental');
  await page.getByRole('link', { name: '保健師専門研修（健康福祉局）' }).click();
  await portal.waitForContent();
  await page.getByRole('button', { name: '申し込む' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('この研修の対象外です')).toBeVisible();
  await expect(dialog).toContainText('保健師');
  await expect(dialog.getByLabel('申込理由')).toHaveAccessibleDescription(/この研修の対象外です/);
  await portal.expectNoSeriousA11yViolations();
  await dialog.getByLabel('申込理由').fill('地域の健康づくり事業を担当するため、保健師の視点を学びたい。');
  await dialog.getByRole('button', { name: '申込を送る' }).click();
  await expect(page.getByText('申し込みました。上司の承認を待っています。')).toBeVisible();

  await page.context().clearCookies();
  await login('supervisor');
  await portal.goto('/training/approvals');
  const card = page.getByRole('article').filter({ hasText: '保健師専門研修' });
  await expect(card.getByText('対象外', { exact: true })).toBeVisible();
  await expect(card).toContainText('職種が対象外');
  await portal.expectNoSeriousA11yViolations();
});
