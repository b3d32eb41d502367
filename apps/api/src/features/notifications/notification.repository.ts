/** The notifications table: written inside a feature's transaction, read by the recipient only. */
import type { NotificationCategory } from '@portal/contracts';
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

type Client = Db | Tx;

export type NotificationRow = {
  recipientId: string;
  category: string;
  kind: string;
  link: string;
  params: Record<string, string | number>;
  dedupeKey: string | null;
};

/**
 * Writes the rows; a row whose `(recipient, dedupeKey)` exists already is skipped (a reminder run
 * twice, or on two instances, is written once). Returns the ids written.
 */
export async function insertNotifications(client: Client, rows: NotificationRow[]): Promise<string[]> {
  if (!rows.length) return [];
  const written = await client.notification.createManyAndReturn({
    data: rows.map((r) => ({ ...r, params: r.params as Prisma.InputJsonObject })),
    skipDuplicates: true,
    select: { id: true },
  });
  return written.map((r) => r.id);
}

/**
 * Removes the notifications of these recipients under these keys (in one statement); says of each
 * whether its recipient had seen it: read it, or its mail was being sent or sent (a queued mail of a removed row never goes out).
 */
export function removeByKeys(
  client: Client,
  keys: readonly { recipientId: string; dedupeKey: string }[],
): Promise<{ recipientId: string; seen: boolean }[]> {
  if (!keys.length) return Promise.resolve([]);
  return client.$queryRaw<{ recipientId: string; seen: boolean }[]>`
    DELETE FROM "notification" n
     USING unnest(${keys.map((k) => k.recipientId)}::uuid[], ${keys.map((k) => k.dedupeKey)}::text[]) AS k("recipientId", "dedupeKey")
     WHERE n."recipientId" = k."recipientId" AND n."dedupeKey" = k."dedupeKey"
    RETURNING n."recipientId", (n."readAt" IS NOT NULL OR n."mailState" IN ('sending', 'sent')) AS "seen"`;
}

export type NotificationFilter = {
  unread?: boolean;
  category?: NotificationCategory;
  /** ids older than this one (UUIDv7 ids sort by time) */
  before?: string;
};

/** Newest first, at most `take`, of this recipient's only. */
export function notificationsOf(client: Client, recipientId: string, f: NotificationFilter, take: number) {
  return client.notification.findMany({
    where: {
      recipientId,
      ...(f.unread ? { readAt: null } : {}),
      ...(f.category ? { category: f.category } : {}),
      ...(f.before ? { id: { lt: f.before } } : {}),
    },
    orderBy: { id: 'desc' },
    take,
    select: {
      id: true,
      category: true,
      kind: true,
      link: true,
      params: true,
      readAt: true,
      createdAt: true,
    },
  });
}

/** One statement on the `(recipientId, readAt)` index. */
export function unreadCount(client: Client, recipientId: string): Promise<number> {
  return client.notification.count({ where: { recipientId, readAt: null } });
}

/** Marks one of the recipient's notifications read; the number of rows it matched (0: not theirs). */
export async function markRead(client: Client, recipientId: string, id: string, at: Date): Promise<number> {
  const updated = await client.notification.updateMany({
    where: { id, recipientId, readAt: null },
    data: { readAt: at },
  });
  if (updated.count) return updated.count;
  return client.notification.count({ where: { id, recipientId } });
}

export async function markAllRead(client: Client, recipientId: string, at: Date): Promise<number> {
  const updated = await client.notification.updateMany({
    where: { recipientId, readAt: null },
    data: { readAt: at },
  });
  return updated.count;
}
