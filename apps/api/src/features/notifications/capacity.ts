/**
 * A session over capacity is told to the course's managers (the owning bureau's officers, else HR) by
 * the application that makes it so, in that application's transaction — not an hour later by the
 * sweep. Once per session: the notice carries the sweep's own key, so neither a later application nor
 * the sweep tells anyone again (and a rolled-back application tells nobody).
 */
import type { Tx } from '../../db/client.ts';
import { type Notice, notify } from './notify.ts';
import { courseManagers } from './recipients.repository.ts';
import { type SessionLoad, sessionsOverCapacity } from './reminders.repository.ts';

/** The notice about a session's load, the same from the application and from the sweep. */
export function sessionLoadNotice(s: SessionLoad, load: 'over' | 'under', to: string[]): Notice {
  return {
    to,
    kind: load === 'over' ? 'training.session.over_capacity' : 'training.session.under_booked',
    link: `/training/sessions/${s.id}`,
    params: {
      title: s.titleJa,
      titleEn: s.titleEn,
      startsAt: s.startsAt.toISOString(),
      capacity: s.capacity,
      count: s.active,
    },
    dedupeKey: `session-${load}:${s.id}`,
  };
}

/** After applications were written to these sessions: tells of those now over capacity. */
export async function tellIfOverCapacity(tx: Tx, sessionIds: readonly string[], by?: string): Promise<void> {
  if (!sessionIds.length) return;
  const over = await sessionsOverCapacity(tx, sessionIds);
  const notices: Notice[] = [];
  for (const s of over) {
    notices.push({ ...sessionLoadNotice(s, 'over', await courseManagers(tx, s.ownerBureauId)), by });
  }
  await notify(tx, notices);
}
