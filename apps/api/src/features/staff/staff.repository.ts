import { inForce } from '../../access/access.ts';
import { inForceSql } from '../../access/scope.ts';
import { type Db, planless, sqlRows, type Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { OrgUnitKind } from '../../generated/prisma/enums.ts';

/** The query shapes the feature's use cases compose (scope rules come from `access/scope.ts`). */
export type StaffWhere = Prisma.StaffWhereInput;

const unitRef = {
  select: { id: true, code: true, kind: true, nameJa: true, nameEn: true, path: true },
} as const;
const assignmentSelect = {
  id: true,
  isHead: true,
  postJa: true,
  postEn: true,
  startsOn: true,
  endsOn: true,
  orgUnit: unitRef,
  grade: { select: { id: true, code: true, rank: true, nameJa: true, nameEn: true } },
} as const;

/** What a list row needs; a function, so that "current" means today at the time of the query. */
export const summarySelect = () =>
  ({
    id: true,
    employeeNumber: true,
    nameJa: true,
    nameKana: true,
    nameEn: true,
    jobFamily: { select: { id: true, code: true, nameJa: true, nameEn: true } },
    assignments: { where: inForce(), orderBy: { startsOn: 'desc' }, take: 1, select: assignmentSelect },
  }) as const satisfies Prisma.StaffSelect;

export type StaffSummaryRow = Prisma.StaffGetPayload<{ select: ReturnType<typeof summarySelect> }>;

/** A live invitation: not used, not expired (as of the query). */
export const liveInvitation = () =>
  ({
    kind: 'invitation',
    usedAt: null,
    expiresAt: { gt: new Date() },
  }) as const satisfies Prisma.AccountTokenWhereInput;

/** What HR's list rows add: the account's state, in the same statement. */
export const accountSelect = () =>
  ({
    disabledAt: true,
    passwordHash: true,
    mfaEnabledAt: true,
    accountTokens: { where: liveInvitation(), take: 1, select: { id: true } },
  }) as const satisfies Prisma.StaffSelect;

export type AccountRow = Prisma.StaffGetPayload<{ select: ReturnType<typeof accountSelect> }>;
export type AssignmentRow = StaffSummaryRow['assignments'][number];

type UnitRefRow = { id: string; code: string; kind: OrgUnitKind; nameJa: string; nameEn: string };
type PersonRow = { id: string; nameJa: string; nameEn: string };

/** What `detail` reads: the person's record as the service needs it. */
export type StaffDetailRow = {
  id: string;
  employeeNumber: string;
  nameJa: string;
  nameKana: string;
  nameEn: string;
  loginId: string;
  email: string | null;
  hireDate: Date;
  disabledAt: Date | null;
  systemRoles: string[];
  version: number;
  passwordHash: string | null;
  mfaEnabledAt: Date | null;
  lastSignInAt: Date | null;
  jobFamily: { id: string; code: string; nameJa: string; nameEn: string };
  assignments: AssignmentRow[];
  accountTokens: { expiresAt: Date }[];
  holdings: {
    promotionRole: { code: string; titleJa: string; titleEn: string };
    orgUnit: UnitRefRow | null;
  }[];
  supervisedBy: { supervisor: PersonRow }[];
  /** Every unit on the paths of the person's posts, with the other person heading it (the earliest post) */
  units: (UnitRefRow & { path: string; head: PersonRow | null })[];
  /** The units of `also` */
  alsoUnits: (UnitRefRow & { path: string })[];
};

type DetailSqlRow = Omit<StaffDetailRow, 'assignments' | 'accountTokens'> & {
  assignments: (Omit<AssignmentRow, 'startsOn' | 'endsOn'> & { startsOn: string; endsOn: string | null })[];
  invitationExpiresAt: Date | null;
};

/** A `date` read from JSON (`YYYY-MM-DD`) as Prisma reads a date: midnight UTC. */
const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);

const unitJson = (u: string) =>
  `json_build_object('id', ${u}.id, 'code', ${u}.code, 'kind', ${u}.kind, 'nameJa', ${u}."nameJa", 'nameEn', ${u}."nameEn"`;
/** A row `t` (post, holding, override) in force on the day `$2`: the one rule of `access/scope.ts`, as text. */
const inForceOn2 = (t: string) => inForceSql(t, Prisma.raw(planless('$2::date'))).text;

