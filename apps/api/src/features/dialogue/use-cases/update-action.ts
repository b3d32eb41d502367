/** The action's owner or the 1on1's author marks it done or open again (versioned). */
import type { OneOnOneActionUpdate, OpenOneOnOneAction } from '@portal/contracts';
import { authorize, oneOnOneWhere } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { guardUpdated } from '../../../shared/write.ts';
import type { OneOnOneContext } from '../one-on-one.context.ts';
import { actionNotFound, toAction } from '../one-on-one.shared.ts';

export async function updateAction(
  ctx: OneOnOneContext,
  actor: Actor,
  id: string,
  input: OneOnOneActionUpdate,
  meta: RequestMeta,
): Promise<OpenOneOnOneAction> {
  const { db, oneOnOnes } = ctx;
  const found = await oneOnOnes.action(db, { id, oneOnOne: oneOnOneWhere(actor) });
  if (!found) throw actionNotFound();
  authorize(
    actor,
    ['one-on-one:respond:self', 'one-on-one:write:team'],
    { person: found.ownerId, supervised: found.oneOnOne.authorId === actor.staffId },
    { code: 'not_action_owner', message: 'Only the action’s owner or the 1on1’s author may update it.' },
  );
  const current = async () => {
    const row = await oneOnOnes.action(db, { id });
    if (!row) throw actionNotFound();
    return toAction(row, actor);
  };
  await ctx.writeAudited(
    actor,
    meta,
    { what: 'action', entityType: 'one_on_one_action', entityId: id, current },
    async (tx) => {
      const done = input.done;
      const unchanged = done === (found.doneAt !== null);
      guardUpdated(
        await oneOnOnes.updateAction(tx, id, input.version ?? found.version, {
          doneAt: done ? (unchanged ? found.doneAt : new Date()) : null,
          doneById: done ? actor.staffId : null,
        }),
      );
      return { action: 'one-on-one.action.update', before: { done: found.doneAt !== null }, after: { done } };
    },
  );
  return current();
}
