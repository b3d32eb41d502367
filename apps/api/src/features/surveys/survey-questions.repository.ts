/** The survey question bank: pages, one question, the guarded edit, and how many rounds ask each. */
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

type Client = Db | Tx;
export type Json = Prisma.InputJsonValue;

export const questionSelect = {
  id: true,
  code: true,
  kind: true,
  textJa: true,
  textEn: true,
  choices: true,
  staffImageIds: true,
  initiativeIds: true,
  active: true,
  version: true,
  updatedAt: true,
} satisfies Prisma.SurveyQuestionSelect;
export type QuestionRow = Prisma.SurveyQuestionGetPayload<{ select: typeof questionSelect }>;

export type QuestionData = {
  kind: QuestionRow['kind'];
  textJa: string;
  textEn: string;
  choices: Json;
  staffImageIds: string[];
  initiativeIds: string[];
  active: boolean;
};

export const surveyQuestionRepository = {
  async questionPage(
    db: Client,
    filter: { active?: boolean; q?: string },
    page: { skip: number; take: number },
  ) {
    const where: Prisma.SurveyQuestionWhereInput = {
      ...(filter.active === undefined ? {} : { active: filter.active }),
      ...(filter.q
        ? {
            OR: [
              { code: { contains: filter.q, mode: 'insensitive' } },
              { textJa: { contains: filter.q } },
              { textEn: { contains: filter.q, mode: 'insensitive' } },
            ],
          }
        : {}),
    };
    const [rows, total] = await Promise.all([
      db.surveyQuestion.findMany({ where, select: questionSelect, orderBy: { code: 'asc' }, ...page }),
      db.surveyQuestion.count({ where }),
    ]);
    return { rows, total };
  },
  question: (db: Client, id: string) =>
    db.surveyQuestion.findUnique({ where: { id }, select: questionSelect }),
  questionsByIds: (db: Client, ids: string[]) =>
    db.surveyQuestion.findMany({ where: { id: { in: ids } }, select: questionSelect }),
  questionByCode: (db: Client, code: string) =>
    db.surveyQuestion.findUnique({ where: { code }, select: { id: true } }),
  createQuestion: (tx: Tx, code: string, data: QuestionData) =>
    tx.surveyQuestion.create({ data: { code, ...data }, select: questionSelect }),
  updateQuestion: (tx: Tx, id: string, version: number, data: QuestionData) =>
    tx.surveyQuestion.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }),
  /** How many rounds ask each question (its kind is fixed once asked) */
  async usage(db: Client, ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await db.$queryRaw<{ id: string; n: number }[]>`
      SELECT q->>'questionId' AS id, COUNT(*)::int AS n
      FROM "survey" s CROSS JOIN LATERAL jsonb_array_elements(s."questions") q
      WHERE s."status" <> 'draft' AND q->>'questionId' = ANY(${ids}::text[])
      GROUP BY 1`;
    return new Map(rows.map((r) => [r.id, r.n]));
  },
};