/**
 * `$1` the person, `$2` the day, `$3` now (a live invitation has not expired), `$4` unit paths and `$5`
 * unit ids for `alsoUnits`. Orders that Prisma left to the database (holdings, overrides, ties) are fixed.
 */
const DETAIL_SQL = `
SELECT st.id, st."employeeNumber", st."nameJa", st."nameKana", st."nameEn", st."loginId", st.email,
       st."hireDate", st."disabledAt", st."systemRoles"::text[] AS "systemRoles", st.version,
       st."passwordHash", st."mfaEnabledAt", st."lastSignInAt",
       json_build_object('id', jf.id, 'code', jf.code, 'nameJa', jf."nameJa", 'nameEn', jf."nameEn") AS "jobFamily",
       COALESCE((SELECT json_agg(json_build_object(
                  'id', a.id, 'isHead', a."isHead", 'postJa', a."postJa", 'postEn', a."postEn",
                  'startsOn', a."startsOn", 'endsOn', a."endsOn",
                  'orgUnit', ${unitJson('u')}, 'path', u.path),
                  'grade', json_build_object('id', g.id, 'code', g.code, 'rank', g.rank, 'nameJa', g."nameJa",
                                             'nameEn', g."nameEn"))
                  ORDER BY a."startsOn" DESC, a.id DESC)
                  FROM "assignment" a JOIN "org_unit" u ON u.id = a."orgUnitId" JOIN "grade" g ON g.id = a."gradeId"
                 WHERE a."staffId" = st.id), '[]'::json) AS assignments,
       (SELECT t."expiresAt" FROM "account_token" t
         WHERE t."staffId" = st.id AND t.kind = 'invitation' AND t."usedAt" IS NULL AND t."expiresAt" > ${planless('$3::timestamptz')}
         ORDER BY t."expiresAt" DESC LIMIT 1) AS "invitationExpiresAt",
       COALESCE((SELECT json_agg(json_build_object(
                  'promotionRole', json_build_object('code', r.code, 'titleJa', r."titleJa", 'titleEn', r."titleEn"),
                  'orgUnit', CASE WHEN u.id IS NULL THEN NULL ELSE ${unitJson('u')}) END)
                  ORDER BY h."startsOn", h.id)
                  FROM "promotion_role_holding" h JOIN "promotion_role" r ON r.id = h."promotionRoleId"
                  LEFT JOIN "org_unit" u ON u.id = h."orgUnitId"
                 WHERE h."staffId" = st.id AND ${inForceOn2('h')}), '[]'::json) AS holdings,
       COALESCE((SELECT json_agg(json_build_object(
                  'supervisor', json_build_object('id', p.id, 'nameJa', p."nameJa", 'nameEn', p."nameEn"))
                  ORDER BY o."startsOn", o.id)
                  FROM "supervisor_override" o JOIN "staff" p ON p.id = o."supervisorId"
                 WHERE o."staffId" = st.id AND ${inForceOn2('o')}), '[]'::json) AS "supervisedBy",
       COALESCE((SELECT json_agg(${unitJson('u')}, 'path', u.path, 'head',
                  (SELECT json_build_object('id', p.id, 'nameJa', p."nameJa", 'nameEn', p."nameEn")
                     FROM "assignment" ha JOIN "staff" p ON p.id = ha."staffId"
                    WHERE ha."orgUnitId" = u.id AND ha."isHead" AND ha."staffId" <> st.id AND ${inForceOn2('ha')}
                    ORDER BY ha."startsOn", ha.id LIMIT 1)))
                  FROM "org_unit" u
                 WHERE u.id = ANY(ARRAY(SELECT x.id::uuid FROM "assignment" a JOIN "org_unit" au ON au.id = a."orgUnitId",
                                              unnest(string_to_array(au.path, '/')) AS x(id)
                                        WHERE a."staffId" = st.id AND x.id <> ''))), '[]'::json) AS units,
       COALESCE((SELECT json_agg(${unitJson('u')}, 'path', u.path) ORDER BY u.path)
                  FROM "org_unit" u
                 WHERE u.id = ANY(ARRAY(SELECT v.id FROM "org_unit" v WHERE v.path = ANY(${planless('$4::text[]')}::text[]))
                                  || ${planless('$5::uuid[]')})), '[]'::json) AS "alsoUnits"
  FROM "staff" st JOIN "job_family" jf ON jf.id = st."jobFamilyId"
 WHERE st.id = $1::uuid`;

