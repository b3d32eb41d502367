/** The logger deletes a session the trainee has not acknowledged (else 409 `ojt_acknowledged`). */
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { ConflictError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import { loadPolicyCatalog } from '../../policy/policy-links.ts';
import type { OjtContext } from '../ojt.context.ts';
import type { SessionRow } from '../ojt.repository.ts';
import { sessionNotFound, sessionSnapshot } from '../ojt.shared.ts';

export async function deleteSession(
  ctx: OjtContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<void> {
  const { db, ojt, toSession } = ctx;
  const found = await ctx.sessionOfLogger(actor, id);
  const acknowledged = async (row: SessionRow) => {
    throw new ConflictError(
      'The trainee has acknowledged this session: it can no longer be deleted.',
      'ojt_acknowledged',
      toSession(row, await loadPolicyCatalog(db), actor, new Set([row.id])),
    );
  };
  if (found.acknowledgedAt) return acknowledged(found);
  const { body: deleted } = await write(db, {
    actorId: actor.staffId,
    meta,
    run: async (tx) => {
      const { count } = await ojt.deleteUnacknowledged(tx, id);
      if (count === 0) return { body: false };
      return {
        body: true,
        audit: {
          action: 'ojt.session.delete',
          entityType: 'ojt_session',
          entityId: id,
          before: { ...sessionSnapshot(found), batchId: found.batchId },
        },
      };
    },
  });
  if (deleted) return;
  // acknowledged (or deleted) in the meantime
  const now = await ojt.sessionById(db, id);
  if (!now) throw sessionNotFound();
  return acknowledged(now);
}
