/**
 * 自己申告 declarations without their 配慮事項 (those are in `considerations.repository.ts`): the
 * declaration, its guarded changes, the 面談 as a 1on1, and the career plan and people it names.
 */
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

type Client = Db | Tx;

/** The declaration without its 配慮事項 (those are read on their own, by who may). */
export const declarationSelect = {
  id: true,
  roundId: true,
  staffId: true,
  status: true,
  bureauId: true,
  reflection: true,
  desiredUnitIds: true,
  desiredJobFamilyIds: true,
  desiredWork: true,
  careerFieldIds: true,
  publicPostIds: true,
  careerVision: true,
  careerPlanId: true,
  submittedAt: true,
  interviewedOn: true,
  interviewerId: true,
  supervisorOpinion: true,
  oneOnOneId: true,
  version: true,
  updatedAt: true,
} as const satisfies Prisma.SelfDeclarationSelect;
export type DeclarationRow = Prisma.SelfDeclarationGetPayload<{ select: typeof declarationSelect }>;

export type DeclarationContentColumns = {
  reflection: string;
  desiredUnitIds: string[];
  desiredJobFamilyIds: string[];
  desiredWork: string;
  careerFieldIds: string[];
  publicPostIds: string[];
  careerVision: string;
  careerPlanId: string | null;
};

export const declarationRepository = {
  declaration(db: Client, roundId: string, staffId: string) {
    return db.selfDeclaration.findUnique({
      where: { roundId_staffId: { roundId, staffId } },
      select: declarationSelect,
    });
  },

  createDeclaration(
    tx: Tx,
    data: DeclarationContentColumns & { roundId: string; staffId: string; bureauId: string | null },
  ) {
    return tx.selfDeclaration.create({ data, select: { id: true } });
  },

  /** Saves the content when `version` is current (a submitted one becomes a draft again). */
  async updateDeclaration(tx: Tx, id: string, version: number, data: DeclarationContentColumns) {
    const { count } = await tx.selfDeclaration.updateMany({
      where: { id, version, status: { not: 'interviewed' } },
      data: { ...data, status: 'draft', version: { increment: 1 } },
    });
    return count > 0;
  },

  async submit(tx: Tx, id: string, version: number) {
    const { count } = await tx.selfDeclaration.updateMany({
      where: { id, version, status: 'draft' },
      data: { status: 'submitted', submittedAt: new Date(), version: { increment: 1 } },
    });
    return count > 0;
  },

  /** A 1on1 that may stand for the 面談: of this person, by this author, of kind `self_declaration`. */
  interviewOneOnOne(client: Client, id: string, staffId: string, authorId: string) {
    return client.oneOnOne.findFirst({
      where: { id, staffId, authorId, kind: 'self_declaration', status: 'held' },
      select: { id: true, selfDeclaration: { select: { id: true } } },
    });
  },

  /** Records the 面談 as a 1on1 of kind `self_declaration` (the 1on1 rollups count it by trigger). */
  async createInterviewOneOnOne(
    tx: Tx,
    row: { staffId: string; authorId: string; heldOn: Date; fiscalYear: number; minutes: number },
  ) {
    return (
      await tx.oneOnOne.create({
        data: { ...row, kind: 'self_declaration', status: 'held', topics: ['自己申告'] },
        select: { id: true },
      })
    ).id;
  },

  /** Records the 面談 on the declaration when `version` is current and it has been submitted. */
  async recordInterview(
    tx: Tx,
    id: string,
    version: number,
    data: { interviewedOn: Date; interviewerId: string; supervisorOpinion: string; oneOnOneId: string },
  ) {
    const { count } = await tx.selfDeclaration.updateMany({
      where: { id, version, status: { in: ['submitted', 'interviewed'] } },
      data: { ...data, status: 'interviewed', version: { increment: 1 } },
    });
    return count > 0;
  },

  /** The current 年度's career plan of the person, for the vision and its link. */
  careerPlan(db: Client, staffId: string, fiscalYear: number) {
    return db.careerPlan.findUnique({
      where: { staffId_fiscalYear: { staffId, fiscalYear } },
      select: { id: true, fiscalYear: true, midTermGoal: true, longTermGoal: true },
    });
  },

  people(db: Client, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db.staff.findMany({
      where: { id: { in: [...new Set(ids)] } },
      select: { id: true, nameJa: true, nameEn: true, employeeNumber: true },
    });
  },
};
