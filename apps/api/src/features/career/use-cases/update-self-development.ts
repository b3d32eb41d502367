/**
 * The person changes a record at the version they read (stale → 409 `stale_version`); a support request
 * the supervisor has decided on stays as it is (409 `support_already_decided`); a new request is told to
 * their supervisors.
 */
import type { SelfDevelopmentRecord, SelfDevelopmentUpdateData } from '@portal/contracts';
import { assertSelfWrite } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import type { SelfDevelopmentContext } from '../self-development.context.ts';
import { columnsOf, snapshot, supportColumns, supportRequested } from '../self-development.shared.ts';

export async function updateSelfDevelopment(
  ctx: SelfDevelopmentContext,
  actor: Actor,
  staffId: string,
  recordId: string,
  body: SelfDevelopmentUpdateData,
  meta: RequestMeta,
): Promise<SelfDevelopmentRecord> {
  const { db } = ctx;
  await assertSelfWrite(db, actor, staffId, 'selfdev:write:self');
  await ctx.checkInput(body);
  const row = await ctx.recordAt(
    staffId,
    recordId,
    body.version,
    'The record was changed meanwhile; nothing was saved.',
  );
  let support = {};
  if (body.supportRequest !== undefined) {
    if (row.supportStatus === 'approved' || row.supportStatus === 'declined') {
      await ctx.conflict(
        staffId,
        recordId,
        'The supervisor has already decided on the support request.',
        'support_already_decided',
      );
    }
    support = supportColumns(body.supportRequest);
  }
  const { body: saved } = await ctx.writeRecord(actor, staffId, recordId, meta, async (tx) => {
    const after = await ctx.changeRecord(
      tx,
      { id: recordId, staffId, version: body.version },
      { ...columnsOf(body), ...support },
    );
    if (body.supportRequest && row.supportStatus !== 'pending') {
      await supportRequested(tx, actor, staffId, after.title);
    }
    return {
      body: after,
      audit: {
        action: 'self_development.update',
        entityType: 'self_development_record',
        entityId: recordId,
        before: snapshot(row),
        after: snapshot(after),
      },
    };
  });
  return ctx.toRecord(db, saved);
}
