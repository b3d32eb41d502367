/**
 * Notification mails, Japanese first, then English. They say what happened — naming a person and a
 * title at most — and link to the portal, where the page checks access as always.
 */
import type { NotificationKind } from '@portal/contracts';
import type { MailMessage } from './templates.ts';

export type MailNotification = { kind: string; link: string; params: Record<string, string | number> };

type Texts = { ja: (p: P) => string; en: (p: P) => string };
type P = Record<string, string | number | undefined>;

const s = (v: string | number | undefined) => (v === undefined ? '' : String(v));
const en = (p: P, key: 'name' | 'title') => s(p[`${key}En`]) || s(p[key]);
/** A calendar day (YYYY-MM-DD) as readers of each language write it: 和暦 in Japanese. */
const day = (v: string | number | undefined, lang: 'ja' | 'en') => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return s(v);
  const at = new Date(`${v}T00:00:00Z`);
  return lang === 'ja'
    ? new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
        era: 'long',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      }).format(at)
    : new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(at);
};

const TEXTS: Record<NotificationKind, Texts> = {
  'training.application.submitted': {
    ja: (p) => `${s(p.name)}さんの研修「${s(p.title)}」への申込みが承認を待っています`,
    en: (p) => `${en(p, 'name')}'s application for "${en(p, 'title')}" awaits your approval`,
  },
  'training.application.awaiting_acceptance': {
    ja: (p) => `${s(p.name)}さんの研修「${s(p.title)}」への申込みが受付を待っています`,
    en: (p) => `${en(p, 'name')}'s application for "${en(p, 'title')}" awaits acceptance`,
  },
  'training.practice_report.submitted': {
    ja: (p) => `${s(p.name)}さんが研修「${s(p.title)}」の職場での実践を報告しました（確認してください）`,
    en: (p) => `${en(p, 'name')} reported their practice after "${en(p, 'title')}": please confirm`,
  },
  'selfdev.support.requested': {
    ja: (p) => `${s(p.name)}さんが自己啓発「${s(p.title)}」の支援を申請しました`,
    en: (p) => `${en(p, 'name')} asks for support for "${s(p.title)}"`,
  },
  'career.plan.submitted': {
    ja: (p) => `${s(p.name)}さんがキャリアプランを提出しました`,
    en: (p) => `${en(p, 'name')} submitted their career plan`,
  },
  'training.application.approved': {
    ja: (p) => `研修「${s(p.title)}」への申込みが所属長に承認されました`,
    en: (p) => `Your application for "${en(p, 'title')}" was approved by your supervisor`,
  },
  'training.application.declined': {
    ja: (p) => `研修「${s(p.title)}」への申込みは所属長に承認されませんでした`,
    en: (p) => `Your application for "${en(p, 'title')}" was declined by your supervisor`,
  },
  'training.application.accepted': {
    ja: (p) => `研修「${s(p.title)}」の受講が決まりました`,
    en: (p) => `You have a place on "${en(p, 'title')}"`,
  },
  'training.application.waitlisted': {
    ja: (p) => `研修「${s(p.title)}」は定員に達したため、キャンセル待ちになりました`,
    en: (p) => `"${en(p, 'title')}" is full: you are on the waiting list`,
  },
  'training.application.promoted': {
    ja: (p) => `研修「${s(p.title)}」に空きが出て、キャンセル待ちから受講が決まりました`,
    en: (p) => `A place opened on "${en(p, 'title')}": you moved up from the waiting list`,
  },
  'training.application.rejected': {
    ja: (p) => `研修「${s(p.title)}」への申込みは受け付けられませんでした`,
    en: (p) => `Your application for "${en(p, 'title')}" was not accepted`,
  },
  'training.assignment.undone': {
    ja: (p) => `研修「${s(p.title)}」への指名は取り消されました`,
    en: (p) => `Your enrolment on "${en(p, 'title')}" was withdrawn`,
  },
  'selfdev.support.decided': {
    ja: (p) =>
      `自己啓発「${s(p.title)}」の支援申請が${p.decision === 'approved' ? '承認' : '不承認と'}されました`,
    en: (p) =>
      `Your support request for "${s(p.title)}" was ${p.decision === 'approved' ? 'approved' : 'declined'}`,
  },
  'ojt.session.logged': {
    ja: (p) => `${s(p.name)}さんがOJTを記録しました（確認してください）`,
    en: (p) => `${en(p, 'name')} logged an OJT session with you: please acknowledge it`,
  },
  'ojt.overdue': {
    ja: (p) => `${s(p.name)}さんのOJTが年間OJT計画より間隔が空いています`,
    en: (p) => `${en(p, 'name')} has had no OJT for longer than their yearly OJT plan implies`,
  },
  'training.course.soon': {
    ja: (p) => `研修「${s(p.title)}」がまもなく始まります`,
    en: (p) => `"${en(p, 'title')}" starts soon`,
  },
  'training.after_course.due': {
    ja: (p) => `研修「${s(p.title)}」のアンケートと職場での実践の報告をお願いします`,
    en: (p) => `Please answer the survey and report your practice after "${en(p, 'title')}"`,
  },
  'training.session.over_capacity': {
    ja: (p) => `研修「${s(p.title)}」の申込みが定員を超えています（${s(p.count)}/${s(p.capacity)}）`,
    en: (p) => `"${en(p, 'title')}" has more applications than seats (${s(p.count)}/${s(p.capacity)})`,
  },
  'training.session.under_booked': {
    ja: (p) => `研修「${s(p.title)}」の申込みが少なめです（${s(p.count)}/${s(p.capacity)}）`,
    en: (p) => `"${en(p, 'title')}" is under-booked (${s(p.count)}/${s(p.capacity)})`,
  },
  'career.plan.commented': {
    ja: () => 'キャリアプランに所属長からコメントがありました',
    en: () => 'Your supervisor commented on your career plan',
  },
  'career.plan.changes_requested': {
    ja: () => 'キャリアプランに所属長から修正の依頼がありました',
    en: () => 'Your supervisor asks for changes to your career plan',
  },
  'plan.kpi.actuals_due': {
    ja: (p) => `${s(p.fiscalYear)}年度のKPI実績の入力時期です（未入力 ${s(p.count)} 件）`,
    en: (p) => `KPI actuals for FY${s(p.fiscalYear)} are due (${s(p.count)} not entered)`,
  },
  'plan.period.review': {
    ja: (p) => `推進計画「${s(p.title)}」が確認待ちになりました`,
    en: (p) => `The plan period "${en(p, 'title')}" is ready for review`,
  },
  'survey.reminder': {
    ja: (p) =>
      `エンゲージメント調査「${s(p.title)}」へのご回答をお願いします（${day(p.closesOn, 'ja')}まで）`,
    en: (p) => `Please answer the survey "${en(p, 'title')}" (open until ${day(p.closesOn, 'en')})`,
  },
  'survey.opened': {
    ja: (p) => `エンゲージメント調査「${s(p.title)}」の回答受付が始まりました（${s(p.closesOn)}まで・匿名）`,
    en: (p) => `The survey "${en(p, 'title')}" is open for your answers (until ${s(p.closesOn)}; anonymous)`,
  },
  'auth.login_alert': {
    ja: (p) =>
      `ログインID「${s(p.title)}」へのサインインが多くの接続元から失敗しています（監査ログを確認してください）`,
    en: (p) => `Sign-ins for the login "${s(p.title)}" are failing from many addresses: see the audit log`,
  },
  'one_on_one.scheduled': {
    ja: (p) => `${s(p.name)}さんとの1on1が予定されました（話したいことを書いておけます）`,
    en: (p) => `${en(p, 'name')} scheduled a 1on1 with you: add what you want to talk about`,
  },
  'one_on_one.recorded': {
    ja: (p) => `${s(p.name)}さんが1on1を記録しました（確認してください）`,
    en: (p) => `${en(p, 'name')} recorded your 1on1: please acknowledge it`,
  },
  'one_on_one.action.assigned': {
    ja: (p) => `${s(p.name)}さんとの1on1で、あなたが担当する次のアクションが決まりました`,
    en: (p) => `An action agreed in your 1on1 with ${en(p, 'name')} is yours to do`,
  },
  'one_on_one.acknowledged': {
    ja: (p) => `${s(p.name)}さんが1on1の記録を確認しました`,
    en: (p) => `${en(p, 'name')} acknowledged the record of your 1on1`,
  },
};

