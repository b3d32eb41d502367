/** A person's own notifications: only ever their own (another's is a 404), newest first. */
import type { NotificationPage, NotificationParams, NotificationQuery, UnreadCount } from '@portal/contracts';
import { NotificationCategory } from '@portal/contracts';
import { authorize } from '../../access/access.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { write } from '../../shared/write.ts';
import { markAllRead, markRead, notificationsOf, unreadCount } from './notification.repository.ts';

export function createNotificationService(deps: { db: Db }) {
  const { db } = deps;
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
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
