/**
 * The supervisor approves or declines a pending support request, with a reason, at the version they
 * read (stale → 409 `stale_version`; none pending → 409 `support_not_pending`); the person is told.
 */
import type { SelfDevelopmentRecord, SupportDecisionData } from '@portal/contracts';
import { assertSupervisorOf } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { tellPerson } from '../../notifications/tell.ts';
import type { SelfDevelopmentContext } from '../self-development.context.ts';

export async function decideSupport(
  ctx: SelfDevelopmentContext,
  actor: Actor,
  staffId: string,
  recordId: string,
  body: SupportDecisionData,
  meta: RequestMeta,
): Promise<SelfDevelopmentRecord> {
  const { db } = ctx;
  await assertSupervisorOf(db, actor, staffId, 'selfdev:decide:team');
  const row = await ctx.recordAt(
    staffId,
    recordId,
    body.version,
    'The record was changed meanwhile; nothing was decided.',
  );
  if (row.supportStatus !== 'pending') {
    await ctx.conflict(
      staffId,
      recordId,
      'No support request is waiting for a decision.',
      'support_not_pending',
    );
  }
  const { body: decided } = await ctx.writeRecord(actor, staffId, recordId, meta, async (tx) => {
    const after = await ctx.changeRecord(
      tx,
      { id: recordId, staffId, version: body.version, supportStatus: 'pending' },
      {
        supportStatus: body.decision,
        decisionReason: body.reason || null,
        decidedById: actor.staffId,
        decidedAt: new Date(),
      },
    );
    await tellPerson(tx, staffId, {
      kind: 'selfdev.support.decided',
      link: '/career#self-development',
      params: { title: after.title, decision: body.decision },
      by: actor.staffId,
    });
    return {
      body: after,
      audit: {
        action: `self_development.support_${body.decision}`,
        entityType: 'self_development_record',
        entityId: recordId,
        before: { supportStatus: row.supportStatus, version: row.version },
        after: { supportStatus: body.decision, reason: body.reason, version: after.version },
      },
    };
  });
  return ctx.toRecord(db, decided);
}