/** The one line that says what happened, in each language. */
export function notificationLine(n: MailNotification): { ja: string; en: string } {
  const t = TEXTS[n.kind as NotificationKind];
  if (!t) return { ja: '人材育成ポータルにお知らせがあります', en: 'You have a notification in the portal' };
  return { ja: t.ja(n.params), en: t.en(n.params) };
}

/** One notification, mailed as it happens. */
export function notificationMail(input: {
  name: string;
  nameEn: string;
  notification: MailNotification;
  publicUrl: string;
  unsubscribeUrl: string;
}): MailMessage {
  const line = notificationLine(input.notification);
  const url = `${input.publicUrl}${input.notification.link}`;
  return {
    subject: `${line.ja} / ${line.en}`.slice(0, 250),
    text: [
      `${input.name} 様`,
      '',
      line.ja,
      url,
      '',
      '----',
      '',
      `Dear ${input.nameEn || input.name},`,
      '',
      line.en,
      url,
      '',
      '----',
      `このメールの配信停止 / Stop these mails: ${input.unsubscribeUrl}`,
    ].join('\n'),
  };
}

/** The day's notifications of one person, in one mail. */
export function digestMail(input: {
  name: string;
  nameEn: string;
  notifications: MailNotification[];
  publicUrl: string;
  unsubscribeUrl: string;
}): MailMessage {
  const lines = input.notifications.map((n) => ({
    ...notificationLine(n),
    url: `${input.publicUrl}${n.link}`,
  }));
  return {
    subject: `人材育成ポータル: ${lines.length}件のお知らせ / ${lines.length} notification(s) from the portal`,
    text: [
      `${input.name} 様`,
      '',
      '人材育成ポータルからのお知らせです。',
      ...lines.flatMap((l) => [`・${l.ja}`, `  ${l.url}`]),
      '',
      '----',
      '',
      `Dear ${input.nameEn || input.name},`,
      '',
      'Your notifications from the Staff Development Portal:',
      ...lines.flatMap((l) => [`- ${l.en}`, `  ${l.url}`]),
      '',
      '----',
      `このメールの配信停止 / Stop these mails: ${input.unsubscribeUrl}`,
    ].join('\n'),
  };
}
