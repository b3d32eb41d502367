/** A person's self-development records (自己啓発) as the reader may see them, filtered and paged, with what the reader may do. */
import type { SelfDevelopmentPage, SelfDevelopmentQuery } from '@portal/contracts';
import { allows, assertCareerRecordsVisible, isSupervisorOf } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import type { SelfDevelopmentWhere } from '../career.repository.ts';
import type { SelfDevelopmentContext } from '../self-development.context.ts';

export async function listSelfDevelopment(
  ctx: SelfDevelopmentContext,
  actor: Actor,
  staffId: string,
  query: SelfDevelopmentQuery,
): Promise<SelfDevelopmentPage> {
  const { db, repo, toRecords } = ctx;
  await assertCareerRecordsVisible(db, actor, staffId);
  const where: SelfDevelopmentWhere = {
    staffId,
    ...(query.fiscalYear ? { fiscalYear: query.fiscalYear } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.supportStatus ? { supportStatus: query.supportStatus } : {}),
  };
  const [{ items, total }, supervises] = await Promise.all([
    repo.records(db, where, query.page, query.pageSize),
    isSupervisorOf(db, actor, staffId),
  ]);
  return {
    items: await toRecords(db, items),
    page: query.page,
    pageSize: query.pageSize,
    total,
    can: {
      create: actor.staffId === staffId && allows(actor, 'selfdev:write:self'),
      decide: supervises && allows(actor, 'selfdev:decide:team'),
    },
  };
}
