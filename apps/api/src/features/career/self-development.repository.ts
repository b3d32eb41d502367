/** Self-development records' (自己啓発) Prisma access: a page, one, and the versioned writes. */
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

/** The query shapes the feature's use cases compose (scope rules come from `access/scope.ts`). */
export type SelfDevelopmentWhere = Prisma.SelfDevelopmentRecordWhereInput;

export const recordSelect = {
  id: true,
  staffId: true,
  kind: true,
  title: true,
  description: true,
  provider: true,
  startedOn: true,
  completedOn: true,
  fiscalYear: true,
  hours: true,
  staffImageIds: true,
  initiativeIds: true,
  supportStatus: true,
  supportDetail: true,
  supportAmountYen: true,
  decisionReason: true,
  decidedById: true,
  decidedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.SelfDevelopmentRecordSelect;
export type RecordRow = Prisma.SelfDevelopmentRecordGetPayload<{ select: typeof recordSelect }>;

/** Every function takes the client it runs on: the pool for a read, the write's `tx` inside one. */
export const selfDevelopmentRepository = {
  async records(
    client: Db | Tx,
    where: Prisma.SelfDevelopmentRecordWhereInput,
    page: number,
    pageSize: number,
  ) {
    const [items, total] = await Promise.all([
      client.selfDevelopmentRecord.findMany({
        where,
        select: recordSelect,
        orderBy: [{ fiscalYear: 'desc' }, { createdAt: 'desc' }],
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
      client.selfDevelopmentRecord.count({ where }),
    ]);
    return { items, total };
  },

  record(client: Db | Tx, staffId: string, id: string) {
    return client.selfDevelopmentRecord.findFirst({ where: { id, staffId }, select: recordSelect });
  },

  createRecord(tx: Tx, data: Prisma.SelfDevelopmentRecordUncheckedCreateInput) {
    return tx.selfDevelopmentRecord.create({ data, select: { id: true } });
  },

  /** Changes a record at the version the writer read (and raises it); the count says whether it matched. */
  async updateRecord(
    tx: Tx,
    key: { staffId: string; id: string; version: number; supportStatus?: 'pending' },
    data: Prisma.SelfDevelopmentRecordUncheckedUpdateManyInput,
  ): Promise<number> {
    const { count } = await tx.selfDevelopmentRecord.updateMany({
      where: key,
      data: { ...data, version: { increment: 1 } },
    });
    return count;
  },

  /** Deletes a record at the version the writer read, unless its support was approved. */
  async deleteRecord(tx: Tx, key: { staffId: string; id: string; version: number }): Promise<number> {
    const { count } = await tx.selfDevelopmentRecord.deleteMany({
      where: { ...key, supportStatus: { not: 'approved' } },
    });
    return count;
  },
};
