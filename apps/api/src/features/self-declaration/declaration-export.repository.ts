/** The SQL behind HR's export of a round: every row, with the experience map's columns. */
import type { Db, Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { dateSql, type ListRow, roundPeopleCtes, spanColumnsSql, yearsSql } from './population.repository.ts';

type Client = Db | Tx;

export type ExportRow = ListRow & {
  bureauNameJa: string | null;
  bureauNameEn: string | null;
  jobFamilyJa: string;
  jobFamilyEn: string;
  reflection: string | null;
  desiredUnitIds: string[] | null;
  desiredJobFamilyIds: string[] | null;
  desiredWork: string | null;
  careerFieldIds: string[] | null;
  publicPostIds: string[] | null;
  careerVision: string | null;
  supervisorOpinion: string | null;
  interviewerJa: string | null;
  interviewerEn: string | null;
  serviceYears: number;
  bureausInTenYears: number;
  bureauYears: { ja: string; en: string; years: number }[];
  fieldYears: { ja: string; en: string; years: number }[];
  gradeYears: { ja: string; en: string; years: number }[];
};

/**
 * The experience columns of the export for everyone in `people`, as CTEs worked out in one pass over
 * their posts (not per person): `sp` their spans up to the day, `ten` the 局・区 of the last ten years,
 * `bureau_years`, `field_years` and `grade_years` the years per 局・区, 分野 (部) and grade as JSON.
 */
function experienceCtes(day: Date): Prisma.Sql {
  const d = dateSql(day);
  const yearsOf = (join: Prisma.Sql, key: Prisma.Sql, columns: Prisma.Sql, order: Prisma.Sql) => Prisma.sql`
    SELECT x."staffId", json_agg(json_build_object('ja', x.ja, 'en', x.en, 'years', x.years) ORDER BY ${order}) AS j
      FROM (SELECT sp."staffId", ${columns}, ${yearsSql('sp.f', 'sp.t')} AS years
              FROM sp ${join} GROUP BY sp."staffId", ${key}) x
     GROUP BY x."staffId"`;
  return Prisma.sql`
    sp AS (
      SELECT ${spanColumnsSql(d)}
        FROM people JOIN "assignment" a ON a."staffId" = people.staff_id AND a."startsOn" <= ${d}
        JOIN "org_unit" u ON u.id = a."orgUnitId"),
    ten AS (
      SELECT sp."staffId", count(DISTINCT sp."bureauId")::int AS n
        FROM sp WHERE sp.t >= ${d} - interval '10 years' GROUP BY sp."staffId"),
    bureau_years AS (${yearsOf(
      Prisma.sql`JOIN "org_unit" bu ON bu.id = sp."bureauId"`,
      Prisma.sql`bu.id`,
      Prisma.sql`bu."nameJa" AS ja, bu."nameEn" AS en`,
      Prisma.sql`x.years DESC`,
    )}),
    field_years AS (${yearsOf(
      Prisma.sql`JOIN "org_unit" fu ON fu.id = sp."fieldId"`,
      Prisma.sql`fu.id`,
      Prisma.sql`fu."nameJa" AS ja, fu."nameEn" AS en`,
      Prisma.sql`x.years DESC`,
    )}),
    grade_years AS (${yearsOf(
      Prisma.sql`JOIN "grade" g ON g.id = sp."gradeId"`,
      Prisma.sql`g.id`,
      Prisma.sql`g."nameJa" AS ja, g."nameEn" AS en, g.rank`,
      Prisma.sql`x.rank`,
    )})`;
}

export const exportRepository = {
  /** Every row of the export (the population and whoever declared), with the experience columns. */
  exportRows(db: Client, round: { id: string; bureauIds: string[]; gradeIds: string[] }, day: Date) {
    return db.$queryRaw<ExportRow[]>`
      WITH ${roundPeopleCtes(round, day)}, ${experienceCtes(day)}
      SELECT st.id::text AS "staffId", st."employeeNumber", st."nameJa", st."nameEn",
             u.id::text AS "unitId", u.code AS "unitCode", u.kind::text AS "unitKind",
             u."nameJa" AS "unitNameJa", u."nameEn" AS "unitNameEn",
             b."nameJa" AS "bureauNameJa", b."nameEn" AS "bureauNameEn",
             g.id::text AS "gradeId", g.code AS "gradeCode", g.rank AS "gradeRank",
             g."nameJa" AS "gradeNameJa", g."nameEn" AS "gradeNameEn",
             jf."nameJa" AS "jobFamilyJa", jf."nameEn" AS "jobFamilyEn",
             d.status::text AS status, d."submittedAt", d."interviewedOn",
             d.reflection, d."desiredUnitIds"::text[] AS "desiredUnitIds",
             d."desiredJobFamilyIds"::text[] AS "desiredJobFamilyIds", d."desiredWork",
             d."careerFieldIds"::text[] AS "careerFieldIds", d."publicPostIds"::text[] AS "publicPostIds",
             d."careerVision", d."supervisorOpinion",
             iv."nameJa" AS "interviewerJa", iv."nameEn" AS "interviewerEn",
             round(((${dateSql(day)} - st."hireDate") / 365.25)::numeric, 1)::float8 AS "serviceYears",
             COALESCE(ten.n, 0) AS "bureausInTenYears",
             COALESCE(byr.j, '[]'::json) AS "bureauYears",
             COALESCE(fy.j, '[]'::json) AS "fieldYears",
             COALESCE(gy.j, '[]'::json) AS "gradeYears"
        FROM people
        JOIN "staff" st ON st.id = people.staff_id
        JOIN "job_family" jf ON jf.id = st."jobFamilyId"
        LEFT JOIN pop ON pop."staffId" = people.staff_id
        LEFT JOIN "org_unit" u ON u.id = pop."orgUnitId"
        LEFT JOIN "org_unit" b ON b.id = pop."bureauId"
        LEFT JOIN "grade" g ON g.id = pop."gradeId"
        LEFT JOIN "self_declaration" d ON d."roundId" = ${round.id}::uuid AND d."staffId" = people.staff_id
        LEFT JOIN "staff" iv ON iv.id = d."interviewerId"
        LEFT JOIN ten ON ten."staffId" = people.staff_id
        LEFT JOIN bureau_years byr ON byr."staffId" = people.staff_id
        LEFT JOIN field_years fy ON fy."staffId" = people.staff_id
        LEFT JOIN grade_years gy ON gy."staffId" = people.staff_id
       ORDER BY u.path NULLS LAST, g.rank DESC NULLS LAST, st."nameKana", st.id`;
  },
};
