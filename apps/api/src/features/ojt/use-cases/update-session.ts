/**
 * The logger corrects a session. Stale `updatedAt` → 409 `stale_version`; once acknowledged, a change of
 * trainee, date or minutes → 409 `ojt_acknowledged`; both with the current session. The 年度 follows the
 * date; the `ojt_staff_year` rollup follows by its trigger (docs/decisions/009-ojt-session-corrections.md).
 */
import { fiscalYearOf, type OjtSession, type OjtSessionUpdate } from '@portal/contracts';
import { assertSupervisorOfAll, ojtSessionsEditable } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { ConflictError } from '../../../shared/errors.ts';
import { guardUpdated, StaleVersionError, write } from '../../../shared/write.ts';
import { loadPolicyCatalog } from '../../policy/policy-links.ts';
import type { OjtContext } from '../ojt.context.ts';
import { assertKnownLinks, isoDate, sessionDay, sessionNotFound, sessionSnapshot } from '../ojt.shared.ts';

export async function updateSession(
  ctx: OjtContext,
  actor: Actor,
  id: string,
  input: OjtSessionUpdate,
  meta: RequestMeta,
): Promise<OjtSession> {
  const { db, ojt, toSession } = ctx;
  const found = await ctx.sessionOfLogger(actor, id);
  const traineeId = input.traineeId ?? found.traineeId;
  if (traineeId !== found.traineeId) {
    await assertSupervisorOfAll(db, actor, [traineeId], 'ojt:create:team');
  }
  const foundDay = isoDate(found.occurredOn);
  // an unchanged date stays valid even when it has left the window a new session may take
  const day = input.occurredOn === foundDay ? foundDay : sessionDay(input.occurredOn);
  const catalog = await loadPolicyCatalog(db);
  assertKnownLinks(catalog, [{ links: input, prefix: 'body.' }]);

  const current = async () => {
    const row = await ojt.sessionById(db, id);
    if (!row) throw sessionNotFound();
    return toSession(row, catalog, actor, await ojtSessionsEditable(db, actor, [row]));
  };
  if (new Date(input.updatedAt).getTime() !== found.updatedAt.getTime()) {
    throw new StaleVersionError('OJT session', await current());
  }
  const confirmedChanged =
    traineeId !== found.traineeId || day !== foundDay || input.minutes !== found.minutes;
  if (found.acknowledgedAt && confirmedChanged) {
    throw new ConflictError(
      'The trainee has acknowledged this session: its trainee, date and minutes stay as they are.',
      'ojt_acknowledged',
      toSession(found, catalog, actor, new Set([found.id])),
    );
  }

  const data = {
    traineeId,
    occurredOn: new Date(`${day}T00:00:00Z`),
    fiscalYear: fiscalYearOf(day),
    minutes: input.minutes,
    method: input.method,
    topic: input.topic,
    notes: input.notes,
    staffImageIds: [...new Set(input.staffImageIds)],
    initiativeIds: [...new Set(input.initiativeIds)],
    // always moves on, even within the millisecond the session was written in
    updatedAt: new Date(Math.max(Date.now(), found.updatedAt.getTime() + 1)),
  };
  const { updatedAt: _, ...after } = data;
  const { body: updated } = await write(db, {
    actorId: actor.staffId,
    meta,
    what: 'OJT session',
    current,
    run: async (tx) => {
      guardUpdated(await ojt.updateSession(tx, id, found.updatedAt, data));
      const row = await ojt.sessionById(tx, id);
      if (!row) throw sessionNotFound();
      return {
        body: row,
        audit: {
          action: 'ojt.session.update',
          entityType: 'ojt_session',
          entityId: id,
          before: sessionSnapshot(found),
          after: { ...after, occurredOn: day },
        },
      };
    },
  });
  return toSession(updated, catalog, actor, new Set([updated.id]));
}
