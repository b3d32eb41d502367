/**
 * Notifications (お知らせ): what a person is told, in the portal and by mail. A feature emits one with
 * `notify(tx, …)` (apps/api/src/features/notifications/notify.ts) inside its write's transaction; each
 * kind belongs to one category, and people choose per category how mail reaches them.
 */
import { z } from 'zod';

/** The categories people set mail for (immediately, in the daily digest, or not at all). */
export const NOTIFICATION_CATEGORIES = [
  /** something awaits my decision: applications, support requests, plans, practice reports */
  'approvals',
  /** what became of my own applications and requests */
  'applications',
  /** OJT: a session logged for me, a person of mine without OJT */
  'ojt',
  /** my courses: starting soon, the survey and report due; sessions over or under capacity */
  'training',
  /** my career plan: comments and requests for changes */
  'career',
  /** the 推進計画: KPI actuals due, a period to review */
  'plan',
  /** engagement surveys: a round still waits for my answer */
  'surveys',
  /** 1on1: one scheduled or recorded with me, an action agreed for me, my person acknowledged one */
  'one_on_ones',
  /** HR administrators: sign-ins failing for one login from many addresses */
  'security',
] as const;
export const NotificationCategory = z.enum(NOTIFICATION_CATEGORIES);
export type NotificationCategory = z.infer<typeof NotificationCategory>;

/**
 * Every kind of notification and its category. A new kind is one line here, its text in the web
 * app's `notifications` translations and in the API's mail texts.
 */
export const NOTIFICATION_KINDS = {
  'training.application.submitted': 'approvals',
  'training.application.awaiting_acceptance': 'approvals',
  'training.practice_report.submitted': 'approvals',
  'selfdev.support.requested': 'approvals',
  'career.plan.submitted': 'approvals',
  'training.application.approved': 'applications',
  'training.application.declined': 'applications',
  'training.application.accepted': 'applications',
  'training.application.waitlisted': 'applications',
  'training.application.promoted': 'applications',
  'training.application.rejected': 'applications',
  'training.assignment.undone': 'applications',
  'selfdev.support.decided': 'applications',
  'ojt.session.logged': 'ojt',
  'ojt.overdue': 'ojt',
  'training.course.soon': 'training',
  'training.after_course.due': 'training',
  'training.session.over_capacity': 'training',
  'training.session.under_booked': 'training',
  'career.plan.commented': 'career',
  'career.plan.changes_requested': 'career',
  'plan.kpi.actuals_due': 'plan',
  'plan.period.review': 'plan',
  'survey.reminder': 'surveys',
  'survey.opened': 'surveys',
  'one_on_one.scheduled': 'one_on_ones',
  'one_on_one.recorded': 'one_on_ones',
  'one_on_one.action.assigned': 'one_on_ones',
  'one_on_one.acknowledged': 'one_on_ones',
  'auth.login_alert': 'security',
} as const satisfies Record<string, NotificationCategory>;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export function categoryOf(kind: NotificationKind): NotificationCategory {
  return NOTIFICATION_KINDS[kind];
}

/**
 * What the text names — a person's name, a course's title, a date — in both languages where they
 * differ (`name`/`nameEn`, `title`/`titleEn`). Never more personal detail than a name and a title.
 */
export const NotificationParams = z.record(z.string().max(32), z.union([z.string().max(300), z.number()]));
export type NotificationParams = z.infer<typeof NotificationParams>;

export const Notification = z.object({
  id: z.uuid(),
  category: NotificationCategory,
  kind: z.string(),
  /** A path of the web app; the page does its own access checks (404 once out of scope) */
  link: z.string(),
  params: NotificationParams,
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const NotificationQuery = z.object({
  /** `true`: unread only */
  unread: flag.optional(),
  category: NotificationCategory.optional(),
  /** The id of the last notification of the previous page: older ones follow */
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;

export const NotificationPage = z.object({
  items: z.array(Notification),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const UnreadCount = z.object({ count: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;

export const NotificationId = z.object({ id: z.uuid() });

/** How mail of a category reaches a person: at once, in the daily digest, or not at all. */
export const MAIL_MODES = ['immediate', 'digest', 'off'] as const;
export const MailMode = z.enum(MAIL_MODES);
export type MailMode = z.infer<typeof MailMode>;

/** Without a choice of their own: what awaits a decision at once, the rest in the digest. */
export const DEFAULT_MAIL_MODES: Record<NotificationCategory, MailMode> = {
  approvals: 'immediate',
  applications: 'digest',
  ojt: 'digest',
  training: 'digest',
  career: 'digest',
  plan: 'digest',
  surveys: 'digest',
  one_on_ones: 'digest',
  security: 'immediate',
};

export const NotificationSettings = z.object({
  /** false: the portal sends no mail at all (no SMTP configured); notifications stay in the portal */
  mailEnabled: z.boolean(),
  /** whether the person has a mail address the portal knows */
  hasAddress: z.boolean(),
  /** the hour (0–23, Asia/Tokyo) the daily digest goes out */
  digestHour: z.number().int(),
  categories: z.record(NotificationCategory, MailMode),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const NotificationSettingsUpdate = z.object({
  categories: z.partialRecord(NotificationCategory, MailMode),
});
export type NotificationSettingsUpdate = z.infer<typeof NotificationSettingsUpdate>;

export const UnsubscribeToken = z.object({ token: z.string().min(10).max(500) });

export const UnsubscribeView = z.object({
  categories: z.array(NotificationCategory),
  /** true once the categories' mail is off */
  done: z.boolean(),
});
export type UnsubscribeView = z.infer<typeof UnsubscribeView>;

/** A background job that failed after its retries, for HR to see. */
export const FailedJob = z.object({
  id: z.string(),
  queue: z.string(),
  failedAt: z.string().nullable(),
  retries: z.number().int(),
  error: z.string(),
});
export const BackgroundJobStatus = z.object({
  mailEnabled: z.boolean(),
  digestHour: z.number().int(),
  /** jobs waiting or retrying, per queue */
  waiting: z.number().int(),
  failed: z.array(FailedJob),
});
export type BackgroundJobStatus = z.infer<typeof BackgroundJobStatus>;
