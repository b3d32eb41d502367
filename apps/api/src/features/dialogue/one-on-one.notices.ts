/**
 * What a 1on1 tells whom, written in the write's own transaction (so a refused or rolled-back write
 * tells nobody). The notices name the other side and the day, never the topics, the notes or the
 * actions' text — and never the private notes, which they do not even receive.
 */
import type { Tx } from '../../db/client.ts';
import { type Notice, notify } from '../notifications/notify.ts';
import { namesOf } from '../notifications/recipients.repository.ts';

const linkTo = (id: string) => `/one-on-ones/${id}`;

type Meeting = {
  id: string;
  staffId: string;
  authorId: string;
  status: 'held' | 'scheduled';
  heldOn: string;
};

/**
 * The author wrote (or corrected) a 1on1: the person is asked for their agenda (scheduled) or their
 * acknowledgement (held, `announce`); each new action's owner learns it is theirs.
 */
export async function tellAboutMeeting(
  tx: Tx,
  m: Meeting,
  opts: { announce: boolean; actionOwners: readonly string[] },
): Promise<void> {
  const notices: Notice[] = [];
  const author = (await namesOf(tx, [m.authorId])).get(m.authorId);
  const params = { ...author, date: m.heldOn };
  if (opts.announce) {
    notices.push({
      to: [m.staffId],
      kind: m.status === 'scheduled' ? 'one_on_one.scheduled' : 'one_on_one.recorded',
      link: linkTo(m.id),
      params,
      by: m.authorId,
    });
  }
  if (opts.actionOwners.length) {
    notices.push({
      to: opts.actionOwners,
      kind: 'one_on_one.action.assigned',
      link: linkTo(m.id),
      params,
      by: m.authorId,
    });
  }
  if (notices.length) await notify(tx, notices);
}

/** The person acknowledged a held 1on1 (and perhaps wrote their notes): its author learns it. */
export async function tellAuthorAcknowledged(tx: Tx, m: Meeting): Promise<void> {
  const person = (await namesOf(tx, [m.staffId])).get(m.staffId);
  await notify(tx, [
    {
      to: [m.authorId],
      kind: 'one_on_one.acknowledged',
      link: linkTo(m.id),
      params: { ...person, date: m.heldOn },
      by: m.staffId,
    },
  ]);
}
