/** A session's roster for those who run it: every application, accepted first, then the waiting list. */
import type {
  TrainingApplication,
  TrainingApplicationStatus,
  TrainingSessionRoster,
} from '@portal/contracts';
import { today } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import { toSession } from '../training.mapper.ts';
import type { ApplicationContext } from './context.ts';
import { ROSTER_ORDER } from './shared.ts';

export async function roster(
  ctx: ApplicationContext,
  actor: Actor,
  sessionId: string,
): Promise<TrainingSessionRoster> {
  const { repo, db } = ctx;
  const s = await ctx.managedSession(actor, sessionId);
  const rows = await repo.sessionApplications(sessionId, db);
  const items = await ctx.present(actor, rows);
  const counts = Object.fromEntries(ROSTER_ORDER.map((st) => [st, 0])) as Record<
    TrainingApplicationStatus,
    number
  >;
  for (const a of items) counts[a.status] += 1;
  const rank = (a: TrainingApplication) => ROSTER_ORDER.indexOf(a.status);
  items.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
      a.staff.employeeNumber.localeCompare(b.staff.employeeNumber),
  );
  const { training, ...session } = s;
  return {
    training: {
      id: training.id,
      code: training.code,
      title: { ja: training.titleJa, en: training.titleEn },
      kind: training.kind,
      hours: training.hours,
    },
    session: toSession(session, counts, null, today()),
    counts,
    items,
  };
}
