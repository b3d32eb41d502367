/**
 * Who a survey round is for, in SQL: its population on a day with the report attributes, the rounds
 * that hold a person, a person's attributes and how many share them, and the notices to everyone in it.
 */
import type { Db, Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';

type Client = Db | Tx;

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
export function populationSql(p: Population, day: Date): Prisma.Sql {
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

export const surveyPopulationRepository = {
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
};
