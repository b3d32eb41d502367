import { inForce } from '../../access/access.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

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
     * naming their supervisor, their 推進体制 holdings and their account's state, in one statement.
     */
    detail(id: string, client: Db | Tx) {
      const { assignments: _current, ...summary } = summarySelect();
      return client.staff.findUnique({
        where: { id },
        select: {
          ...summary,
          assignments: { orderBy: { startsOn: 'desc' }, select: assignmentSelect },
          loginId: true,
          email: true,
          hireDate: true,
          disabledAt: true,
          systemRoles: true,
          version: true,
          passwordHash: true,
          mfaEnabledAt: true,
          lastSignInAt: true,
          accountTokens: {
            where: liveInvitation(),
            orderBy: { expiresAt: 'desc' },
            take: 1,
            select: { expiresAt: true },
          },
          holdings: {
            where: inForce(),
            select: {
              promotionRole: { select: { code: true, titleJa: true, titleEn: true } },
              orgUnit: unitRef,
            },
          },
          supervisedBy: {
            where: inForce(),
            select: { supervisor: { select: { id: true, nameJa: true, nameEn: true } } },
          },
        },
      });
    },

    /**
     * Units by id, for turning materialized paths into chains, each with the other people heading it
     * today (so that the nearest head above a post comes with the chain): one statement for all.
     */
    unitsWithHeads(ids: string[], staffId: string, client: Db | Tx) {
      return client.orgUnit.findMany({
        where: { id: { in: ids } },
        select: {
          ...unitRef.select,
          assignments: {
            where: { ...inForce(), isHead: true, staffId: { not: staffId } },
            orderBy: { startsOn: 'asc' },
            select: { staff: { select: { id: true, nameJa: true, nameEn: true } } },
          },
        },
      });
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
