/** A person's own notifications: only ever their own (another's is a 404), newest first. */
import {
  DEFAULT_MAIL_MODES,
  MailMode,
  NOTIFICATION_CATEGORIES,
  NotificationCategory,
  type NotificationPage,
  type NotificationParams,
  type NotificationQuery,
  type NotificationSettings,
  type NotificationSettingsUpdate,
  type UnreadCount,
  type UnsubscribeView,
} from '@portal/contracts';
import { authorize } from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { write } from '../../shared/write.ts';
import { markAllRead, markRead, notificationsOf, unreadCount } from './notification.repository.ts';
import { hasMailAddress, saveSettings, settingsOf, staffExists } from './notification-settings.repository.ts';
import { readUnsubscribeToken } from './unsubscribe-token.ts';

/** Each category's mode: the person's choice, else the default. */
export function modesOf(chosen: Map<string, string> | undefined): Record<NotificationCategory, MailMode> {
  return Object.fromEntries(
    NOTIFICATION_CATEGORIES.map((c) => [c, MailMode.safeParse(chosen?.get(c)).data ?? DEFAULT_MAIL_MODES[c]]),
  ) as Record<NotificationCategory, MailMode>;
}

export function createNotificationService(deps: {
  db: Db;
  mailEnabled: boolean;
  digestHour: number;
  secret: string;
}) {
  const { db } = deps;

  const invalidLink = () =>
    new NotFoundError('This unsubscribe link is not valid.', 'unsubscribe_link_invalid');

  async function unsubscribeTarget(token: string) {
    const target = readUnsubscribeToken(deps.secret, token);
    if (!target || !(await staffExists(db, target.staffId))) throw invalidLink();
    return target;
  }

  async function settings(staffId: string): Promise<NotificationSettings> {
    const [chosen, hasAddress] = await Promise.all([settingsOf(db, [staffId]), hasMailAddress(db, staffId)]);
    return {
      mailEnabled: deps.mailEnabled,
      hasAddress,
      digestHour: deps.digestHour,
      categories: modesOf(chosen.get(staffId)),
    };
  }

  return {
    async list(actor: Actor, q: NotificationQuery): Promise<NotificationPage> {
      authorize(actor, 'notification:read:self');
      const rows = await notificationsOf(
        db,
        actor.staffId,
        { unread: q.unread, category: q.category, before: q.cursor },
        q.limit + 1,
      );
      const page = rows.slice(0, q.limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          // a category no longer known (a kind since removed) shows as the closest generic one
          category: NotificationCategory.safeParse(r.category).data ?? 'approvals',
          kind: r.kind,
          link: r.link,
          params: (r.params ?? {}) as NotificationParams,
          readAt: r.readAt?.toISOString() ?? null,
          createdAt: r.createdAt.toISOString(),
        })),
        nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    async unreadCount(actor: Actor): Promise<UnreadCount> {
      authorize(actor, 'notification:read:self');
      return { count: await unreadCount(db, actor.staffId) };
    },

    /** Marks one read (again is no change); another's or none → 404. */
    async markRead(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'notification:read:self');
      const { body: found } = await write(db, {
        actorId: actor.staffId,
        run: async (tx) => ({ body: await markRead(tx, actor.staffId, id, new Date()) }),
      });
      if (!found) throw new NotFoundError('No such notification.', 'notification_not_found');
    },

    async markAllRead(actor: Actor): Promise<void> {
      authorize(actor, 'notification:read:self');
      await write(db, {
        actorId: actor.staffId,
        run: async (tx) => ({ body: await markAllRead(tx, actor.staffId, new Date()) }),
      });
    },

    async settings(actor: Actor): Promise<NotificationSettings> {
      authorize(actor, 'notification:read:self');
      return settings(actor.staffId);
    },

    async updateSettings(actor: Actor, input: NotificationSettingsUpdate, meta: RequestMeta) {
      authorize(actor, 'notification:read:self');
      await write(db, {
        actorId: actor.staffId,
        meta,
        run: async (tx) => {
          await saveSettings(tx, actor.staffId, input.categories);
          return {
            body: null,
            audit: {
              action: 'notification_settings.update',
              entityType: 'staff',
              entityId: actor.staffId,
              after: input.categories,
            },
          };
        },
      });
      return settings(actor.staffId);
    },

    /** What a link would turn off (nothing changes: mail scanners follow links). */
    async unsubscribeView(token: string): Promise<UnsubscribeView> {
      const target = await unsubscribeTarget(token);
      const modes = modesOf((await settingsOf(db, [target.staffId])).get(target.staffId));
      return { categories: target.categories, done: target.categories.every((c) => modes[c] === 'off') };
    },

    /** One click, no sign-in: the link's categories' mail off (RFC 8058). */
    async unsubscribe(token: string, meta: RequestMeta): Promise<UnsubscribeView> {
      const target = await unsubscribeTarget(token);
      const off = Object.fromEntries(target.categories.map((c) => [c, 'off' as const]));
      await write(db, {
        actorId: target.staffId,
        meta,
        run: async (tx) => {
          await saveSettings(tx, target.staffId, off);
          return {
            body: null,
            audit: {
              action: 'notification_settings.unsubscribe',
              entityType: 'staff',
              entityId: target.staffId,
              after: off,
            },
          };
        },
      });
      return { categories: target.categories, done: true };
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
