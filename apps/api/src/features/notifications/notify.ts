/**
 * How a feature tells people something: `notify(tx, notices)` inside the transaction of the write the
 * notices are about. The rows commit with the write or roll back with it, so nobody is ever told about
 * a write that did not happen. Mail follows from the rows, later, in background jobs.
 *
 *     await notify(tx, [{ to: [supervisorId], kind: 'training.application.submitted',
 *       link: `/training/approvals`, params: { name, nameEn, title, titleEn }, by: actor.staffId }]);
 *
 * `params` carry what the text names — a name and a title, never more personal detail; the page behind
 * `link` does its own access checks, so a notification never shows what its recipient may not see.
 */
import { categoryOf, type NotificationKind } from '@portal/contracts';
import type { Tx } from '../../db/client.ts';
import { insertNotifications, type NotificationRow } from './notification.repository.ts';

export type Notice = {
  /** The recipients (duplicates and `by` are left out) */
  to: readonly (string | null | undefined)[];
  kind: NotificationKind;
  /** A path of the web app, starting with `/` */
  link: string;
  params?: Record<string, string | number>;
  /** Who caused it: never told about their own action */
  by?: string;
  /** Reminders: one notification per recipient and key, however often the scheduler runs */
  dedupeKey?: string;
};

/** Writes the notices' rows in the caller's transaction; returns the ids written. */
export async function notify(tx: Tx, notices: readonly Notice[]): Promise<string[]> {
  const rows: NotificationRow[] = [];
  for (const n of notices) {
    if (!n.link.startsWith('/') || n.link.startsWith('//')) {
      throw new Error(`A notification links to a path of the portal, not ${n.link}`);
    }
    const recipients = new Set(n.to.filter((id): id is string => !!id && id !== n.by));
    for (const recipientId of recipients) {
      rows.push({
        recipientId,
        category: categoryOf(n.kind),
        kind: n.kind,
        link: n.link,
        params: n.params ?? {},
        dedupeKey: n.dedupeKey ?? null,
      });
    }
  }
  return insertNotifications(tx, rows);
}