/** The staff directory's reads; each takes the client it runs on. */
export function createStaffRepository() {
  return {
    async page(where: Prisma.StaffWhereInput, page: number, pageSize: number, client: Db | Tx) {
      const [items, total] = await Promise.all([
        client.staff.findMany({
          where,
          select: summarySelect(),
          orderBy: [{ nameKana: 'asc' }, { employeeNumber: 'asc' }],
          skip: (page - 1) * pageSize,
          take: pageSize,
        }),
        client.staff.count({ where }),
      ]);
      return { items, total };
    },

    /** As `page`, with each row's account state (HR's view). */
    async pageWithAccounts(where: Prisma.StaffWhereInput, page: number, pageSize: number, client: Db | Tx) {
      const [items, total] = await Promise.all([
        client.staff.findMany({
          where,
          select: { ...summarySelect(), ...accountSelect() },
          orderBy: [{ nameKana: 'asc' }, { employeeNumber: 'asc' }],
          skip: (page - 1) * pageSize,
          take: pageSize,
        }),
        client.staff.count({ where }),
      ]);
      return { items, total };
    },

    /**
     * A person with every post (newest first: the current one is the first in force), the overrides
     * naming their supervisor, their 推進体制 holdings, their account's state and every unit on their
     * posts' paths with the other person heading it on `day` — and, for `GET /api/me`, the units of
     * `also` (the paths a person heads, the bureaus they serve) — in one prepared statement through
     * the pool (decision 054).
     */
    async detail(
      id: string,
      day: Date,
      client: Db | Tx,
      also: { paths: readonly string[]; ids: readonly string[] } = { paths: [], ids: [] },
    ): Promise<StaffDetailRow | null> {
      const [row] = await sqlRows<DetailSqlRow>(client, DETAIL_SQL, [
        id,
        day.toISOString().slice(0, 10),
        new Date(),
        [...also.paths],
        [...also.ids],
      ]);
      if (!row) return null;
      const { invitationExpiresAt, ...rest } = row;
      return {
        ...rest,
        assignments: row.assignments.map((a) => ({
          ...a,
          startsOn: dateOf(a.startsOn),
          endsOn: a.endsOn === null ? null : dateOf(a.endsOn),
        })),
        accountTokens: invitationExpiresAt ? [{ expiresAt: invitationExpiresAt }] : [],
      };
    },

    /** A unit's path (a filter by unit reaches the units under it). */
    unit(id: string, client: Db | Tx) {
      return client.orgUnit.findUnique({ where: { id }, select: { path: true } });
    },

    /** Units by id, for turning materialized paths into chains (one query for all of them). */
    unitsByIds(ids: string[], client: Db | Tx) {
      return client.orgUnit.findMany({ where: { id: { in: ids } }, select: unitRef.select });
    },
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;

/**
 * The administration of accounts and roles, on the caller's transaction. `lockAdministration` makes
 * concurrent grants, revocations and disables take turns, so that "the last HR administrator" is
 * counted by one of them at a time.
 */
export const administrationRepository = {
  async lockAdministration(tx: Tx): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('portal.administration'))`;
  },

  account(tx: Tx, staffId: string) {
    return tx.staff.findUniqueOrThrow({
      where: { id: staffId },
      select: { disabledAt: true, systemRoles: true, version: true },
    });
  },

  /** Enabled HR administrators other than this person. */
  otherActiveHrAdmins(tx: Tx, staffId: string): Promise<number> {
    return tx.staff.count({
      where: { id: { not: staffId }, disabledAt: null, systemRoles: { has: 'hr_admin' } },
    });
  },

  async setDisabled(tx: Tx, staffId: string, disabledAt: Date | null): Promise<void> {
    await tx.staff.update({ where: { id: staffId }, data: { disabledAt, version: { increment: 1 } } });
    if (disabledAt) await tx.session.deleteMany({ where: { staffId } });
  },

  async setSystemRoles(tx: Tx, staffId: string, systemRoles: 'hr_admin'[]): Promise<void> {
    await tx.staff.update({ where: { id: staffId }, data: { systemRoles, version: { increment: 1 } } });
  },
};
