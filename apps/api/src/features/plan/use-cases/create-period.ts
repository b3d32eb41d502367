/** HR opens a new draft period (idempotent). */
import { PlanPeriodCreate } from '@portal/contracts';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import type { PlanContext } from '../plan.context.ts';
import { planWrites } from '../plan-writes.repository.ts';

export async function createPeriod(
  ctx: PlanContext,
  actor: Actor,
  body: unknown,
  key: string | undefined,
  meta: RequestMeta,
) {
  const { db, repo, periodSummary, periodSnapshot, checkYears, record } = ctx;
  authorize(actor, 'plan:edit:any');
  const input = PlanPeriodCreate.parse(body);
  const policy = await repo.policyInForce(db);
  if (!policy) throw new NotFoundError('No policy is in force.', 'policy_not_found');
  const result = await write(db, {
    actorId: actor.staffId,
    idempotency: { operation: 'plan.period.create', key: key, body: body },
    run: async (tx) => {
      await checkYears(input.startFiscalYear, input.endFiscalYear, null, policy, tx);
      const created = await planWrites.createPeriod(tx, {
        policyId: policy.id,
        ordinal: await planWrites.nextPeriodOrdinal(tx, policy.id),
        nameJa: input.nameJa,
        nameEn: input.nameEn,
        startFiscalYear: input.startFiscalYear,
        endFiscalYear: input.endFiscalYear,
      });
      const after = periodSnapshot({ ...input, status: 'draft' });
      await record(tx, actor, meta, 'plan.period.create', {
        periodId: created.id,
        itemId: null,
        entityType: 'period',
        entityId: created.id,
        action: 'create',
        after,
      });
      return { status: 201, body: { id: created.id } };
    },
  });
  return { status: result.status, body: await periodSummary(result.body.id) };
}
