/** The person records self-development, optionally asking for support (their supervisors are told); a retried create is replayed. */
import type { SelfDevelopmentCreateData, SelfDevelopmentRecord } from '@portal/contracts';
import { assertSelfWrite } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { type WriteResult, write } from '../../../shared/write.ts';
import type { SelfDevelopmentContext } from '../self-development.context.ts';
import { columnsOf, snapshot, supportColumns, supportRequested } from '../self-development.shared.ts';

export async function addSelfDevelopment(
  ctx: SelfDevelopmentContext,
  actor: Actor,
  staffId: string,
  body: SelfDevelopmentCreateData,
  meta: RequestMeta,
  idempotencyKey: string | undefined,
): Promise<WriteResult<SelfDevelopmentRecord>> {
  const { db, repo, toRecord } = ctx;
  await assertSelfWrite(db, actor, staffId, 'selfdev:write:self');
  await ctx.checkInput(body);
  return write(db, {
    actorId: actor.staffId,
    meta,
    idempotency: { operation: `selfdev.create:${staffId}`, key: idempotencyKey, body: body },
    run: async (tx) => {
      const created = await repo.createRecord(tx, {
        staffId,
        ...columnsOf(body),
        ...supportColumns(body.supportRequest),
      });
      const row = await repo.record(tx, staffId, created.id);
      if (!row) throw new Error('unreachable');
      if (body.supportRequest) await supportRequested(tx, actor, staffId, row.title);
      return {
        status: 201,
        body: await toRecord(tx, row),
        audit: {
          action: 'self_development.create',
          entityType: 'self_development_record',
          entityId: row.id,
          after: snapshot(row),
        },
      };
    },
  });
}
