/**
 * Mail texts in Japanese and English. The portal does not know each person's language, so every mail
 * carries both: Japanese first, then English.
 */
/** `headers`: extra mail headers (List-Unsubscribe, …) */
export type MailMessage = { subject: string; text: string; headers?: Record<string, string> };

const expiry = (at: Date) => ({
  ja: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Tokyo',
  }).format(at),
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(at),
});

export function invitationMail(input: {
  name: string;
  loginId: string;
  url: string;
  expiresAt: Date;
}): MailMessage {
  const when = expiry(input.expiresAt);
  return {
    subject: '人材育成ポータルへの招待 / Your invitation to the Staff Development Portal',
    text: [
      `${input.name} 様`,
      '',
      '人材育成ポータルのアカウントが用意されました。次のリンクからパスワードを設定してください。',
      `ログインID: ${input.loginId}`,
      input.url,
      `このリンクは一度だけ使えます。有効期限: ${when.ja}`,
      '',
      '----',
      '',
      `Dear ${input.name},`,
      '',
      'An account on the Staff Development Portal is ready for you. Set your password at this link:',
      `Login ID: ${input.loginId}`,
      input.url,
      `The link works once and expires on ${when.en} (JST).`,
    ].join('\n'),
  };
}

export function passwordResetMail(input: {
  name: string;
  loginId: string;
  url: string;
  expiresAt: Date;
}): MailMessage {
  const when = expiry(input.expiresAt);
  return {
    subject: 'パスワードの再設定 / Resetting your password',
    text: [
      `${input.name} 様`,
      '',
      'パスワードの再設定を受け付けました。次のリンクから新しいパスワードを設定してください。',
      input.url,
      `有効期限: ${when.ja}。お心当たりがなければ、このメールは無視してください。`,
      '',
      '----',
      '',
      `Dear ${input.name},`,
      '',
      'Someone asked to reset the password of your portal account. Set a new password at this link:',
      input.url,
      `It expires on ${when.en} (JST). If it was not you, ignore this mail.`,
    ].join('\n'),
  };
}
