/** Survey rounds (the `survey` row), and the units, grades and policies a round and its results name. */
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Json } from './survey-questions.repository.ts';

type Client = Db | Tx;

export const surveySelect = {
  id: true,
  titleJa: true,
  titleEn: true,
  descriptionJa: true,
  descriptionEn: true,
  fiscalYear: true,
  status: true,
  opensOn: true,
  closesOn: true,
  populationBureauIds: true,
  populationGradeIds: true,
  populationYoungOnly: true,
  minGroupSize: true,
  questions: true,
  previousId: true,
  version: true,
} satisfies Prisma.SurveySelect;
export type SurveyRow = Prisma.SurveyGetPayload<{ select: typeof surveySelect }>;

export type SurveyData = {
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  fiscalYear: number;
  opensOn: Date;
  closesOn: Date;
  populationBureauIds: string[];
  populationGradeIds: string[];
  populationYoungOnly: boolean;
  minGroupSize: number;
  questions: Json;
  previousId: string | null;
};

export const surveyRoundRepository = {
  async surveyPage(
    db: Client,
    where: Prisma.SurveyWhereInput,
    page: { skip: number; take: number },
  ): Promise<{ rows: SurveyRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      db.survey.findMany({
        where,
        select: surveySelect,
        orderBy: [{ opensOn: 'desc' }, { id: 'desc' }],
        ...page,
      }),
      db.survey.count({ where }),
    ]);
    return { rows, total };
  },
  /** Ids of the rounds matching (rounds are few: a handful a year) */
  surveyIds: async (db: Client, where: Prisma.SurveyWhereInput) =>
    (await db.survey.findMany({ where, select: { id: true }, take: 2000 })).map((s) => s.id),
  survey: (db: Client, id: string) => db.survey.findUnique({ where: { id }, select: surveySelect }),
  createSurvey: (tx: Tx, data: SurveyData) => tx.survey.create({ data, select: surveySelect }),
  updateSurvey: (
    tx: Tx,
    id: string,
    version: number,
    data: Partial<SurveyData> & { status?: SurveyRow['status'] },
  ) => tx.survey.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }),

  /** The rounds of these 年度 whose figures no longer move (closed, or past the window on `on`), latest first. */
  finishedRounds: (db: Client, years: number[], on: Date) =>
    db.survey.findMany({
      where: {
        fiscalYear: { in: years },
        OR: [{ status: 'closed' }, { status: 'open', closesOn: { lt: on } }],
      },
      select: surveySelect,
      orderBy: [{ closesOn: 'desc' }, { id: 'desc' }],
    }),
  /** The rounds taking answers on `day` (open, within the window). */
  acceptingRounds: (db: Client, day: Date) =>
    db.survey.findMany({
      where: { status: 'open', opensOn: { lte: day }, closesOn: { gte: day } },
      select: surveySelect,
    }),

  orgUnit: (db: Client, id: string) =>
    db.orgUnit.findUnique({
      where: { id },
      select: {
        id: true,
        kind: true,
        path: true,
        bureauId: true,
        parentId: true,
        nameJa: true,
        nameEn: true,
      },
    }),
  bureaus: (db: Client, ids: string[]) =>
    db.orgUnit.findMany({
      where: { id: { in: ids } },
      select: { id: true, nameJa: true, nameEn: true, position: true, code: true },
    }),
  /** The 局・区 that exist (for population checks) */
  bureauIdsIn: async (db: Client, ids: string[]) =>
    (
      await db.orgUnit.findMany({
        where: { id: { in: ids }, kind: { in: ['bureau', 'ward'] } },
        select: { id: true },
      })
    ).map((u) => u.id),
  gradeIdsIn: async (db: Client, ids: string[]) =>
    (await db.grade.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((g) => g.id),
  priorityPolicies: (db: Client) =>
    db.priorityPolicy.findMany({
      where: { policy: { inForce: true } },
      select: { id: true, tagCode: true, titleJa: true, titleEn: true, tagLabelJa: true, tagLabelEn: true },
      orderBy: { position: 'asc' },
    }),
};
