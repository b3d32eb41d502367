/** The person deletes a record at the version they read; one whose support was approved is kept (409 `support_already_decided`). */
import { assertSelfWrite } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { guardUpdated } from '../../../shared/write.ts';
import type { SelfDevelopmentContext } from '../self-development.context.ts';
import { snapshot } from '../self-development.shared.ts';

export async function deleteSelfDevelopment(
  ctx: SelfDevelopmentContext,
  actor: Actor,
  staffId: string,
  recordId: string,
  version: number,
  meta: RequestMeta,
): Promise<void> {
  const { db, repo } = ctx;
  await assertSelfWrite(db, actor, staffId, 'selfdev:write:self');
  const row = await ctx.requireRecord(staffId, recordId);
  if (row.supportStatus === 'approved') {
    await ctx.conflict(
      staffId,
      recordId,
      'A record whose support was approved is kept.',
      'support_already_decided',
    );
  }
  await ctx.writeRecord(actor, staffId, recordId, meta, async (tx) => {
    guardUpdated(await repo.deleteRecord(tx, { id: recordId, staffId, version }));
    return {
      body: null,
      audit: {
        action: 'self_development.delete',
        entityType: 'self_development_record',
        entityId: recordId,
        before: snapshot(row),
      },
    };
  });
}
