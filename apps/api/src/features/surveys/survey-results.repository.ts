/**
 * Results in SQL: answers are read only in aggregate here — respondents and answer counts per group of a
 * scope, per round, per unit — and the response rates from the population (decision 050).
 */
import type { Db, Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { type Population, populationSql } from './survey-population.repository.ts';

type Client = Db | Tx;

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

export const surveyResultRepository = {
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
};
