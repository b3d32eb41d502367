/**
 * The roster import's database access. Reads load everything a file refers to by key, one query per
 * table whatever the number of rows (`= ANY($1)` over an array); writes are one statement per kind of
 * change over `unnest` of column arrays, so a 15,000-row file costs a handful of round trips.
 */
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../../db/client.ts';

/** Random bytes drawn in blocks: one system call per 4,096 ids rather than one per id. */
let pool = Buffer.alloc(0);
let poolOffset = 0;
function random10(): Buffer {
  if (poolOffset + 10 > pool.length) {
    pool = randomBytes(10 * 4096);
    poolOffset = 0;
  }
  poolOffset += 10;
  return pool.subarray(poolOffset - 10, poolOffset);
}

/**
 * A UUID version 7 (time-ordered), as Prisma's `uuid(7)` default makes: rows written here in bulk
 * by SQL get the same kind of id as rows created through the client.
 */
export function uuidv7(now = Date.now()): string {
  const b = Buffer.allocUnsafe(16);
  b.writeUIntBE(now, 0, 6);
  random10().copy(b, 6);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export type ExistingUnit = {
  id: string;
  code: string;
  kind: 'bureau' | 'ward' | 'department' | 'division' | 'section';
  parentId: string | null;
  parentCode: string | null;
  path: string;
  bureauId: string | null;
  /** YYYY-MM-DD: the last day of a unit closed by a reorganisation */
  validTo: string | null;
};

export type ExistingStaff = {
  id: string;
  employeeNumber: string;
  nameJa: string;
  nameKana: string;
  nameEn: string;
  loginId: string;
  email: string | null;
  jobFamilyId: string;
  jobFamilyCode: string;
  /** YYYY-MM-DD */
  hireDate: string;
};

/** A person's current post: their latest assignment without an end. */
export type OpenAssignment = {
  id: string;
  staffId: string;
  orgUnitId: string;
  unitCode: string;
  gradeId: string;
  gradeCode: string;
  postJa: string | null;
  isHead: boolean;
  /** YYYY-MM-DD */
  startsOn: string;
};

export type NewUnit = {
  id: string;
  code: string;
  kind: ExistingUnit['kind'];
  nameJa: string;
  nameEn: string;
  parentId: string | null;
  /** For showing only: the parent's code */
  parentCode: string | null;
  path: string;
  bureauId: string;
  validFrom: string;
};

export type NewStaff = {
  id: string;
  employeeNumber: string;
  nameJa: string;
  nameKana: string;
  nameEn: string;
  loginId: string;
  email: string | null;
  jobFamilyId: string;
  hireDate: string;
};

export type StaffUpdate = Omit<NewStaff, 'employeeNumber'>;

export type NewAssignment = {
  id: string;
  staffId: string;
  orgUnitId: string;
  gradeId: string;
  postJa: string | null;
  isHead: boolean;
  startsOn: string;
};

export type AssignmentEnd = { id: string; endsOn: string };
export type AssignmentCorrection = {
  id: string;
  orgUnitId: string;
  gradeId: string;
  postJa: string | null;
  isHead: boolean;
};

const col = <T, K extends keyof T>(rows: readonly T[], key: K): T[K][] => rows.map((r) => r[key]);

export function createRosterRepository(db: Db | Tx) {
  return {
    /** The names of grades, job families and units by code, for the preview (three statements). */
    async namesByCode(codes: { grades: string[]; jobFamilies: string[]; units: string[] }) {
      const select = { code: true, nameJa: true, nameEn: true } as const;
      const [grades, jobFamilies, units] = await Promise.all([
        codes.grades.length ? db.grade.findMany({ where: { code: { in: codes.grades } }, select }) : [],
        codes.jobFamilies.length
          ? db.jobFamily.findMany({ where: { code: { in: codes.jobFamilies } }, select })
          : [],
        codes.units.length ? db.orgUnit.findMany({ where: { code: { in: codes.units } }, select }) : [],
      ]);
      const byCode = (rows: { code: string; nameJa: string; nameEn: string }[]) =>
        new Map(rows.map((r) => [r.code, { ja: r.nameJa, en: r.nameEn || r.nameJa }]));
      return { grades: byCode(grades), jobFamilies: byCode(jobFamilies), units: byCode(units) };
    },

    findGrades(codes: string[]) {
      return db.grade.findMany({
        where: { code: { in: codes } },
        select: { id: true, code: true, retiredAt: true },
      });
    },

    findJobFamilies(codes: string[]) {
      return db.jobFamily.findMany({
        where: { code: { in: codes } },
        select: { id: true, code: true, retiredAt: true },
      });
    },

    findUnits(codes: string[]): Promise<ExistingUnit[]> {
      return db.$queryRaw<ExistingUnit[]>`
        SELECT u."id", u."code", u."kind"::text AS "kind", u."parentId", p."code" AS "parentCode", u."path", u."bureauId",
               to_char(u."validTo", 'YYYY-MM-DD') AS "validTo"
          FROM "org_unit" u LEFT JOIN "org_unit" p ON p."id" = u."parentId"
         WHERE u."code" = ANY(${codes}::text[])`;
    },

    findStaff(employeeNumbers: string[]): Promise<ExistingStaff[]> {
      return db.$queryRaw<ExistingStaff[]>`
        SELECT s."id", s."employeeNumber", s."nameJa", s."nameKana", s."nameEn", s."loginId", s."email",
               s."jobFamilyId", j."code" AS "jobFamilyCode", to_char(s."hireDate", 'YYYY-MM-DD') AS "hireDate"
          FROM "staff" s JOIN "job_family" j ON j."id" = s."jobFamilyId"
         WHERE s."employeeNumber" = ANY(${employeeNumbers}::text[])`;
    },

    /** Who holds these login IDs, to find IDs a file would give to a second person. */
    findLoginHolders(loginIds: string[]): Promise<{ loginId: string; employeeNumber: string }[]> {
      return db.$queryRaw`
        SELECT "loginId", "employeeNumber" FROM "staff" WHERE "loginId" = ANY(${loginIds}::text[])`;
    },

    findOpenAssignments(staffIds: string[]): Promise<OpenAssignment[]> {
      return db.$queryRaw<OpenAssignment[]>`
        SELECT DISTINCT ON (a."staffId")
               a."id", a."staffId", a."orgUnitId", u."code" AS "unitCode", a."gradeId", g."code" AS "gradeCode",
               a."postJa", a."isHead", to_char(a."startsOn", 'YYYY-MM-DD') AS "startsOn"
          FROM "assignment" a
          JOIN "org_unit" u ON u."id" = a."orgUnitId"
          JOIN "grade" g ON g."id" = a."gradeId"
         WHERE a."staffId" = ANY(${staffIds}::uuid[]) AND a."endsOn" IS NULL
         ORDER BY a."staffId", a."startsOn" DESC, a."id" DESC`;
    },

    /** Imports run one at a time across every API instance, until the transaction ends. */
    async lockImports(): Promise<void> {
      await db.$executeRaw`SELECT pg_advisory_xact_lock(727101)`;
    },

    async insertUnits(units: NewUnit[]): Promise<number> {
      if (units.length === 0) return 0;
      return db.$executeRaw`
        INSERT INTO "org_unit" ("id", "code", "kind", "nameJa", "nameEn", "parentId", "path", "bureauId", "validFrom", "updatedAt")
        SELECT v."id", v."code", v."kind"::"OrgUnitKind", v."nameJa", v."nameEn", v."parentId", v."path", v."bureauId", v."validFrom", now()
          FROM unnest(${col(units, 'id')}::uuid[], ${col(units, 'code')}::text[], ${col(units, 'kind')}::text[],
                      ${col(units, 'nameJa')}::text[], ${col(units, 'nameEn')}::text[], ${col(units, 'parentId')}::uuid[],
                      ${col(units, 'path')}::text[], ${col(units, 'bureauId')}::uuid[], ${col(units, 'validFrom')}::date[])
            AS v("id", "code", "kind", "nameJa", "nameEn", "parentId", "path", "bureauId", "validFrom")`;
    },

    /** New people get no password: they cannot sign in until HR sets one. */
    async insertStaff(staff: NewStaff[]): Promise<number> {
      if (staff.length === 0) return 0;
      return db.$executeRaw`
        INSERT INTO "staff" ("id", "employeeNumber", "nameJa", "nameKana", "nameEn", "loginId", "email", "jobFamilyId", "hireDate", "updatedAt")
        SELECT v.*, now()
          FROM unnest(${col(staff, 'id')}::uuid[], ${col(staff, 'employeeNumber')}::text[], ${col(staff, 'nameJa')}::text[],
                      ${col(staff, 'nameKana')}::text[], ${col(staff, 'nameEn')}::text[], ${col(staff, 'loginId')}::text[],
                      ${col(staff, 'email')}::text[], ${col(staff, 'jobFamilyId')}::uuid[], ${col(staff, 'hireDate')}::date[])
            AS v("id", "employeeNumber", "nameJa", "nameKana", "nameEn", "loginId", "email", "jobFamilyId", "hireDate")`;
    },

    async updateStaff(staff: StaffUpdate[]): Promise<number> {
      if (staff.length === 0) return 0;
      return db.$executeRaw`
        UPDATE "staff" s
           SET "nameJa" = v."nameJa", "nameKana" = v."nameKana", "nameEn" = v."nameEn", "loginId" = v."loginId",
               "email" = v."email", "jobFamilyId" = v."jobFamilyId", "hireDate" = v."hireDate",
               "version" = s."version" + 1, "updatedAt" = now()
          FROM unnest(${col(staff, 'id')}::uuid[], ${col(staff, 'nameJa')}::text[], ${col(staff, 'nameKana')}::text[],
                      ${col(staff, 'nameEn')}::text[], ${col(staff, 'loginId')}::text[], ${col(staff, 'email')}::text[],
                      ${col(staff, 'jobFamilyId')}::uuid[], ${col(staff, 'hireDate')}::date[])
            AS v("id", "nameJa", "nameKana", "nameEn", "loginId", "email", "jobFamilyId", "hireDate")
         WHERE s."id" = v."id"`;
    },

    async endAssignments(ends: AssignmentEnd[]): Promise<number> {
      if (ends.length === 0) return 0;
      return db.$executeRaw`
        UPDATE "assignment" a SET "endsOn" = v."endsOn"
          FROM unnest(${col(ends, 'id')}::uuid[], ${col(ends, 'endsOn')}::date[]) AS v("id", "endsOn")
         WHERE a."id" = v."id"`;
    },

    /** A post that starts the same day as the current one replaces it: the current one is corrected. */
    async correctAssignments(rows: AssignmentCorrection[]): Promise<number> {
      if (rows.length === 0) return 0;
      return db.$executeRaw`
        UPDATE "assignment" a
           SET "orgUnitId" = v."orgUnitId", "gradeId" = v."gradeId", "isHead" = v."isHead",
               "postEn" = CASE WHEN a."postJa" IS NOT DISTINCT FROM v."postJa" THEN a."postEn" END,
               "postJa" = v."postJa"
          FROM unnest(${col(rows, 'id')}::uuid[], ${col(rows, 'orgUnitId')}::uuid[], ${col(rows, 'gradeId')}::uuid[],
                      ${col(rows, 'postJa')}::text[], ${col(rows, 'isHead')}::boolean[])
            AS v("id", "orgUnitId", "gradeId", "postJa", "isHead")
         WHERE a."id" = v."id"`;
    },

    /**
     * New posts. A person without a current post may have held this very one before (same unit and
     * start, since ended by hand): that row is reopened with the file's values rather than duplicated.
     */
    async insertAssignments(rows: NewAssignment[]): Promise<number> {
      if (rows.length === 0) return 0;
      return db.$executeRaw`
        INSERT INTO "assignment" ("id", "staffId", "orgUnitId", "gradeId", "postJa", "isHead", "startsOn")
        SELECT * FROM unnest(${col(rows, 'id')}::uuid[], ${col(rows, 'staffId')}::uuid[], ${col(rows, 'orgUnitId')}::uuid[],
                             ${col(rows, 'gradeId')}::uuid[], ${col(rows, 'postJa')}::text[], ${col(rows, 'isHead')}::boolean[],
                             ${col(rows, 'startsOn')}::date[])
        ON CONFLICT ("staffId", "startsOn", "orgUnitId") DO UPDATE
           SET "gradeId" = EXCLUDED."gradeId", "postJa" = EXCLUDED."postJa", "isHead" = EXCLUDED."isHead", "endsOn" = NULL`;
    },
  };
}

export type RosterRepository = ReturnType<typeof createRosterRepository>;
