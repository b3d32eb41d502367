/** The supervisor comments on a submitted plan, or asks for changes; the person is told. Idempotency-Key. */
import type { CareerPlanCommentData } from '@portal/contracts';
import { assertSupervisorOf } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { ConflictError } from '../../../shared/errors.ts';
import { write } from '../../../shared/write.ts';
import { tellPerson } from '../../notifications/tell.ts';
import type { CareerPlanContext } from '../career-plan.context.ts';
import { currentFiscalYear } from '../career-plan.shared.ts';

/** Thrown inside a transaction to roll it back; answered as a 409 once it has ended. */
class Refused extends Error {
  constructor(readonly reason: 'stale' | 'draft') {
    super(reason);
  }
}

export async function commentCareerPlan(
  ctx: CareerPlanContext,
  actor: Actor,
  staffId: string,
  fiscalYearInput: number | undefined,
  body: CareerPlanCommentData,
  meta: RequestMeta,
  idempotencyKey: string | undefined,
) {
  const { db, repo, currentPlan, keepVersion, requirePlan, stale, toPlan } = ctx;
  await assertSupervisorOf(db, actor, staffId, 'career:comment:team');
  const fiscalYear = fiscalYearInput ?? currentFiscalYear();
  const row = await requirePlan(db, staffId, fiscalYear);
  const status = body.requestsChanges ? 'changes_requested' : 'commented';
  try {
    const result = await write(db, {
      actorId: actor.staffId,
      meta,
      idempotency: {
        operation: `career.plan.comment:${staffId}:${fiscalYear}`,
        key: idempotencyKey,
        body: body,
      },
      run: async (tx) => {
        const count = await repo.updatePlan(
          tx,
          { id: row.id, version: body.version, status: { not: 'draft' } },
          { status },
        );
        if (count === 0) {
          throw new Refused(row.version === body.version && row.status === 'draft' ? 'draft' : 'stale');
        }
        const created = await repo.createPlanComment(tx, {
          planId: row.id,
          authorId: actor.staffId,
          body: body.body,
          requestsChanges: body.requestsChanges,
        });
        await keepVersion(tx, row.id, actor.staffId);
        await tellPerson(tx, staffId, {
          kind: body.requestsChanges ? 'career.plan.changes_requested' : 'career.plan.commented',
          link: '/career#plan',
          params: { fiscalYear },
          by: actor.staffId,
        });
        const updated = await repo.plan(tx, staffId, fiscalYear);
        if (!updated) throw new Refused('stale');
        return {
          status: 201,
          body: await toPlan(tx, updated),
          audit: {
            action: 'career_plan.comment',
            entityType: 'career_plan',
            entityId: row.id,
            before: { version: body.version, status: row.status },
            after: {
              version: body.version + 1,
              status,
              commentId: created.id,
              requestsChanges: body.requestsChanges,
            },
          },
        };
      },
    });
    return result.body;
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    if (e.reason === 'draft') {
      throw new ConflictError(
        'The plan has not been submitted yet.',
        'plan_not_submitted',
        await currentPlan(staffId, fiscalYear),
      );
    }
    return stale(staffId, fiscalYear);
  }
}
