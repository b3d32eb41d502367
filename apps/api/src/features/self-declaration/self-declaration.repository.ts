/**
 * The 自己申告 feature's Prisma access: rounds (with their キャリア選択 fields and 庁内公募 posts),
 * declarations, the 配慮事項 kept apart (read only by `consideration`, `considerationsOf` and
 * `upsertConsideration`), and the SQL behind the round's population, progress and export, and the
 * experience map.
 */

import { directSupervisorSql, inForceSql } from '../../access/scope.ts';
import type { Db, Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { gradeRef, unitRefOrNull } from '../../shared/refs.ts';
import { type Keyring, SealedTextError, seal, unseal } from '../../shared/sealed-text.ts';

type Client = Db | Tx;

const unitSelect = { id: true, code: true, kind: true, nameJa: true, nameEn: true } as const;

export const roundSelect = {
  id: true,
  fiscalYear: true,
  titleJa: true,
  titleEn: true,
  guidance: true,
  opensOn: true,
  closesOn: true,
  bureauIds: true,
  gradeIds: true,
  version: true,
  updatedAt: true,
  careerFields: {
    orderBy: { position: 'asc' },
    select: { id: true, nameJa: true, nameEn: true, description: true },
  },
  publicPosts: {
    orderBy: { position: 'asc' },
    select: { id: true, titleJa: true, titleEn: true, orgUnitId: true, description: true, openings: true },
  },
} as const satisfies Prisma.SelfDeclarationRoundSelect;
export type RoundRow = Prisma.SelfDeclarationRoundGetPayload<{ select: typeof roundSelect }>;
export type RoundWhere = Prisma.SelfDeclarationRoundWhereInput;

/** The declaration without its 配慮事項 (those are read on their own, by who may). */
export const declarationSelect = {
  id: true,
  roundId: true,
  staffId: true,
  status: true,
  bureauId: true,
  reflection: true,
  desiredUnitIds: true,
  desiredJobFamilyIds: true,
  desiredWork: true,
  careerFieldIds: true,
  publicPostIds: true,
  careerVision: true,
  careerPlanId: true,
  submittedAt: true,
  interviewedOn: true,
  interviewerId: true,
  supervisorOpinion: true,
  oneOnOneId: true,
  version: true,
  updatedAt: true,
} as const satisfies Prisma.SelfDeclarationSelect;
export type DeclarationRow = Prisma.SelfDeclarationGetPayload<{ select: typeof declarationSelect }>;

export type RoundData = {
  fiscalYear: number;
  titleJa: string;
  titleEn: string;
  guidance: string;
  opensOn: Date;
  closesOn: Date;
  bureauIds: string[];
  gradeIds: string[];
  careerFields: { id?: string; nameJa: string; nameEn: string; description: string }[];
  publicPosts: {
    id?: string;
    titleJa: string;
    titleEn: string;
    orgUnitId: string | null;
    description: string;
    openings: number;
  }[];
};

export type DeclarationContentColumns = {
  reflection: string;
  desiredUnitIds: string[];
  desiredJobFamilyIds: string[];
  desiredWork: string;
  careerFieldIds: string[];
  publicPostIds: string[];
  careerVision: string;
  careerPlanId: string | null;
};

export type ConsiderationColumns = { health: string; care: string; family: string };

const sealedSelect = {
  declarationId: true,
  sealed: true,
  keyId: true,
  legacyHealth: true,
  legacyCare: true,
  legacyFamily: true,
} as const satisfies Prisma.SelfDeclarationConsiderationSelect;
type SealedRow = Prisma.SelfDeclarationConsiderationGetPayload<{ select: typeof sealedSelect }>;

/** A row's 配慮事項 in clear: opened with the keys, or (a row not sealed yet) its legacy columns. */
function openConsideration(keys: Keyring | null, r: SealedRow): ConsiderationColumns {
  if (r.sealed === null || r.keyId === null) {
    return { health: r.legacyHealth ?? '', care: r.legacyCare ?? '', family: r.legacyFamily ?? '' };
  }
  const parsed: unknown = JSON.parse(unseal(keys, { sealed: r.sealed, keyId: r.keyId }, r.declarationId));
  const o = (parsed ?? {}) as Partial<Record<keyof ConsiderationColumns, unknown>>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return { health: str(o.health), care: str(o.care), family: str(o.family) };
}

/** The columns that store `data` sealed (and no plaintext). */
function sealedColumns(keys: Keyring | null, declarationId: string, data: ConsiderationColumns) {
  const box = seal(
    keys,
    JSON.stringify({ health: data.health, care: data.care, family: data.family }),
    declarationId,
  );
  return { ...box, legacyHealth: null, legacyCare: null, legacyFamily: null };
}

/**
 * Seals every 配慮事項 row still in clear (written before encryption at rest) and re-seals those of
 * an older key with the current one, a batch at a time; refuses (throws) when rows exist that these
 * keys cannot handle — no key at all, or a key id none of them has. Run when the server starts.
 */
export async function sealConsiderations(db: Db, keys: Keyring | null): Promise<{ sealed: number }> {
  if (!keys) {
    const n = await db.selfDeclarationConsideration.count();
    if (n > 0) {
      throw new Error(
        `SENSITIVE_DATA_KEY must be set: the database holds ${n} encrypted or not yet encrypted 配慮事項 (see README, "Running it for real").`,
      );
    }
    return { sealed: 0 };
  }
  const known = [...keys.byId.keys()];
  const unknown = await db.selfDeclarationConsideration.groupBy({
    by: ['keyId'],
    where: { keyId: { notIn: known } },
    _count: true,
  });
  if (unknown.length) {
    throw new Error(
      `配慮事項 are encrypted with key id(s) ${unknown.map((u) => u.keyId).join(', ')}, which neither SENSITIVE_DATA_KEY nor SENSITIVE_DATA_OLD_KEYS has. Configure the key they were sealed with.`,
    );
  }
  let sealed = 0;
  for (;;) {
    const rows = await db.selfDeclarationConsideration.findMany({
      where: { OR: [{ sealed: null }, { keyId: { not: keys.current.id } }] },
      select: sealedSelect,
      take: 200,
    });
    if (!rows.length) return { sealed };
    await db.$transaction(
      rows.map((r) =>
        db.selfDeclarationConsideration.update({
          where: { declarationId: r.declarationId },
          data: sealedColumns(keys, r.declarationId, openConsideration(keys, r)),
        }),
      ),
    );
    sealed += rows.length;
  }
}

/** The person, unit and grade columns every SQL row of a person carries. */
type PersonColumns = {
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

const dateSql = (d: Date) => Prisma.sql`${d.toISOString().slice(0, 10)}::date`;

/**
 * The round's population on `day`: one row per enabled person with a post in force in the chosen
 * 局・区 and grades (their latest such post), as a CTE named `pop` (staffId, orgUnitId, gradeId, bureauId).
 */
function populationCte(round: { bureauIds: string[]; gradeIds: string[] }, day: Date): Prisma.Sql {
  const d = dateSql(day);
  return Prisma.sql`pop AS (
    SELECT DISTINCT ON (a."staffId") a."staffId", a."orgUnitId", a."gradeId", u."bureauId"
      FROM "assignment" a
      JOIN "org_unit" u ON u.id = a."orgUnitId"
      JOIN "staff" s ON s.id = a."staffId"
     WHERE ${inForceSql('a', d)} AND s."disabledAt" IS NULL
       AND (cardinality(${round.bureauIds}::uuid[]) = 0 OR u."bureauId" = ANY(${round.bureauIds}::uuid[]))
       AND (cardinality(${round.gradeIds}::uuid[]) = 0 OR a."gradeId" = ANY(${round.gradeIds}::uuid[]))
     ORDER BY a."staffId", a."startsOn" DESC, a.id)`;
}

/** Years between two dates, to one decimal (a post in force counts to `day`). */
const yearsSql = (from: string, to: string) =>
  Prisma.sql`round((sum((${Prisma.raw(to)} - ${Prisma.raw(from)}) + 1) / 365.25)::numeric, 1)::float8`;

export type ListRow = PersonColumns & {
  status: 'draft' | 'submitted' | 'interviewed' | null;
  submittedAt: Date | null;
  interviewedOn: Date | null;
};

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

/** `keys`: those that seal and open the 配慮事項 (`null`: none configured — they can be neither read nor written). */
export function createSelfDeclarationRepository(keys: Keyring | null) {
  return {
    // --- rounds ----------------------------------------------------------------------------------
    rounds(db: Client, where: RoundWhere, skip: number, take: number) {
      return Promise.all([
        db.selfDeclarationRound.findMany({
          where,
          orderBy: [{ opensOn: 'desc' }, { id: 'desc' }],
          skip,
          take,
          select: roundSelect,
        }),
        db.selfDeclarationRound.count({ where }),
      ]);
    },

    round(db: Client, id: string) {
      return db.selfDeclarationRound.findUnique({ where: { id }, select: roundSelect });
    },

    /** Units and grades named by rounds and posts, for their labels (one query each). */
    labels(db: Client, unitIds: string[], gradeIds: string[]) {
      return Promise.all([
        unitIds.length
          ? db.orgUnit.findMany({
              where: { id: { in: [...new Set(unitIds)] } },
              select: { ...unitSelect, bureauId: true, parentId: true },
            })
          : [],
        gradeIds.length
          ? db.grade.findMany({
              where: { id: { in: [...new Set(gradeIds)] } },
              select: { id: true, code: true, rank: true, nameJa: true, nameEn: true },
            })
          : [],
      ]);
    },

    jobFamilies(db: Client, ids: string[]) {
      if (!ids.length) return Promise.resolve([]);
      return db.jobFamily.findMany({
        where: { id: { in: [...new Set(ids)] } },
        select: { id: true, code: true, nameJa: true, nameEn: true },
      });
    },

    async createRound(tx: Tx, data: RoundData, createdById: string) {
      const { careerFields, publicPosts, ...round } = data;
      const created = await tx.selfDeclarationRound.create({
        data: {
          ...round,
          createdById,
          careerFields: {
            create: careerFields.map(({ id: _id, ...f }, position) => ({ ...f, position })),
          },
          publicPosts: {
            create: publicPosts.map(({ id: _id, ...p }, position) => ({ ...p, position })),
          },
        },
        select: { id: true },
      });
      return created.id;
    },

    /** Replaces the round's content when `version` is current; `false` when it is stale. */
    async updateRound(tx: Tx, id: string, version: number, data: RoundData): Promise<boolean> {
      const { careerFields, publicPosts, ...round } = data;
      const { count } = await tx.selfDeclarationRound.updateMany({
        where: { id, version },
        data: { ...round, version: { increment: 1 } },
      });
      if (count === 0) return false;
      // Fields and posts keep their ids (declarations name them); those left out are removed.
      const keptFields = careerFields.flatMap((f) => f.id ?? []);
      const keptPosts = publicPosts.flatMap((p) => p.id ?? []);
      await tx.selfDeclarationCareerField.deleteMany({ where: { roundId: id, id: { notIn: keptFields } } });
      await tx.selfDeclarationPublicPost.deleteMany({ where: { roundId: id, id: { notIn: keptPosts } } });
      for (const [position, { id: fieldId, ...f }] of careerFields.entries()) {
        if (fieldId)
          await tx.selfDeclarationCareerField.update({ where: { id: fieldId }, data: { ...f, position } });
        else await tx.selfDeclarationCareerField.create({ data: { ...f, position, roundId: id } });
      }
      for (const [position, { id: postId, ...p }] of publicPosts.entries()) {
        if (postId)
          await tx.selfDeclarationPublicPost.update({ where: { id: postId }, data: { ...p, position } });
        else await tx.selfDeclarationPublicPost.create({ data: { ...p, position, roundId: id } });
      }
      return true;
    },

    /** Of these ids, the ones that are fields / posts of the round. */
    async roundItems(db: Client, roundId: string) {
      const [fields, posts] = await Promise.all([
        db.selfDeclarationCareerField.findMany({ where: { roundId }, select: { id: true } }),
        db.selfDeclarationPublicPost.findMany({ where: { roundId }, select: { id: true } }),
      ]);
      return { fieldIds: new Set(fields.map((f) => f.id)), postIds: new Set(posts.map((p) => p.id)) };
    },

    // --- who the round is for --------------------------------------------------------------------
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

    // --- declarations ----------------------------------------------------------------------------
    declaration(db: Client, roundId: string, staffId: string) {
      return db.selfDeclaration.findUnique({
        where: { roundId_staffId: { roundId, staffId } },
        select: declarationSelect,
      });
    },

    /** The 配慮事項 of one declaration. Call only for someone who may read them (decision 048). */
    async consideration(db: Client, declarationId: string): Promise<ConsiderationColumns | null> {
      const row = await db.selfDeclarationConsideration.findUnique({
        where: { declarationId },
        select: sealedSelect,
      });
      return row ? openConsideration(keys, row) : null;
    },

    createDeclaration(
      tx: Tx,
      data: DeclarationContentColumns & { roundId: string; staffId: string; bureauId: string | null },
    ) {
      return tx.selfDeclaration.create({ data, select: { id: true } });
    },

    /** Saves the content when `version` is current (a submitted one becomes a draft again). */
    async updateDeclaration(tx: Tx, id: string, version: number, data: DeclarationContentColumns) {
      const { count } = await tx.selfDeclaration.updateMany({
        where: { id, version, status: { not: 'interviewed' } },
        data: { ...data, status: 'draft', version: { increment: 1 } },
      });
      return count > 0;
    },

    /** Stores the 配慮事項 sealed; without a key, a 503 before anything is written. */
    async upsertConsideration(tx: Tx, declarationId: string, data: ConsiderationColumns) {
      if (!keys) throw new SealedTextError('key_missing');
      const columns = sealedColumns(keys, declarationId, data);
      await tx.selfDeclarationConsideration.upsert({
        where: { declarationId },
        create: { declarationId, ...columns },
        update: columns,
      });
    },

    async submit(tx: Tx, id: string, version: number) {
      const { count } = await tx.selfDeclaration.updateMany({
        where: { id, version, status: 'draft' },
        data: { status: 'submitted', submittedAt: new Date(), version: { increment: 1 } },
      });
      return count > 0;
    },

    /** A 1on1 that may stand for the 面談: of this person, by this author, of kind `self_declaration`. */
    interviewOneOnOne(client: Client, id: string, staffId: string, authorId: string) {
      return client.oneOnOne.findFirst({
        where: { id, staffId, authorId, kind: 'self_declaration', status: 'held' },
        select: { id: true, selfDeclaration: { select: { id: true } } },
      });
    },

    /** Records the 面談 as a 1on1 of kind `self_declaration` (the 1on1 rollups count it by trigger). */
    async createInterviewOneOnOne(
      tx: Tx,
      row: { staffId: string; authorId: string; heldOn: Date; fiscalYear: number; minutes: number },
    ) {
      return (
        await tx.oneOnOne.create({
          data: { ...row, kind: 'self_declaration', status: 'held', topics: ['自己申告'] },
          select: { id: true },
        })
      ).id;
    },

    /** Records the 面談 on the declaration when `version` is current and it has been submitted. */
    async recordInterview(
      tx: Tx,
      id: string,
      version: number,
      data: { interviewedOn: Date; interviewerId: string; supervisorOpinion: string; oneOnOneId: string },
    ) {
      const { count } = await tx.selfDeclaration.updateMany({
        where: { id, version, status: { in: ['submitted', 'interviewed'] } },
        data: { ...data, status: 'interviewed', version: { increment: 1 } },
      });
      return count > 0;
    },

    /** The current 年度's career plan of the person, for the vision and its link. */
    careerPlan(db: Client, staffId: string, fiscalYear: number) {
      return db.careerPlan.findUnique({
        where: { staffId_fiscalYear: { staffId, fiscalYear } },
        select: { id: true, fiscalYear: true, midTermGoal: true, longTermGoal: true },
      });
    },

    people(db: Client, ids: string[]) {
      if (!ids.length) return Promise.resolve([]);
      return db.staff.findMany({
        where: { id: { in: [...new Set(ids)] } },
        select: { id: true, nameJa: true, nameEn: true, employeeNumber: true },
      });
    },

    // --- lists, progress, export ----------------------------------------------------------------
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
      const who =
        scope.kind === 'all'
          ? Prisma.sql`true`
          : scope.kind === 'self'
            ? Prisma.sql`people.staff_id = ${scope.actorId}::uuid`
            : directSupervisorSql(scope.actorId, Prisma.sql`people.staff_id`, dateSql(day));
      const status =
        filter.status === undefined
          ? Prisma.sql`true`
          : filter.status === 'none'
            ? Prisma.sql`d.id IS NULL`
            : Prisma.sql`d.status = ${filter.status}::"SelfDeclarationStatus"`;
      const rows = await db.$queryRaw<(ListRow & { total: number })[]>`
        WITH ${populationCte(round, day)},
        people AS (
          SELECT pop."staffId" AS staff_id FROM pop
          UNION SELECT sd."staffId" FROM "self_declaration" sd WHERE sd."roundId" = ${round.id}::uuid)
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
         WHERE ${who} AND ${status}
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

    /** Every row of the export (the population and whoever declared), with the experience columns. */
    exportRows(db: Client, round: { id: string; bureauIds: string[]; gradeIds: string[] }, day: Date) {
      return db.$queryRaw<ExportRow[]>`
        WITH ${populationCte(round, day)},
        people AS (
          SELECT pop."staffId" AS staff_id FROM pop
          UNION SELECT sd."staffId" FROM "self_declaration" sd WHERE sd."roundId" = ${round.id}::uuid)
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

    /** The 配慮事項 of a round's declarations, for HR's explicit sensitive export only (decision 048). */
    async considerationsOf(db: Client, roundId: string) {
      const rows = await db.selfDeclarationConsideration.findMany({
        where: { declaration: { roundId } },
        select: { ...sealedSelect, declaration: { select: { staffId: true } } },
      });
      return rows.map((r) => ({ staffId: r.declaration.staffId, ...openConsideration(keys, r) }));
    },

    // --- experience map -------------------------------------------------------------------------
    /** One person's years per 局・区, 分野 (部) and grade, from the assignment history, in one statement. */
    experience(db: Client, staffId: string, day: Date) {
      const d = dateSql(day);
      return db.$queryRaw<(ExperienceLineRow & { hireDate: Date })[]>`
        WITH sp AS (
          SELECT a."startsOn" AS f, LEAST(COALESCE(a."endsOn", ${d}), ${d}) AS t, a."endsOn" AS e,
                 u."bureauId", a."gradeId",
                 COALESCE(NULLIF(split_part(u.path, '/', 3), '')::uuid, u."bureauId") AS "fieldId"
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
        sp AS (
          SELECT a."staffId", u."bureauId", a."startsOn" AS f, LEAST(COALESCE(a."endsOn", ${d}), ${d}) AS t
            FROM "assignment" a JOIN "org_unit" u ON u.id = a."orgUnitId"
           WHERE a."startsOn" <= ${d}),
        agg AS (
          SELECT cur."staffId",
                 (SELECT count(DISTINCT sp."bureauId") FROM sp
                   WHERE sp."staffId" = cur."staffId" AND sp.t >= (${d} - make_interval(years => ${q.years}::int))::date)::int AS "bureausInSpan",
                 COALESCE((SELECT round((sum(sp.t - sp.f + 1) / 365.25)::numeric, 1)::float8 FROM sp
                   WHERE sp."staffId" = cur."staffId" AND sp."bureauId" = cur."bureauId"), 0) AS "yearsInCurrentBureau"
            FROM cur
           WHERE ${q.bureauId ? Prisma.sql`cur."bureauId" = ${q.bureauId}::uuid` : Prisma.sql`true`})
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
}

export type SelfDeclarationRepository = ReturnType<typeof createSelfDeclarationRepository>;
