/**
 * The 1on1s the reader may see (the person's own, those they wrote, their staff's; all for HR), filtered
 * and paged, newest first. A list never carries private notes, not even the author's own.
 */
import type { OneOnOnePage, OneOnOneQuery } from '@portal/contracts';
import { assertOneOnOnesVisible, oneOnOneWhere } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import { dayRange } from '../../../shared/day-range.ts';
import { loadPolicyCatalog } from '../../policy/policy-links.ts';
import type { OneOnOneContext } from '../one-on-one.context.ts';
import type { OneOnOneWhere } from '../one-on-one.repository.ts';

export async function listOneOnOnes(
  ctx: OneOnOneContext,
  actor: Actor,
  query: OneOnOneQuery,
): Promise<OneOnOnePage> {
  const { db, oneOnOnes, toView } = ctx;
  const heldOn = dayRange(query);
  if (query.staffId) await assertOneOnOnesVisible(db, actor, query.staffId);
  const filters: OneOnOneWhere[] = [oneOnOneWhere(actor)];
  if (query.staffId) filters.push({ staffId: query.staffId });
  if (query.authorId) filters.push({ authorId: query.authorId === 'me' ? actor.staffId : query.authorId });
  if (query.status) filters.push({ status: query.status });
  if (heldOn) filters.push({ heldOn });
  const [{ items, total }, catalog] = await Promise.all([
    oneOnOnes.page(db, { AND: filters }, query.page, query.pageSize),
    loadPolicyCatalog(db),
  ]);
  const editable = await ctx.editableAmong(actor, items);
  // a list never carries private notes, not even the author's own
  return {
    items: items.map((r) => toView(r, catalog, actor, editable)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
