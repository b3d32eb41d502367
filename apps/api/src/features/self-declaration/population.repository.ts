/**
 * Who a 自己申告 round is for, in SQL: its population on a day, the person's post in it, the round's
 * people with their status, and the progress per 局・区; and the SQL pieces the export and the
 * experience map share.
 */
import { directReportsSql, inForceSql } from '../../access/scope.ts';
import type { Db, Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { gradeRef, unitRefOrNull } from '../../shared/refs.ts';

type Client = Db | Tx;

/** The person, unit and grade columns every SQL row of a person carries. */
export type PersonColumns = {
  staffId: string;
  employeeNumber: string;
  nameJa: string;
  nameEn: string;
  unitId: string | null;
  unitCode: string | null;
  unitKind: string | null;
  unitNameJa: string | null;
  unitNameEn: string | null;
  gradeId: string | null;
  gradeCode: string | null;
  gradeRank: number | null;
  gradeNameJa: string | null;
  gradeNameEn: string | null;
};

/** One SQL row's person, their unit and grade (`null` when the person holds no post). */
export function personOfRow(r: PersonColumns) {
  return {
    staff: { id: r.staffId, name: r.nameJa, nameEn: r.nameEn, employeeNumber: r.employeeNumber },
    orgUnit: unitRefOrNull(r.unitId, r.unitCode, r.unitKind, r.unitNameJa, r.unitNameEn),
    grade:
      r.gradeId && r.gradeCode
        ? gradeRef({
            id: r.gradeId,
            code: r.gradeCode,
            rank: r.gradeRank ?? 0,
            nameJa: r.gradeNameJa ?? '',
            nameEn: r.gradeNameEn ?? '',
          })
        : null,
  };
}

export const dateSql = (d: Date) => Prisma.sql`${d.toISOString().slice(0, 10)}::date`;

/**
 * The round's population on `day`: one row per enabled person with a post in force in the chosen
 * 局・区 and grades (their latest such post), as a CTE named `pop` (staffId, orgUnitId, gradeId, bureauId).
 */
function populationCte(
  round: { bureauIds: string[]; gradeIds: string[] },
  day: Date,
  among: Prisma.Sql | null = null,
): Prisma.Sql {
  const d = dateSql(day);
  return Prisma.sql`pop AS (
    SELECT DISTINCT ON (a."staffId") a."staffId", a."orgUnitId", a."gradeId", u."bureauId"
      FROM "assignment" a
      JOIN "org_unit" u ON u.id = a."orgUnitId"
      JOIN "staff" s ON s.id = a."staffId"
     WHERE ${inForceSql('a', d)} AND s."disabledAt" IS NULL
       ${among ? Prisma.sql`AND a."staffId" IN ${among}` : Prisma.empty}
       AND (cardinality(${round.bureauIds}::uuid[]) = 0 OR u."bureauId" = ANY(${round.bureauIds}::uuid[]))
       AND (cardinality(${round.gradeIds}::uuid[]) = 0 OR a."gradeId" = ANY(${round.gradeIds}::uuid[]))
     ORDER BY a."staffId", a."startsOn" DESC, a.id)`;
}

/**
 * The round's population `pop` and its `people` (one `staff_id` each): the population and whoever has
 * declared. `among`: only these people (a FROM item of ids), where a read wants no one else.
 */
export function roundPeopleCtes(
  round: { id: string; bureauIds: string[]; gradeIds: string[] },
  day: Date,
  among: Prisma.Sql | null = null,
) {
  return Prisma.sql`${populationCte(round, day, among)},
    people AS (
      SELECT pop."staffId" AS staff_id FROM pop
      UNION SELECT sd."staffId" FROM "self_declaration" sd
             WHERE sd."roundId" = ${round.id}::uuid ${among ? Prisma.sql`AND sd."staffId" IN ${among}` : Prisma.empty})`;
}

/** The last day a post `a` counts for up to the day `d`: its end, or `d` while it is in force. */
export const spanEndSql = (d: Prisma.Sql) => Prisma.sql`LEAST(COALESCE(a."endsOn", ${d}), ${d})`;

/**
 * A post `a`, joined to its unit `u`, as a span of service up to the day `d`: the person, `f` its first
 * day, `t` its last counted, `e` its end, and the 局・区, 分野 (部: the second unit of its path, or the
 * 局・区 itself) and grade it counts for. The experience map and the export read the same spans.
 */
export const spanColumnsSql = (d: Prisma.Sql) =>
  Prisma.sql`a."staffId", a."startsOn" AS f, ${spanEndSql(d)} AS t, a."endsOn" AS e, u."bureauId", a."gradeId",
             COALESCE(NULLIF(split_part(u.path, '/', 3), '')::uuid, u."bureauId") AS "fieldId"`;

/** Years between two dates, to one decimal (a post in force counts to `day`). */
export const yearsSql = (from: string, to: string) =>
  Prisma.sql`round((sum((${Prisma.raw(to)} - ${Prisma.raw(from)}) + 1) / 365.25)::numeric, 1)::float8`;

export type ListRow = PersonColumns & {
  status: 'draft' | 'submitted' | 'interviewed' | null;
  submittedAt: Date | null;
  interviewedOn: Date | null;
};

export const populationRepository = {
  /** The person's post that puts them in the round's population on `day`; `null` when none. */
  async populationPost(
    db: Client,
    round: { bureauIds: string[]; gradeIds: string[] },
    staffId: string,
    day: Date,
  ): Promise<{ orgUnitId: string; bureauId: string | null } | null> {
    const rows = await db.$queryRaw<{ orgUnitId: string; bureauId: string | null }[]>`
      WITH ${populationCte(round, day)}
      SELECT pop."orgUnitId"::text AS "orgUnitId", pop."bureauId"::text AS "bureauId" FROM pop
       WHERE pop."staffId" = ${staffId}::uuid`;
    return rows[0] ?? null;
  },

  /** How many people the population holds on `day`: the same rows every read of the round starts from. */
  async populationCount(
    db: Client,
    round: { bureauIds: string[]; gradeIds: string[] },
    day: Date,
  ): Promise<number> {
    const rows = await db.$queryRaw<{ count: number }[]>`
      WITH ${populationCte(round, day)}
      SELECT count(*)::int AS count FROM pop`;
    return rows[0]?.count ?? 0;
  },

  /**
   * The round's people (its population and whoever has declared), with their status, paged. `scope`:
   * `all` (HR), `direct` (those whose 所属長 `actorId` is), `self`.
   */
  async list(
    db: Client,
    round: { id: string; bureauIds: string[]; gradeIds: string[] },
    scope: { kind: 'all' } | { kind: 'direct' | 'self'; actorId: string },
    filter: { status?: 'draft' | 'submitted' | 'interviewed' | 'none' },
    day: Date,
    page: { skip: number; take: number },
  ): Promise<{ rows: ListRow[]; total: number }> {
    // the people the scope allows, read first, so that the population is worked out for them only
    const among =
      scope.kind === 'all'
        ? null
        : scope.kind === 'self'
          ? Prisma.sql`(SELECT ${scope.actorId}::uuid)`
          : directReportsSql(scope.actorId, dateSql(day));
    const status =
      filter.status === undefined
        ? Prisma.sql`true`
        : filter.status === 'none'
          ? Prisma.sql`d.id IS NULL`
          : Prisma.sql`d.status = ${filter.status}::"SelfDeclarationStatus"`;
    const rows = await db.$queryRaw<(ListRow & { total: number })[]>`
      WITH ${roundPeopleCtes(round, day, among)}
      SELECT st.id::text AS "staffId", st."employeeNumber", st."nameJa", st."nameEn",
             u.id::text AS "unitId", u.code AS "unitCode", u.kind::text AS "unitKind",
             u."nameJa" AS "unitNameJa", u."nameEn" AS "unitNameEn",
             g.id::text AS "gradeId", g.code AS "gradeCode", g.rank AS "gradeRank",
             g."nameJa" AS "gradeNameJa", g."nameEn" AS "gradeNameEn",
             d.status::text AS status, d."submittedAt", d."interviewedOn",
             count(*) OVER ()::int AS total
        FROM people
        JOIN "staff" st ON st.id = people.staff_id
        LEFT JOIN pop ON pop."staffId" = people.staff_id
        LEFT JOIN "org_unit" u ON u.id = pop."orgUnitId"
        LEFT JOIN "grade" g ON g.id = pop."gradeId"
        LEFT JOIN "self_declaration" d ON d."roundId" = ${round.id}::uuid AND d."staffId" = people.staff_id
       WHERE ${status}
       ORDER BY u.path NULLS LAST, g.rank DESC NULLS LAST, st."nameKana", st.id
       LIMIT ${page.take} OFFSET ${page.skip}`;
    return { rows, total: rows[0]?.total ?? 0 };
  },

  /** Per 局・区: the population, submitted (or interviewed) and interviewed, in one statement. */
  progress(db: Client, round: { id: string; bureauIds: string[]; gradeIds: string[] }, day: Date) {
    return db.$queryRaw<
      {
        bureauId: string | null;
        code: string | null;
        kind: string | null;
        nameJa: string | null;
        nameEn: string | null;
        population: number;
        submitted: number;
        interviewed: number;
      }[]
    >`
      WITH ${populationCte(round, day)},
      d AS (SELECT "staffId", status, "bureauId" FROM "self_declaration" WHERE "roundId" = ${round.id}::uuid),
      people AS (
        SELECT COALESCE(d."bureauId", pop."bureauId") AS bureau_id, d.status
          FROM pop FULL OUTER JOIN d ON d."staffId" = pop."staffId")
      SELECT b.id::text AS "bureauId", b.code, b.kind::text AS kind, b."nameJa", b."nameEn",
             count(*)::int AS population,
             count(*) FILTER (WHERE people.status IN ('submitted', 'interviewed'))::int AS submitted,
             count(*) FILTER (WHERE people.status = 'interviewed')::int AS interviewed
        FROM people LEFT JOIN "org_unit" b ON b.id = people.bureau_id
       GROUP BY b.id, b.code, b.kind, b."nameJa", b."nameEn", b.position
       ORDER BY b.kind NULLS LAST, b.position, b.code`;
  },
};
