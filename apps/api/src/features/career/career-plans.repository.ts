/** Career plans' Prisma access: a plan with its comments and versions, its writes, the 年度 it exists for. */
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

export type CareerPlanSelect = Prisma.CareerPlanSelect;

export const planSelect = {
  id: true,
  staffId: true,
  fiscalYear: true,
  status: true,
  shortTermGoal: true,
  midTermGoal: true,
  longTermGoal: true,
  desiredExperiences: true,
  selfAssessments: true,
  skillsToGain: true,
  staffImageIds: true,
  initiativeIds: true,
  submittedAt: true,
  carriedFromId: true,
  version: true,
  updatedAt: true,
  comments: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, authorId: true, body: true, requestsChanges: true, createdAt: true },
  },
  versions: { orderBy: { version: 'desc' }, take: 1, select: { savedById: true } },
} as const satisfies Prisma.CareerPlanSelect;
export type PlanRow = Prisma.CareerPlanGetPayload<{ select: typeof planSelect }>;

/** What a kept version of a plan needs. */
export const planVersionSelect = {
  id: true,
  version: true,
  status: true,
  shortTermGoal: true,
  midTermGoal: true,
  longTermGoal: true,
  desiredExperiences: true,
  selfAssessments: true,
  skillsToGain: true,
  staffImageIds: true,
  initiativeIds: true,
} as const satisfies Prisma.CareerPlanSelect;

/** Every function takes the client it runs on: the pool for a read, the write's `tx` inside one. */
export const careerPlanRepository = {
  plan(client: Db | Tx, staffId: string, fiscalYear: number) {
    return client.careerPlan.findUnique({
      where: { staffId_fiscalYear: { staffId, fiscalYear } },
      select: planSelect,
    });
  },

  /** A plan as a version keeps it (its content, status and version). */
  planForVersion(tx: Db | Tx, where: Prisma.CareerPlanWhereUniqueInput) {
    return tx.careerPlan.findUnique({ where, select: planVersionSelect });
  },

  createPlan(tx: Tx, data: Prisma.CareerPlanUncheckedCreateInput) {
    return tx.careerPlan.create({ data, select: { id: true } });
  },

  /** Changes a plan at the version the writer read (and raises it); the count says whether it matched. */
  async updatePlan(
    tx: Tx,
    where: Prisma.CareerPlanWhereInput & { id: string; version: number },
    data: Prisma.CareerPlanUncheckedUpdateManyInput,
  ): Promise<number> {
    const { count } = await tx.careerPlan.updateMany({
      where,
      data: { ...data, version: { increment: 1 } },
    });
    return count;
  },

  async createPlanVersion(tx: Tx, data: Prisma.CareerPlanVersionUncheckedCreateInput): Promise<void> {
    await tx.careerPlanVersion.create({ data });
  },

  createPlanComment(tx: Tx, data: Prisma.CareerPlanCommentUncheckedCreateInput) {
    return tx.careerPlanComment.create({ data, select: { id: true } });
  },

  /** A plan's id and 年度 (the plan another was carried from). */
  planRef(client: Db | Tx, id: string) {
    return client.careerPlan.findUnique({ where: { id }, select: { id: true, fiscalYear: true } });
  },

  planYears(client: Db | Tx, staffId: string) {
    return client.careerPlan.findMany({
      where: { staffId },
      orderBy: { fiscalYear: 'desc' },
      select: { id: true, fiscalYear: true },
    });
  },

  /** The newest plan of an earlier 年度, to carry forward. */
  latestPlanBefore(client: Db | Tx, staffId: string, fiscalYear: number) {
    return client.careerPlan.findFirst({
      where: { staffId, fiscalYear: { lt: fiscalYear } },
      orderBy: { fiscalYear: 'desc' },
      select: planSelect,
    });
  },

  planVersions(client: Db | Tx, planId: string) {
    return client.careerPlanVersion.findMany({
      where: { planId },
      orderBy: { version: 'desc' },
      select: { version: true, status: true, content: true, savedById: true, savedAt: true },
    });
  },
};
