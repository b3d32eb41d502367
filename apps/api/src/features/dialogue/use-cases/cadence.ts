/** How often a supervisor means to hold a 1on1 with each of their staff: read it, set it. */
import type { OneOnOneCadence, OneOnOneCadenceWrite } from '@portal/contracts';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { ConflictError } from '../../../shared/errors.ts';
import { guardUpdated, refuseStale } from '../../../shared/write.ts';
import type { OneOnOneContext } from '../one-on-one.context.ts';

/** The supervisor's cadence, or the default when they have set none. */
export async function getCadence(ctx: OneOnOneContext, actor: Actor): Promise<OneOnOneCadence> {
  authorize(actor, 'one-on-one:write:team');
  return ctx.cadenceOf(actor.staffId);
}

/** The supervisor sets their team's cadence (version 0 for the first time; stale → 409). */
export async function setCadence(
  ctx: OneOnOneContext,
  actor: Actor,
  input: OneOnOneCadenceWrite,
  meta: RequestMeta,
): Promise<OneOnOneCadence> {
  const { db, oneOnOnes } = ctx;
  authorize(actor, 'one-on-one:write:team');
  const found = await oneOnOnes.cadence(db, actor.staffId);
  const current = () => ctx.cadenceOf(actor.staffId);
  try {
    await ctx.writeAudited(
      actor,
      meta,
      { what: 'cadence', entityType: 'one_on_one_cadence', entityId: actor.staffId, current },
      async (tx) => {
        if (input.version === 0) {
          if (found) return refuseStale();
          await oneOnOnes.createCadence(tx, actor.staffId, input.intervalDays);
        } else {
          guardUpdated(await oneOnOnes.updateCadence(tx, actor.staffId, input.version, input.intervalDays));
        }
        return {
          action: 'one-on-one.cadence',
          before: found ? { intervalDays: found.intervalDays } : undefined,
          after: { intervalDays: input.intervalDays },
        };
      },
    );
  } catch (error) {
    // two first saves at once: the primary key lets one through
    if ((error as { code?: string }).code !== 'P2002') throw error;
    throw new ConflictError('The cadence was changed by someone else.', 'stale_version', await current());
  }
  return current();
}
