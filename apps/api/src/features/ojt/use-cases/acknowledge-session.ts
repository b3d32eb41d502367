/** The trainee acknowledges a session logged for them, and may add or change a 振り返り. */
import type { OjtAcknowledge, OjtSession } from '@portal/contracts';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { write } from '../../../shared/write.ts';
import { loadPolicyCatalog } from '../../policy/policy-links.ts';
import type { OjtContext } from '../ojt.context.ts';

export async function acknowledge(
  ctx: OjtContext,
  actor: Actor,
  id: string,
  input: OjtAcknowledge,
  meta: RequestMeta,
): Promise<OjtSession> {
  const { db, ojt, toSession } = ctx;
  const found = await ctx.sessionInScope(actor, id);
  authorize(
    actor,
    'ojt:acknowledge:self',
    { person: found.traineeId },
    {
      message: 'Only the trainee may acknowledge a session.',
      code: 'not_trainee',
    },
  );
  const { body: updated } = await write(db, {
    actorId: actor.staffId,
    meta,
    run: async (tx) => {
      const data = {
        acknowledgedAt: found.acknowledgedAt ?? new Date(),
        ...(input.reflection === undefined ? {} : { reflection: input.reflection || null }),
      };
      const row = await ojt.acknowledge(tx, id, data);
      return {
        body: row,
        audit: {
          action: 'ojt.session.acknowledge',
          entityType: 'ojt_session',
          entityId: id,
          before: { acknowledgedAt: found.acknowledgedAt, reflection: found.reflection },
          after: { acknowledgedAt: row.acknowledgedAt, reflection: row.reflection },
        },
      };
    },
  });
  return toSession(updated, await loadPolicyCatalog(db), actor, new Set());
}
