/** One 1on1 the reader may see (else 404); its private notes only to its author. */
import type { OneOnOne } from '@portal/contracts';
import type { Actor } from '../../../access/actor.ts';
import type { OneOnOneContext } from '../one-on-one.context.ts';

export async function getOneOnOne(ctx: OneOnOneContext, actor: Actor, id: string): Promise<OneOnOne> {
  await ctx.load(actor, id);
  return ctx.view(actor, id);
}
