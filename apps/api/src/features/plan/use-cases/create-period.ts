/** HR opens a new draft period (idempotent). */
import { PlanPeriodCreate } from '@portal/contracts';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { idempotent } from '../../../shared/idempotency.ts';
import type { PlanContext } from '../plan.context.ts';
import { writeHistory } from '../plan-history.ts';

export async function createPeriod(
  ctx: PlanContext,
  actor: Actor,
  body: unknown,
  key: string | undefined,
  meta: RequestMeta,
) {
  const { db, repo, periodSummary, periodSnapshot, checkYears, audit } = ctx;
  authorize(actor, 'plan:edit:any');
  const input = PlanPeriodCreate.parse(body);
  const policy = await repo.policyInForce(db);
  if (!policy) throw new NotFoundError('No policy is in force.', 'policy_not_found');
  const result = await idempotent(
    db,
    { actorId: actor.staffId, scope: 'plan.period.create', key, body },
    async (tx) => {
      await checkYears(input.startFiscalYear, input.endFiscalYear, null, policy, tx);
      const last = await tx.planPeriod.aggregate({
        where: { policyId: policy.id },
        _max: { ordinal: true },
      });
      const created = await tx.planPeriod.create({
        data: {
          policyId: policy.id,
          ordinal: (last._max.ordinal ?? 0) + 1,
          nameJa: input.nameJa,
          nameEn: input.nameEn,
          startFiscalYear: input.startFiscalYear,
          endFiscalYear: input.endFiscalYear,
        },
        select: { id: true },
      });
      const after = periodSnapshot({ ...input, status: 'draft' });
      await writeHistory(tx, {
        periodId: created.id,
        itemId: null,
        entityType: 'period',
        entityId: created.id,
        action: 'create',
        actorId: actor.staffId,
        after,
      });
      await audit(tx, actor, meta, 'plan.period.create', 'plan_period', created.id, undefined, after);
      return { status: 201, body: { id: created.id } };
    },
  );
  return { status: result.status, body: await periodSummary(result.body.id) };
}
