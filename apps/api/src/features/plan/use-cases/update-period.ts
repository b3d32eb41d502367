/** HR edits a period and moves it draft → review → published (versioned). */
import type { PlanPeriodListItem, PlanPeriodUpdate } from '@portal/contracts';
import type { z } from 'zod';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { ConflictError, NotFoundError } from '../../../shared/errors.ts';
import { refuseStale } from '../../../shared/write.ts';
import { notify } from '../../notifications/notify.ts';
import { hrAdmins } from '../../notifications/recipients.repository.ts';
import type { PlanContext } from '../plan.context.ts';
import { writeHistory } from '../plan-history.ts';
import { planWrites } from '../plan-writes.repository.ts';

export async function updatePeriod(
  ctx: PlanContext,
  actor: Actor,
  id: string,
  input: z.output<typeof PlanPeriodUpdate>,
  meta: RequestMeta,
): Promise<PlanPeriodListItem> {
  const { db, repo, periodSummary, versioned, periodSnapshot, checkYears, assertEditable, audit } = ctx;
  authorize(actor, 'plan:read:any');
  const period = await repo.period(id, db);
  if (!period) throw new NotFoundError('No such plan period.', 'plan_period_not_found');
  assertEditable(actor, period);
  await versioned(
    actor,
    'plan period',
    () => periodSummary(id),
    async (tx) => {
      const before = await repo.period(id, tx);
      if (!before) throw new NotFoundError('No such plan period.', 'plan_period_not_found');
      if (before.version !== input.version) refuseStale();
      const start = input.startFiscalYear ?? before.startFiscalYear;
      const end = input.endFiscalYear ?? before.endFiscalYear;
      const yearsChanged = start !== before.startFiscalYear || end !== before.endFiscalYear;
      if (yearsChanged) {
        if (before.status === 'published') {
          throw new ConflictError('A published period keeps its years.', 'plan_period_published');
        }
        const policy = await repo.policyInForce(tx);
        if (policy) await checkYears(start, end, id, policy, tx);
      }
      const status = input.status ?? before.status;
      if (status !== before.status) {
        const allowed: Record<string, string[]> = {
          draft: ['review'],
          review: ['draft', 'published'],
          published: [],
        };
        if (!allowed[before.status]?.includes(status)) {
          throw new ConflictError(`A ${before.status} period cannot become ${status}.`, 'invalid_transition');
        }
      }
      const data = {
        nameJa: input.nameJa ?? before.nameJa,
        nameEn: input.nameEn ?? before.nameEn,
        startFiscalYear: start,
        endFiscalYear: end,
        status,
      };
      const updated = await planWrites.updatePeriod(tx, id, input.version, {
        ...data,
        ...(status === 'published' && before.status !== 'published' ? { publishedAt: new Date() } : {}),
      });
      if (updated !== 1) refuseStale();
      const b = periodSnapshot(before);
      const a = periodSnapshot(data);
      await writeHistory(tx, {
        periodId: id,
        itemId: null,
        entityType: 'period',
        entityId: id,
        action: status !== before.status ? 'status' : 'update',
        actorId: actor.staffId,
        before: b,
        after: a,
      });
      await audit(
        tx,
        actor,
        meta,
        status !== before.status ? `plan.period.${status}` : 'plan.period.update',
        'plan_period',
        id,
        b,
        a,
      );
      if (status === 'review' && before.status !== 'review') {
        await notify(tx, [
          {
            // only HR opens a period before it is published (bureau officers would find a 404)
            to: await hrAdmins(tx),
            kind: 'plan.period.review',
            link: `/plan/periods/${id}`,
            params: { title: data.nameJa, titleEn: data.nameEn },
            by: actor.staffId,
          },
        ]);
      }
    },
  );
  return periodSummary(id);
}
