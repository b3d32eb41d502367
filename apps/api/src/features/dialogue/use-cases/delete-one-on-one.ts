/** The author deletes a record the person has not acknowledged (else 409 `one_on_one_acknowledged`). */
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { guardUpdated } from '../../../shared/write.ts';
import type { OneOnOneContext } from '../one-on-one.context.ts';
import { audited } from '../one-on-one.shared.ts';

export async function deleteOneOnOne(
  ctx: OneOnOneContext,
  actor: Actor,
  id: string,
  version: number,
  meta: RequestMeta,
): Promise<void> {
  const { db, oneOnOnes } = ctx;
  const found = await ctx.loadAsAuthor(actor, id);
  if (found.acknowledgedAt) {
    return ctx.refuseAcknowledged(
      actor,
      id,
      'The person has acknowledged this 1on1: it can no longer be deleted.',
    );
  }
  const hadPrivateNotes = (await oneOnOnes.privateNote(db, id, actor.staffId)) !== '';
  await ctx.writeRecord(actor, id, meta, async (tx) => {
    guardUpdated(await oneOnOnes.delete(tx, id, version));
    return {
      action: 'one-on-one.delete',
      before: { ...audited(found, hadPrivateNotes), actions: found.actions.map((a) => a.text) },
    };
  });
}
