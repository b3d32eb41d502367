import { Secret, TOTP } from 'otpauth';
import { expect, test } from './fixtures.ts';
import { RealInstallation, rosterCsv } from './real-installation.ts';

/**
 * A city's first day, in the browser, on an installation of its own: DEMO_MODE off, a fresh
 * PostgreSQL database, real mail. The people come from the roster through `pnpm portal
 * roster-import --apply`; the first HR administrator from `pnpm portal invite <id> --hr-admin`; everyone
 * else from HR's invitations by mail. The same with portal passwords off, through the OpenID provider.
 */

const code = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

const ADMIN = {
  number: 'R00001',
  loginId: 'k.sato',
  name: '佐藤 健一',
  kana: 'サトウ ケンイチ',
  email: 'k.sato@city.sendai.example',
};
const COLLEAGUE = {
  number: 'R00002',
  loginId: 'y.suzuki',
  name: '鈴木 由美',
  kana: 'スズキ ユミ',
  email: 'y.suzuki@city.sendai.example',
};

test.describe('a real installation with portal passwords', () => {
  test.describe.configure({ mode: 'serial' });
  let city: RealInstallation;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    city = await RealInstallation.start();
  });
  test.afterAll(async () => {
    await city?.stop();
  });

  test('roster → first HR administrator → password → TOTP → sign in → a colleague invited by mail signs in', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    // the people, from the command line: the default grade and job-family codes need no set-up
    const preview = await city.portal(['roster-import', 'roster.csv'], {
      'roster.csv': rosterCsv([ADMIN, COLLEAGUE]),
    });
    expect(preview).toContain('--apply');
    expect(await city.portal(['roster-import', 'roster.csv', '--apply'])).toContain('staff 2 created');
    const invited = await city.portal(['invite', ADMIN.loginId, '--hr-admin']);
    const link = invited.match(/http:\/\/127\.0\.0\.1:\d+\/invitation\/[\w-]+/)?.[0];
    expect(link, invited).toBeTruthy();

    // nobody can sign in yet: the sign-in page is not a demo
    const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    await page.goto(`${city.url}/sign-in`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('デモ', { exact: false })).toHaveCount(0);

    // the first administrator opens the printed link and sets a password
    await page.goto(link ?? '');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('パスワードの設定');
    const field = page.getByLabel('新しいパスワード', { exact: true });
    const meter = page.getByRole('meter', { name: 'パスワードの強さ' });
    const weak = 'はじめての長いあいことばです'; // 14 characters
    await field.fill(weak);
    await expect(page.getByText('あと1文字')).toBeVisible();
    await page.getByLabel('新しいパスワード（確認）').fill(weak);
    await page.getByRole('button', { name: 'パスワードを設定する' }).click();
    await expect(page.getByRole('alert')).toContainText('15文字以上にしてください');
    const password = '仙台の人材育成は最初の管理者から始まる';
    await field.fill(password);
    await expect(meter).toHaveAttribute('value', /[1-4]/);
    await page.getByLabel('新しいパスワード（確認）').fill(password);
    await page.getByRole('button', { name: 'パスワードを設定する' }).click();
    await expect(page.getByRole('status')).toContainText('パスワードを設定しました');

    // signs in, and must enrol an authenticator app before anything else
    const signIn = async () => {
      await page.goto(`${city.url}/sign-in`);
      await page.getByLabel('ログインID').fill(ADMIN.loginId);
      await page.getByLabel('パスワード', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'サインイン', exact: true }).click();
    };
    await signIn();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('2段階認証の登録');
    await page.goto(`${city.url}/staff`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('2段階認証の登録');
    await page.getByRole('button', { name: '認証アプリを登録する' }).click();
    await expect(page.getByRole('img', { name: '認証アプリに登録するためのQRコード' })).toBeVisible();
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    await page.getByLabel('認証アプリに表示された6桁のコード').fill(code(secret));
    await page.getByRole('button', { name: '登録を完了する' }).click();
    await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);

    // signs in again with password and code
    await page.getByRole('banner').getByRole('button', { name: 'サインアウト' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await signIn();
    await page.getByLabel('確認コード').fill(code(secret));
    await page.getByRole('button', { name: '確認する' }).click();
    await expect(page).toHaveURL(`${city.url}/`);
    await expect(page.getByRole('banner').getByTestId('signed-in-user')).toContainText(ADMIN.name);

    // invites the colleague by mail from the colleague's page
    await page.goto(`${city.url}/staff`);
    await page.getByRole('link', { name: COLLEAGUE.name }).click();
    const actions = page.getByTestId('account-actions');
    await expect(actions.getByTestId('login-state')).toHaveText('アカウントなし');
    await actions.getByRole('button', { name: '招待する' }).click();
    await expect(actions).toContainText(`${COLLEAGUE.name}さんに招待をメールで送りました。`);
    const mail = await city.mailTo(COLLEAGUE.email);
    const mailed = mail.text.match(/http:\/\/127\.0\.0\.1:\d+\/invitation\/[\w-]+/)?.[0] ?? '';
    expect(mailed).not.toBe('');

    // the colleague, in a browser of their own, sets a password and signs in (no MFA required)
    const other = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const colleague = await other.newPage();
    await colleague.goto(mailed);
    const colleaguePassword = '研修係の新しい合言葉はとても長い';
    await colleague.getByLabel('新しいパスワード', { exact: true }).fill(colleaguePassword);
    await colleague.getByLabel('新しいパスワード（確認）').fill(colleaguePassword);
    await colleague.getByRole('button', { name: 'パスワードを設定する' }).click();
    await expect(colleague.getByRole('status')).toContainText('パスワードを設定しました');
    await colleague.goto(`${city.url}/sign-in`);
    await colleague.getByLabel('ログインID').fill(COLLEAGUE.loginId);
    await colleague.getByLabel('パスワード', { exact: true }).fill(colleaguePassword);
    await colleague.getByRole('button', { name: 'サインイン', exact: true }).click();
    await expect(colleague).toHaveURL(`${city.url}/`);
    await expect(colleague.getByRole('banner').getByTestId('signed-in-user')).toContainText(COLLEAGUE.name);
    await other.close();
    await context.close();
  });
});

