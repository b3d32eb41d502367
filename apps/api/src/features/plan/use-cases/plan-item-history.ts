/** An item's history: every change with who, when and a readable field-level diff. */
import type { PlanHistoryPage } from '@portal/contracts';
import { assertPlanPeriodVisible, authorize } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { PlanContext } from '../plan.context.ts';
import { diffSnapshots, type Snapshot, subjectOf } from '../plan-history.ts';

export async function itemHistory(
  ctx: PlanContext,
  actor: Actor,
  id: string,
  page: number,
  pageSize: number,
): Promise<PlanHistoryPage> {
  const { db, repo } = ctx;
  authorize(actor, 'plan:read:any');
  const found = await repo.item(id, db);
  if (!found) throw new NotFoundError('No such plan item.', 'plan_item_not_found');
  assertPlanPeriodVisible(actor, found.period.status);
  const [rows, total] = await repo.history(id, page, pageSize);
  const actors = new Map(
    (await repo.staffNames([...new Set(rows.flatMap((r) => r.actorId ?? []))])).map((s) => [s.id, s]),
  );
  return {
    items: rows.map((r) => {
      const before = (r.before as Snapshot | null) ?? null;
      const after = (r.after as Snapshot | null) ?? null;
      const who = r.actorId ? actors.get(r.actorId) : undefined;
      return {
        id: String(r.id),
        at: r.at.toISOString(),
        actor: who ? { id: who.id, name: who.nameJa, nameEn: who.nameEn } : null,
        entityType: r.entityType,
        entityId: r.entityId,
        action: r.action,
        subject: subjectOf(r.entityType, before, after),
        changes: diffSnapshots(before, after),
      };
    }),
    page,
    pageSize,
    total,
  };
}
