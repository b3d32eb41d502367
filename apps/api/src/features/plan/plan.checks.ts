/**
 * What every plan write shares: the versioned write, the editability check, the audit and history
 * record; with the snapshots (plan.snapshots.ts) and the input checks (plan.validation.ts).
 */
import type { AuditAction, AuditEntityType } from '@portal/contracts';
import { assertPlanPeriodVisible, authorize } from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { write } from '../../shared/write.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import type { PeriodRow, PlanRepository } from './plan.repository.ts';
import type { PlanShaping } from './plan.shaping.ts';
import { createPlanSnapshots } from './plan.snapshots.ts';
import { createPlanValidation } from './plan.validation.ts';
import { type HistoryWrite, writeHistory } from './plan-history.ts';

export function createPlanChecks(db: Db, shaping: PlanShaping, repo: PlanRepository) {
  /** A versioned write on the one write path: a stale version is the 409 with `current()`. */
  async function versioned(
    actor: Actor,
    what: string,
    current: () => Promise<unknown>,
    run: (tx: Tx) => Promise<void>,
  ) {
    await write(db, { actorId: actor.staffId, what, current, run: async (tx) => ({ body: await run(tx) }) });
  }

  /** 404 unless visible; then 403 unless HR. */
  function assertEditable(actor: Actor, period: { status: PeriodRow['status'] }) {
    assertPlanPeriodVisible(actor, period.status);
    authorize(actor, 'plan:edit:any');
  }

  const audit = (
    tx: Tx,
    actor: Actor,
    meta: RequestMeta,
    action: AuditAction,
    entityType: AuditEntityType,
    entityId: string,
    before?: unknown,
    after?: unknown,
  ) => recordAudit(tx, { actorId: actor.staffId, action, entityType, entityId, before, after, meta });

  const AUDITED = { period: 'plan_period', item: 'plan_item', kpi: 'kpi', actual: 'kpi' } as const;

  /** A change kept twice in its transaction: in the plan's history and in the audit log. */
  async function record(
    tx: Tx,
    actor: Actor,
    meta: RequestMeta,
    auditAction: AuditAction,
    change: Omit<HistoryWrite, 'actorId'>,
  ) {
    await writeHistory(tx, { ...change, actorId: actor.staffId });
    await audit(
      tx,
      actor,
      meta,
      auditAction,
      AUDITED[change.entityType],
      change.entityId,
      change.before,
      change.after,
    );
  }

  return {
    ...createPlanSnapshots(shaping, repo),
    ...createPlanValidation(shaping, repo),
    versioned,
    assertEditable,
    audit,
    record,
  };
}
