import { Secret, TOTP } from 'otpauth';
import { expect, test } from './fixtures.ts';

const code = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

test.describe('local accounts', () => {
  test('HR invites a newcomer, who sets a password, enrols an authenticator app and signs in with its code', async ({
    page,
    login,
    browser,
  }) => {
    test.setTimeout(90_000);
    await login('hr');
    // someone of the organisation with no account yet
    const list = await (await page.request.get('/api/staff?pageSize=100&page=2')).json();
    let newcomer: { id: string; loginId: string } | undefined;
    for (const item of list.items as { id: string }[]) {
      const detail = await (await page.request.get(`/api/staff/${item.id}`)).json();
      if (detail.account?.state === 'none') {
        newcomer = { id: detail.id, loginId: detail.loginId };
        break;
      }
    }
    if (!newcomer) throw new Error('no one without an account');

    await page.goto(`/staff/${newcomer.id}`);
    const actions = page.getByTestId('account-actions');
    await expect(actions.getByTestId('login-state')).toHaveText('アカウントなし');
    await actions.getByRole('button', { name: '招待する' }).click();
    const url = (await actions.getByTestId('invitation-url').textContent())?.trim() ?? '';
    expect(url).toMatch(/\/invitation\/[\w-]+$/);

    // the newcomer, in a browser of their own
    const context = await browser.newContext({ locale: 'ja-JP' });
    const own = await context.newPage();
    await own.goto(new URL(url).pathname);
    await expect(own.getByRole('heading', { level: 1 })).toHaveText('パスワードの設定');
    // 14 characters: the page tells why it is refused
    const tooShort = 'はじめての長いあいことばです';
    await own.getByLabel('新しいパスワード', { exact: true }).fill(tooShort);
    await expect(own.getByText('あと1文字')).toBeVisible();
    await own.getByLabel('新しいパスワード（確認）').fill(tooShort);
    await own.getByRole('button', { name: 'パスワードを設定する' }).click();
    await expect(own.getByRole('alert')).toContainText('15文字以上にしてください');
    const password = 'はじめての長い長いあいことばです';
    await own.getByLabel('新しいパスワード', { exact: true }).fill(password);
    await own.getByLabel('新しいパスワード（確認）').fill(password);
    await own.getByRole('button', { name: 'パスワードを設定する' }).click();
    await expect(own.getByRole('status')).toContainText('パスワードを設定しました');

    const signIn = async () => {
      await own.goto('/sign-in');
      await own.getByLabel('ログインID').fill(newcomer.loginId);
      await own.getByLabel('パスワード', { exact: true }).fill(password);
      await own.getByRole('button', { name: 'サインイン', exact: true }).click();
    };
    await signIn();
    await expect(own).toHaveURL(/\/$/);

    await own.goto('/account');
    await own.getByRole('button', { name: '認証アプリを登録する' }).click();
    await expect(own.getByRole('img', { name: '認証アプリに登録するためのQRコード' })).toBeVisible();
    const secret = (await own.getByTestId('totp-secret').textContent())?.trim() ?? '';
    await own.getByLabel('認証アプリに表示された6桁のコード').fill(code(secret));
    await own.getByRole('button', { name: '登録を完了する' }).click();
    await expect(own.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);

    await own.getByRole('button', { name: 'サインアウト' }).click();
    await expect(own).toHaveURL(/\/sign-in/);
    await signIn();
    await expect(own.getByLabel('確認コード')).toBeVisible();
    await own.getByLabel('確認コード').fill('000000');
    await own.getByRole('button', { name: '確認する' }).click();
    await expect(own.getByRole('alert')).toContainText('コードが正しくありません');
    await own.getByLabel('確認コード').fill(code(secret));
    await own.getByRole('button', { name: '確認する' }).click();
    await expect(own).toHaveURL(/\/$/);
    await expect(own.getByRole('banner').getByTestId('signed-in-user')).toBeVisible();
    await context.close();
  });
});
