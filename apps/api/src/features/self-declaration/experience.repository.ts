/** The experience map in SQL: one person's years per 局・区, 分野 (部) and grade; HR's search for narrow experience. */
import { inForceSql } from '../../access/scope.ts';
import type { Db, Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import {
  dateSql,
  type PersonColumns,
  spanColumnsSql,
  spanEndSql,
  yearsSql,
} from './population.repository.ts';

type Client = Db | Tx;

export type ExperienceLineRow = {
  kind: 'bureau' | 'field' | 'grade';
  id: string;
  code: string;
  unitKind: string | null;
  rank: number | null;
  nameJa: string;
  nameEn: string;
  years: number;
  fromOn: Date;
  toOn: Date | null;
};

export type ExperienceSearchRow = PersonColumns & {
  bureauId: string | null;
  bureauCode: string | null;
  bureauKind: string | null;
  bureauNameJa: string | null;
  bureauNameEn: string | null;
  serviceYears: number;
  bureausInSpan: number;
  yearsInCurrentBureau: number;
};

export const experienceRepository = {
  /** One person's years per 局・区, 分野 (部) and grade, from the assignment history, in one statement. */
  experience(db: Client, staffId: string, day: Date) {
    const d = dateSql(day);
    return db.$queryRaw<(ExperienceLineRow & { hireDate: Date })[]>`
      WITH sp AS (
        SELECT ${spanColumnsSql(d)}
          FROM "assignment" a JOIN "org_unit" u ON u.id = a."orgUnitId"
         WHERE a."staffId" = ${staffId}::uuid AND a."startsOn" <= ${d}),
      lines AS (
        SELECT 'bureau' AS kind, sp."bureauId" AS id, ${yearsSql('sp.f', 'sp.t')} AS years,
               min(sp.f) AS "fromOn", CASE WHEN bool_or(sp.e IS NULL OR sp.e >= ${d}) THEN NULL ELSE max(sp.t) END AS "toOn"
          FROM sp WHERE sp."bureauId" IS NOT NULL GROUP BY sp."bureauId"
        UNION ALL
        SELECT 'field', sp."fieldId", ${yearsSql('sp.f', 'sp.t')},
               min(sp.f), CASE WHEN bool_or(sp.e IS NULL OR sp.e >= ${d}) THEN NULL ELSE max(sp.t) END
          FROM sp WHERE sp."fieldId" IS NOT NULL GROUP BY sp."fieldId"
        UNION ALL
        SELECT 'grade', sp."gradeId", ${yearsSql('sp.f', 'sp.t')},
               min(sp.f), CASE WHEN bool_or(sp.e IS NULL OR sp.e >= ${d}) THEN NULL ELSE max(sp.t) END
          FROM sp GROUP BY sp."gradeId")
      SELECT l.kind, l.id::text AS id, COALESCE(u.code, g.code) AS code, u.kind::text AS "unitKind", g.rank,
             COALESCE(u."nameJa", g."nameJa") AS "nameJa", COALESCE(u."nameEn", g."nameEn") AS "nameEn",
             l.years, l."fromOn", l."toOn", st."hireDate"
        FROM lines l
        JOIN "staff" st ON st.id = ${staffId}::uuid
        LEFT JOIN "org_unit" u ON l.kind <> 'grade' AND u.id = l.id
        LEFT JOIN "grade" g ON l.kind = 'grade' AND g.id = l.id
       ORDER BY l.kind, l."fromOn"`;
  },

  /**
   * People now serving (a post in force) who served in fewer than `bureausBelow` 局・区 over the last
   * `years` years, longest in their current 局・区 first, paged — one statement.
   */
  async experienceSearch(
    db: Client,
    q: { years: number; bureausBelow: number; bureauId?: string },
    day: Date,
    page: { skip: number; take: number },
  ): Promise<{ rows: ExperienceSearchRow[]; total: number }> {
    const d = dateSql(day);
    const rows = await db.$queryRaw<(ExperienceSearchRow & { total: number })[]>`
      WITH cur AS (
        SELECT DISTINCT ON (a."staffId") a."staffId", a."orgUnitId", a."gradeId", u."bureauId"
          FROM "assignment" a JOIN "org_unit" u ON u.id = a."orgUnitId" JOIN "staff" s ON s.id = a."staffId"
         WHERE ${inForceSql('a', d)} AND s."disabledAt" IS NULL
         ORDER BY a."staffId", a."startsOn" DESC, a.id),
      -- every post of theirs up to the day, aggregated per person in one pass
      agg AS (
        SELECT cur."staffId",
               count(DISTINCT u."bureauId") FILTER (
                 WHERE ${spanEndSql(d)} >= (${d} - make_interval(years => ${q.years}::int))::date
               )::int AS "bureausInSpan",
               COALESCE(round((sum(${spanEndSql(d)} - a."startsOn" + 1)
                                 FILTER (WHERE u."bureauId" = cur."bureauId") / 365.25)::numeric, 1)::float8, 0)
                 AS "yearsInCurrentBureau"
          FROM cur
          JOIN "assignment" a ON a."staffId" = cur."staffId" AND a."startsOn" <= ${d}
          JOIN "org_unit" u ON u.id = a."orgUnitId"
         WHERE ${q.bureauId ? Prisma.sql`cur."bureauId" = ${q.bureauId}::uuid` : Prisma.sql`true`}
         GROUP BY cur."staffId")
      SELECT st.id::text AS "staffId", st."employeeNumber", st."nameJa", st."nameEn",
             u.id::text AS "unitId", u.code AS "unitCode", u.kind::text AS "unitKind",
             u."nameJa" AS "unitNameJa", u."nameEn" AS "unitNameEn",
             b.id::text AS "bureauId", b.code AS "bureauCode", b.kind::text AS "bureauKind",
             b."nameJa" AS "bureauNameJa", b."nameEn" AS "bureauNameEn",
             g.id::text AS "gradeId", g.code AS "gradeCode", g.rank AS "gradeRank",
             g."nameJa" AS "gradeNameJa", g."nameEn" AS "gradeNameEn",
             round(((${d} - st."hireDate") / 365.25)::numeric, 1)::float8 AS "serviceYears",
             agg."bureausInSpan", agg."yearsInCurrentBureau",
             count(*) OVER ()::int AS total
        FROM agg
        JOIN cur ON cur."staffId" = agg."staffId"
        JOIN "staff" st ON st.id = agg."staffId"
        LEFT JOIN "org_unit" u ON u.id = cur."orgUnitId"
        LEFT JOIN "org_unit" b ON b.id = cur."bureauId"
        LEFT JOIN "grade" g ON g.id = cur."gradeId"
       WHERE agg."bureausInSpan" < ${q.bureausBelow}
       ORDER BY agg."yearsInCurrentBureau" DESC, st."employeeNumber", st.id
       LIMIT ${page.take} OFFSET ${page.skip}`;
    return { rows, total: rows[0]?.total ?? 0 };
  },
};
