/** The SQL behind HR's export of a round: every row, with the experience map's columns. */
import type { Db, Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { dateSql, type ListRow, roundPeopleCtes, yearsSql } from './population.repository.ts';

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
 * Per person of `staffSql` (a set of `staff_id` rows named `people`), the experience columns of the
 * export: years of service, 局・区 in the last ten years, years per 局・区, 分野 (部) and grade.
 */
function experienceColumnsSql(day: Date): Prisma.Sql {
  const d = dateSql(day);
  const spans = Prisma.sql`SELECT a."staffId", a."startsOn" AS f, LEAST(COALESCE(a."endsOn", ${d}), ${d}) AS t,
                  u."bureauId", a."gradeId",
                  COALESCE(NULLIF(split_part(u.path, '/', 3), '')::uuid, u."bureauId") AS "fieldId"
             FROM "assignment" a JOIN "org_unit" u ON u.id = a."orgUnitId"
            WHERE a."staffId" = people.staff_id AND a."startsOn" <= ${d}`;
  return Prisma.sql`
    (SELECT round(((${d} - st."hireDate") / 365.25)::numeric, 1)::float8) AS "serviceYears",
    (SELECT count(DISTINCT sp."bureauId")::int FROM (${spans}) sp WHERE sp.t >= ${d} - interval '10 years') AS "bureausInTenYears",
    COALESCE((SELECT json_agg(json_build_object('ja', x.ja, 'en', x.en, 'years', x.years) ORDER BY x.years DESC)
       FROM (SELECT bu."nameJa" AS ja, bu."nameEn" AS en, ${yearsSql('sp.f', 'sp.t')} AS years
               FROM (${spans}) sp JOIN "org_unit" bu ON bu.id = sp."bureauId" GROUP BY bu.id) x), '[]'::json) AS "bureauYears",
    COALESCE((SELECT json_agg(json_build_object('ja', x.ja, 'en', x.en, 'years', x.years) ORDER BY x.years DESC)
       FROM (SELECT fu."nameJa" AS ja, fu."nameEn" AS en, ${yearsSql('sp.f', 'sp.t')} AS years
               FROM (${spans}) sp JOIN "org_unit" fu ON fu.id = sp."fieldId" GROUP BY fu.id) x), '[]'::json) AS "fieldYears",
    COALESCE((SELECT json_agg(json_build_object('ja', x.ja, 'en', x.en, 'years', x.years) ORDER BY x.rank)
       FROM (SELECT g."nameJa" AS ja, g."nameEn" AS en, g.rank, ${yearsSql('sp.f', 'sp.t')} AS years
               FROM (${spans}) sp JOIN "grade" g ON g.id = sp."gradeId" GROUP BY g.id) x), '[]'::json) AS "gradeYears"`;
}

export const exportRepository = {
  /** Every row of the export (the population and whoever declared), with the experience columns. */
  exportRows(db: Client, round: { id: string; bureauIds: string[]; gradeIds: string[] }, day: Date) {
    return db.$queryRaw<ExportRow[]>`
      WITH ${roundPeopleCtes(round, day)}
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
             ${experienceColumnsSql(day)}
        FROM people
        JOIN "staff" st ON st.id = people.staff_id
        JOIN "job_family" jf ON jf.id = st."jobFamilyId"
        LEFT JOIN pop ON pop."staffId" = people.staff_id
        LEFT JOIN "org_unit" u ON u.id = pop."orgUnitId"
        LEFT JOIN "org_unit" b ON b.id = pop."bureauId"
        LEFT JOIN "grade" g ON g.id = pop."gradeId"
        LEFT JOIN "self_declaration" d ON d."roundId" = ${round.id}::uuid AND d."staffId" = people.staff_id
        LEFT JOIN "staff" iv ON iv.id = d."interviewerId"
       ORDER BY u.path NULLS LAST, g.rank DESC NULLS LAST, st."nameKana", st.id`;
  },
};
