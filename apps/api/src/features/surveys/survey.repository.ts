/**
 * The only place that talks to Prisma for engagement surveys. Answers (`survey_response`) are read
 * only in aggregate here: no function returns a single answer row (decision 050).
 */
import type { Db, Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';

type Client = Db | Tx;
export type Json = Prisma.InputJsonValue;

const questionSelect = {
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

const surveySelect = {
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

export type QuestionData = {
  kind: QuestionRow['kind'];
  textJa: string;
  textEn: string;
  choices: Json;
  staffImageIds: string[];
  initiativeIds: string[];
  active: boolean;
};

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

/** What a survey's population is defined by (a row of `survey` or its input). */
export type Population = {
  populationBureauIds: readonly string[];
  populationGradeIds: readonly string[];
  populationYoungOnly: boolean;
  opensOn: Date;
};

// --- report attributes, written once ----------------------------------------------------------------

/** Grade band: non-managerial staff, 係長級, 課長補佐・課長級, 部長級 and above (decision 051). */
const GRADE_BAND_SQL = Prisma.sql`CASE WHEN NOT g."managerial" THEN 'staff' WHEN g."rank" <= 3 THEN 'chief'
  WHEN g."rank" <= 5 THEN 'manager' ELSE 'senior' END`;

/** Years of service on `day`: the portal keeps no birth dates, so "age" is this band (decision 051). */
const serviceBandSql = (day: Prisma.Sql) => Prisma.sql`CASE
  WHEN s."hireDate" > (${day}::date - INTERVAL '3 years') THEN 'lt3'
  WHEN s."hireDate" > (${day}::date - INTERVAL '10 years') THEN '3to9'
  WHEN s."hireDate" > (${day}::date - INTERVAL '20 years') THEN '10to19'
  WHEN s."hireDate" > (${day}::date - INTERVAL '30 years') THEN '20to29'
  ELSE '30plus' END`;

/**
 * The people of a population on `day`: each enabled person's post in force (the latest, where several
 * are), with the report attributes. 若手 as the dashboards define it: hired less than 10 years before
 * the round opened.
 */
function populationSql(p: Population, day: Date): Prisma.Sql {
  const d = Prisma.sql`${day}::date`;
  const opens = Prisma.sql`${p.opensOn}::date`;
  return Prisma.sql`SELECT * FROM (
    SELECT DISTINCT ON (a."staffId") a."staffId", u."bureauId", u."path", u."id" AS "orgUnitId",
           a."gradeId", ${GRADE_BAND_SQL} AS "gradeBand", ${serviceBandSql(opens)} AS "serviceBand",
           (s."hireDate" > (${opens} - INTERVAL '10 years')) AS "young"
    FROM "assignment" a
    JOIN "staff" s ON s."id" = a."staffId" AND s."disabledAt" IS NULL
    JOIN "org_unit" u ON u."id" = a."orgUnitId"
    JOIN "grade" g ON g."id" = a."gradeId"
    WHERE a."startsOn" <= ${d} AND (a."endsOn" IS NULL OR a."endsOn" >= ${d})
    ORDER BY a."staffId", a."startsOn" DESC, a."isHead" ASC
  ) p
  WHERE (cardinality(${[...p.populationBureauIds]}::uuid[]) = 0 OR p."bureauId" = ANY(${[...p.populationBureauIds]}::uuid[]))
    AND (cardinality(${[...p.populationGradeIds]}::uuid[]) = 0 OR p."gradeId" = ANY(${[...p.populationGradeIds]}::uuid[]))
    AND (NOT ${p.populationYoungOnly} OR p."young")`;
}

export type Attributes = {
  /** Counts of the population sharing the person's values, per unit from theirs up to the 局・区 */
  levels: {
    unitId: string;
    kind: string;
    n: number;
    sameGrade: number;
    sameService: number;
    sameYoung: number;
  }[];
  city: { n: number; sameGrade: number; sameService: number; sameYoung: number };
  me: { bureauId: string | null; gradeBand: string; serviceBand: string; young: boolean };
};

/** A UUIDv7 made in SQL (time-ordered like the ids the app makes: lists sort by id). */
const UUID_V7 = Prisma.sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
  substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6),
  52, 1), 53, 1), 'hex')::uuid`;

export type GroupCount = { key: string | null; n: number };
export type AnswerCount = { key: string | null; questionId: string; value: string; n: number };

function scopeSql(scope: ResponseScope, r: string): Prisma.Sql {
  const a = Prisma.raw(r);
  switch (scope.kind) {
    case 'city':
      return Prisma.sql`true`;
    case 'bureaus':
      return Prisma.sql`${a}."bureauId" = ANY(${scope.bureauIds}::uuid[])`;
    case 'unit':
      return scope.isBureau
        ? Prisma.sql`${a}."bureauId" = ${scope.unitId}::uuid`
        : Prisma.sql`EXISTS (SELECT 1 FROM "org_unit" su WHERE su."id" = ${a}."unitId" AND su."path" LIKE ${`${scope.path}%`})`;
  }
}

/** The answers (or people) a result covers: the city, some 局・区, or one unit and what lies under it. */
export type ResponseScope =
  | { kind: 'city' }
  | { kind: 'bureaus'; bureauIds: string[] }
  | { kind: 'unit'; unitId: string; path: string; isBureau: boolean };

const groupKeySql = (groupBy: string | null, r: string): Prisma.Sql => {
  const a = Prisma.raw(r);
  switch (groupBy) {
    case 'bureau':
      return Prisma.sql`${a}."bureauId"::text`;
    case 'grade':
      return Prisma.sql`${a}."gradeBand"`;
    case 'age':
      return Prisma.sql`${a}."serviceBand"`;
    case 'young':
      return Prisma.sql`${a}."young"::text`;
    default:
      return Prisma.sql`'all'`;
  }
};

export function createSurveyRepository() {
  return {
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

    /** The surveys (of `ids`) whose population holds the person on `day`: one statement. */
    async eligibleSurveyIds(db: Client, staffId: string, ids: string[], day: Date): Promise<Set<string>> {
      if (!ids.length) return new Set();
      const rows = await db.$queryRaw<{ id: string }[]>`
        WITH me AS (
          SELECT DISTINCT ON (a."staffId") u."bureauId", a."gradeId", s."hireDate"
          FROM "assignment" a
          JOIN "staff" s ON s."id" = a."staffId" AND s."disabledAt" IS NULL
          JOIN "org_unit" u ON u."id" = a."orgUnitId"
          WHERE a."staffId" = ${staffId}::uuid AND a."startsOn" <= ${day}::date
            AND (a."endsOn" IS NULL OR a."endsOn" >= ${day}::date)
          ORDER BY a."staffId", a."startsOn" DESC, a."isHead" ASC)
        SELECT s."id"::text AS id FROM "survey" s, me
        WHERE s."id" = ANY(${ids}::uuid[])
          AND (cardinality(s."populationBureauIds") = 0 OR me."bureauId" = ANY(s."populationBureauIds"))
          AND (cardinality(s."populationGradeIds") = 0 OR me."gradeId" = ANY(s."populationGradeIds"))
          AND (NOT s."populationYoungOnly" OR me."hireDate" > (s."opensOn" - INTERVAL '10 years'))`;
      return new Set(rows.map((r) => r.id));
    },
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

    /** The person's report attributes and how many of the population share them, unit by unit. */
    async attributes(db: Client, survey: Population, staffId: string, day: Date): Promise<Attributes | null> {
      const rows = await db.$queryRaw<
        {
          unitId: string | null;
          kind: string | null;
          depth: number;
          n: number;
          sameGrade: number;
          sameService: number;
          sameYoung: number;
          bureauId: string | null;
          gradeBand: string;
          serviceBand: string;
          young: boolean;
        }[]
      >`
        WITH pop AS (${populationSql(survey, day)}),
        me AS (SELECT * FROM pop WHERE "staffId" = ${staffId}::uuid),
        anc AS (SELECT u."id", u."kind"::text AS kind, u."path", length(u."path") AS depth
                FROM "org_unit" u, me WHERE me."path" LIKE u."path" || '%')
        SELECT anc."id"::text AS "unitId", anc.kind, anc.depth,
               COUNT(p."staffId")::int AS n,
               COUNT(p."staffId") FILTER (WHERE p."gradeBand" = me."gradeBand")::int AS "sameGrade",
               COUNT(p."staffId") FILTER (WHERE p."serviceBand" = me."serviceBand")::int AS "sameService",
               COUNT(p."staffId") FILTER (WHERE p."young" = me."young")::int AS "sameYoung",
               me."bureauId"::text AS "bureauId", me."gradeBand", me."serviceBand", me."young"
        FROM me CROSS JOIN anc LEFT JOIN pop p ON p."path" LIKE anc."path" || '%'
        GROUP BY anc."id", anc.kind, anc.depth, me."bureauId", me."gradeBand", me."serviceBand", me."young"
        UNION ALL
        SELECT NULL, NULL, 0, COUNT(p."staffId")::int,
               COUNT(p."staffId") FILTER (WHERE p."gradeBand" = me."gradeBand")::int,
               COUNT(p."staffId") FILTER (WHERE p."serviceBand" = me."serviceBand")::int,
               COUNT(p."staffId") FILTER (WHERE p."young" = me."young")::int,
               me."bureauId"::text, me."gradeBand", me."serviceBand", me."young"
        FROM me CROSS JOIN pop p
        GROUP BY me."bureauId", me."gradeBand", me."serviceBand", me."young"
        ORDER BY 3 DESC`;
      const first = rows[0];
      if (!first) return null;
      const city = rows.find((r) => r.unitId === null);
      return {
        levels: rows
          .filter((r) => r.unitId !== null)
          .map((r) => ({
            unitId: r.unitId as string,
            kind: r.kind ?? '',
            n: r.n,
            sameGrade: r.sameGrade,
            sameService: r.sameService,
            sameYoung: r.sameYoung,
          })),
        city: {
          n: city?.n ?? 0,
          sameGrade: city?.sameGrade ?? 0,
          sameService: city?.sameService ?? 0,
          sameYoung: city?.sameYoung ?? 0,
        },
        me: {
          bureauId: first.bureauId,
          gradeBand: first.gradeBand,
          serviceBand: first.serviceBand,
          young: first.young,
        },
      };
    },

    /** Respondents per group of the scope (one statement). */
    respondents: (db: Client, surveyId: string, scope: ResponseScope, groupBy: string | null) =>
      db.$queryRaw<GroupCount[]>`
        SELECT ${groupKeySql(groupBy, 'r')} AS key, COUNT(*)::int AS n
        FROM "survey_response" r WHERE r."surveyId" = ${surveyId}::uuid AND ${scopeSql(scope, 'r')}
        GROUP BY 1`,
    /** Answers per group, question and value, aggregated in SQL (one statement). */
    answerCounts: (db: Client, surveyId: string, scope: ResponseScope, groupBy: string | null) =>
      db.$queryRaw<AnswerCount[]>`
        SELECT ${groupKeySql(groupBy, 'r')} AS key, a.key AS "questionId", a.value #>> '{}' AS value, COUNT(*)::int AS n
        FROM "survey_response" r CROSS JOIN LATERAL jsonb_each(r."answers") a
        WHERE r."surveyId" = ${surveyId}::uuid AND ${scopeSql(scope, 'r')}
        GROUP BY 1, 2, 3`,
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
    /** Respondents of each round, city-wide (one statement). */
    respondentsOf: (db: Client, surveyIds: string[]) =>
      db.$queryRaw<GroupCount[]>`
        SELECT r."surveyId"::text AS key, COUNT(*)::int AS n FROM "survey_response" r
        WHERE r."surveyId" = ANY(${surveyIds}::uuid[]) GROUP BY 1`,
    /** Answers per round, question and value, city-wide (one statement). */
    answerCountsOf: (db: Client, surveyIds: string[]) =>
      db.$queryRaw<AnswerCount[]>`
        SELECT r."surveyId"::text AS key, a.key AS "questionId", a.value #>> '{}' AS value, COUNT(*)::int AS n
        FROM "survey_response" r CROSS JOIN LATERAL jsonb_each(r."answers") a
        WHERE r."surveyId" = ANY(${surveyIds}::uuid[])
        GROUP BY 1, 2, 3`,
    /** Respondents per unit they are placed in (their 局・区 when the unit was coarsened away; '' neither). */
    async respondentsByUnit(db: Client, surveyId: string): Promise<Map<string, number>> {
      const rows = await db.$queryRaw<{ id: string; n: number }[]>`
        SELECT COALESCE(r."unitId", r."bureauId")::text AS id, COUNT(*)::int AS n
        FROM "survey_response" r WHERE r."surveyId" = ${surveyId}::uuid GROUP BY 1`;
      return new Map(rows.map((r) => [r.id ?? '', r.n]));
    },
    /** How many people the population holds on `day` (one statement, the rows every read starts from). */
    async populationCount(db: Client, population: Population, day: Date): Promise<number> {
      const rows = await db.$queryRaw<{ count: number }[]>`
        WITH pop AS (${populationSql(population, day)})
        SELECT count(*)::int AS count FROM pop`;
      return rows[0]?.count ?? 0;
    },
    /** People of the population per unit they are placed in, on `day` (one statement). */
    async populationByUnit(db: Client, survey: Population, day: Date): Promise<Map<string, number>> {
      const rows = await db.$queryRaw<{ id: string; n: number }[]>`
        WITH pop AS (${populationSql(survey, day)})
        SELECT p."orgUnitId"::text AS id, COUNT(*)::int AS n FROM pop p GROUP BY 1`;
      return new Map(rows.map((r) => [r.id, r.n]));
    },
    /** Every unit's parent ('' above the 局・区), for the drill-down checks. */
    async unitParents(db: Client): Promise<Map<string, string>> {
      const rows = await db.orgUnit.findMany({ select: { id: true, parentId: true } });
      return new Map(rows.map((u) => [u.id, u.parentId ?? '']));
    },
    /** Eligible and answered people per group of the scope, from the population on `day` (one statement). */
    rates: (
      db: Client,
      survey: Population & { id: string },
      scope: ResponseScope,
      groupBy: string | null,
      day: Date,
    ) =>
      db.$queryRaw<{ key: string | null; eligible: number; answered: number }[]>`
        WITH pop AS (${populationSql(survey, day)})
        SELECT ${groupKeySql(groupBy, 'p')} AS key, COUNT(*)::int AS eligible,
               COUNT(sp."staffId")::int AS answered
        FROM pop p LEFT JOIN "survey_participation" sp ON sp."surveyId" = ${survey.id}::uuid AND sp."staffId" = p."staffId"
        WHERE ${
          scope.kind === 'unit' && !scope.isBureau
            ? Prisma.sql`p."path" LIKE ${`${scope.path}%`}`
            : scopeSql(scope, 'p')
        }
        GROUP BY 1`,
    /**
     * One notification to each person of the population on `day` — only those who have not answered
     * when `unanswered` — in one INSERT … SELECT, whatever the population's size. Once per person and
     * `dedupeKey`; never to `by`; not to those given `skipKey` since `skipSince`. Returns how many.
     */
    async notifyPopulation(
      tx: Client,
      survey: Population & { id: string },
      day: Date,
      n: {
        kind: string;
        category: string;
        link: string;
        params: Record<string, string | number>;
        dedupeKey: string;
        unanswered: boolean;
        by?: string | null;
        skip?: { key: string; since: Date } | null;
      },
    ): Promise<number> {
      const rows = await tx.$queryRaw<{ n: number }[]>`
        WITH pop AS (${populationSql(survey, day)}),
        ins AS (
          INSERT INTO "notification" ("id", "recipientId", "category", "kind", "link", "params", "dedupeKey")
          SELECT ${UUID_V7}, p."staffId", ${n.category}, ${n.kind}, ${n.link}, ${JSON.stringify(n.params)}::jsonb,
                 ${n.dedupeKey}
          FROM pop p
          WHERE (NOT ${n.unanswered} OR NOT EXISTS (
                  SELECT 1 FROM "survey_participation" sp
                  WHERE sp."surveyId" = ${survey.id}::uuid AND sp."staffId" = p."staffId"))
            AND p."staffId" IS DISTINCT FROM ${n.by ?? null}::uuid
            AND NOT EXISTS (
                  SELECT 1 FROM "notification" x
                  WHERE x."recipientId" = p."staffId" AND x."dedupeKey" = ${n.skip?.key ?? null}
                    AND x."createdAt" >= ${n.skip?.since ?? new Date(0)})
          ON CONFLICT ("recipientId", "dedupeKey") DO NOTHING
          RETURNING 1)
        SELECT COUNT(*)::int AS n FROM ins`;
      return rows[0]?.n ?? 0;
    },
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
}

export type SurveyRepository = ReturnType<typeof createSurveyRepository>;