test.describe('a real installation with single sign-on only', () => {
  test.describe.configure({ mode: 'serial' });
  let city: RealInstallation;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    city = await RealInstallation.start({ sso: true });
  });
  test.afterAll(async () => {
    await city?.stop();
  });

  test('the first HR administrator, named on the command line, signs in through the provider’s own pages', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    await city.portal(['roster-import', 'roster.csv', '--apply'], {
      'roster.csv': rosterCsv([ADMIN, COLLEAGUE]),
    });
    expect(await city.portal(['grant', ADMIN.loginId, 'hr-admin'])).toContain(ADMIN.loginId);

    const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    await page.goto(`${city.url}/sign-in`);
    // passwords are off: only the directory's button
    await expect(page.getByLabel('パスワード', { exact: true })).toHaveCount(0);
    await page.getByRole('link', { name: '組織のアカウントでサインイン' }).click();
    // the provider's login page (the directory's own; the claim is the roster's email), then consent
    await page.locator('input[name=login]').fill(ADMIN.loginId);
    await page.locator('input[name=password]').fill('the directory decides');
    await page.locator('button[type=submit]').click();
    await page.locator('button[type=submit]').click();
    await expect(page).toHaveURL(`${city.url}/`);
    await expect(page.getByRole('banner').getByTestId('signed-in-user')).toContainText(ADMIN.name);
    // an administrator: the roster import is theirs, the directory's MFA is the directory's business
    await page.goto(`${city.url}/roster-import`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('名簿の取込');
    await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
    await context.close();
  });
});
