/** Open actions on the reader's side: those they own, and those of the 1on1s they wrote; due first. */
import type { OpenOneOnOneActionPage, PageQuery } from '@portal/contracts';
import { oneOnOneWhere } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import type { OneOnOneContext } from '../one-on-one.context.ts';
import { toAction } from '../one-on-one.shared.ts';

export async function listOpenActions(
  ctx: OneOnOneContext,
  actor: Actor,
  query: PageQuery,
): Promise<OpenOneOnOneActionPage> {
  const { db, oneOnOnes } = ctx;
  const { items, total } = await oneOnOnes.pageActions(
    db,
    {
      doneAt: null,
      oneOnOne: oneOnOneWhere(actor),
      OR: [{ ownerId: actor.staffId }, { oneOnOne: { authorId: actor.staffId } }],
    },
    query.page,
    query.pageSize,
  );
  return {
    items: items.map((a) => toAction(a, actor)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
