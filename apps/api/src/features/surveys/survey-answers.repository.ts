/**
 * A person's answering: their draft, whether they have answered, and the answer set stored without who
 * gave it (decision 050).
 */
import type { Db, Tx } from '../../db/client.ts';
import type { Json } from './survey-questions.repository.ts';

type Client = Db | Tx;

export const surveyAnswerRepository = {
  /** Where the person stands with each survey: answered, or a draft (one statement). */
  async myStates(db: Client, staffId: string, ids: string[]) {
    if (!ids.length) return new Map<string, 'submitted' | 'draft'>();
    const rows = await db.$queryRaw<{ id: string; state: 'submitted' | 'draft' }[]>`
      SELECT "surveyId"::text AS id, 'submitted' AS state FROM "survey_participation"
        WHERE "staffId" = ${staffId}::uuid AND "surveyId" = ANY(${ids}::uuid[])
      UNION ALL
      SELECT "surveyId"::text, 'draft' FROM "survey_draft"
        WHERE "staffId" = ${staffId}::uuid AND "surveyId" = ANY(${ids}::uuid[])`;
    const out = new Map<string, 'submitted' | 'draft'>();
    for (const r of rows) if (out.get(r.id) !== 'submitted') out.set(r.id, r.state);
    return out;
  },
  draft: (db: Client, surveyId: string, staffId: string) =>
    db.surveyDraft.findUnique({
      where: { surveyId_staffId: { surveyId, staffId } },
      select: { answers: true, version: true },
    }),
  hasAnswered: async (db: Client, surveyId: string, staffId: string) =>
    (await db.surveyParticipation.count({ where: { surveyId, staffId } })) > 0,
  createDraft: (tx: Tx, surveyId: string, staffId: string, answers: Json) =>
    tx.surveyDraft.create({ data: { surveyId, staffId, answers }, select: { version: true } }),
  updateDraft: (tx: Tx, surveyId: string, staffId: string, version: number, answers: Json) =>
    tx.surveyDraft.updateMany({
      where: { surveyId, staffId, version },
      data: { answers, version: { increment: 1 } },
    }),
  deleteDraft: (tx: Tx, surveyId: string, staffId: string) =>
    tx.surveyDraft.deleteMany({ where: { surveyId, staffId } }),
  /** Marks the person as having answered; false when they already had (the key refuses a second) */
  async markAnswered(tx: Tx, surveyId: string, staffId: string): Promise<boolean> {
    const n = await tx.$executeRaw`
      INSERT INTO "survey_participation" ("surveyId", "staffId") VALUES (${surveyId}::uuid, ${staffId}::uuid)
      ON CONFLICT DO NOTHING`;
    return n === 1;
  },
  /**
   * Stores one answer set with only its report attributes and a random id, then rewrites two
   * random earlier rows of the round in each of the two tables, so that neither table's physical
   * order follows the order of submission (decision 050).
   */
  async storeResponse(
    tx: Tx,
    surveyId: string,
    attrs: {
      bureauId: string | null;
      unitId: string | null;
      gradeBand: string | null;
      serviceBand: string | null;
      young: boolean | null;
    },
    answers: Json,
  ): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO "survey_response" ("surveyId", "bureauId", "unitId", "gradeBand", "serviceBand", "young", "answers")
      VALUES (${surveyId}::uuid, ${attrs.bureauId}::uuid, ${attrs.unitId}::uuid, ${attrs.gradeBand},
              ${attrs.serviceBand}, ${attrs.young}, ${JSON.stringify(answers)}::jsonb)`;
    await tx.$executeRaw`
      UPDATE "survey_response" SET "answers" = "answers" WHERE "id" IN (
        SELECT "id" FROM "survey_response" WHERE "surveyId" = ${surveyId}::uuid ORDER BY random() LIMIT 2)`;
    await tx.$executeRaw`
      UPDATE "survey_participation" SET "staffId" = "staffId" WHERE ("surveyId", "staffId") IN (
        SELECT "surveyId", "staffId" FROM "survey_participation" WHERE "surveyId" = ${surveyId}::uuid
        ORDER BY random() LIMIT 2)`;
  },
};
