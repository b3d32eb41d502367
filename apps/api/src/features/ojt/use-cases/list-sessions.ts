/** The OJT sessions the reader may see, filtered and paged, each with what the reader may do with it. */
import type { OjtSessionPage, OjtSessionQuery } from '@portal/contracts';
import { assertStaffVisible, ojtSessionsEditable, ojtSessionWhere } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import { dayRange } from '../../../shared/day-range.ts';
import { loadPolicyCatalog } from '../../policy/policy-links.ts';
import type { OjtContext } from '../ojt.context.ts';
import type { OjtSessionWhere } from '../ojt.repository.ts';

export async function listSessions(
  ctx: OjtContext,
  actor: Actor,
  query: OjtSessionQuery,
): Promise<OjtSessionPage> {
  const { db, ojt, toSession } = ctx;
  const occurredOn = dayRange(query);
  if (query.staffId) await assertStaffVisible(db, actor, query.staffId);
  const filters: OjtSessionWhere[] = [ojtSessionWhere(actor)];
  if (query.staffId) filters.push({ traineeId: query.staffId });
  if (query.supervisorId) {
    filters.push({ supervisorId: query.supervisorId === 'me' ? actor.staffId : query.supervisorId });
  }
  if (occurredOn) filters.push({ occurredOn });
  if (query.acknowledged !== undefined) {
    filters.push({ acknowledgedAt: query.acknowledged ? { not: null } : null });
  }
  const [{ items, total }, catalog] = await Promise.all([
    ojt.pageSessions({ AND: filters }, query.page, query.pageSize, db),
    loadPolicyCatalog(db),
  ]);
  const editable = await ojtSessionsEditable(db, actor, items);
  return {
    items: items.map((s) => toSession(s, catalog, actor, editable)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
