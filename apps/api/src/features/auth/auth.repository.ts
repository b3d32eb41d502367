/**
 * Accounts, sessions, one-time tokens and recovery codes: the Prisma side of sign-in.
 */
import type { Db, Tx } from '../../db/client.ts';
import type { AccountTokenKind, Prisma } from '../../generated/prisma/client.ts';

export type SessionStage = 'full' | 'mfa' | 'enrol';

const accountSelect = {
  id: true,
  loginId: true,
  nameJa: true,
  nameEn: true,
  nameKana: true,
  email: true,
  passwordHash: true,
  disabledAt: true,
  totpSecret: true,
  totpPendingSecret: true,
  mfaEnabledAt: true,
} as const;

export function createAuthRepository(db: Db | Tx) {
  return {
    /** People to invite, by any filter (scoped by the caller); disabled accounts are never invited. */
    peopleToInvite: (where: Prisma.StaffWhereInput) =>
      db.staff.findMany({
        where: { AND: [where, { disabledAt: null }] },
        select: { id: true, loginId: true, nameJa: true, email: true },
        orderBy: { employeeNumber: 'asc' },
      }),
    unitPath: (id: string) => db.orgUnit.findUnique({ where: { id }, select: { path: true } }),
    async createTokens(
      rows: {
        staffId: string;
        kind: AccountTokenKind;
        tokenHash: string;
        expiresAt: Date;
        createdById: string | null;
      }[],
    ) {
      const ids = [...new Set(rows.map((r) => r.staffId))];
      const kinds = [...new Set(rows.map((r) => r.kind))];
      await db.accountToken.updateMany({
        where: { staffId: { in: ids }, kind: { in: kinds }, usedAt: null },
        data: { expiresAt: new Date() },
      });
      await db.accountToken.createMany({ data: rows });
    },
    systemRoles: (loginId: string) =>
      db.staff.findUnique({ where: { loginId }, select: { id: true, systemRoles: true, disabledAt: true } }),
    setSystemRoles: (id: string, roles: 'hr_admin'[]) =>
      db.staff.update({ where: { id }, data: { systemRoles: { set: roles }, version: { increment: 1 } } }),
    /** Serialises changes to who holds hr_admin, so two revocations cannot both leave none. */
    lockHrAdmins: () => db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('staff.hr_admin'))`,
    countHrAdmins: () => db.staff.count({ where: { systemRoles: { has: 'hr_admin' }, disabledAt: null } }),
    accountByLogin: (loginId: string) => db.staff.findUnique({ where: { loginId }, select: accountSelect }),
    accountById: (id: string) => db.staff.findUnique({ where: { id }, select: accountSelect }),

    createSession: (data: {
      id: string;
      staffId: string;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
      stage: SessionStage;
    }) => db.session.create({ data }),
    session: (id: string) => db.session.findUnique({ where: { id } }),
    setSessionStage: (id: string, stage: SessionStage, expiresAt?: Date) =>
      db.session.updateMany({ where: { id }, data: { stage, ...(expiresAt ? { expiresAt } : {}) } }),
    touchSession: (id: string, at: Date) =>
      db.session.updateMany({ where: { id }, data: { lastSeenAt: at } }),
    deleteSession: (id: string) => db.session.deleteMany({ where: { id } }),
    deleteSessionsOf: (staffId: string, except?: string) =>
      db.session.deleteMany({ where: { staffId, ...(except ? { id: { not: except } } : {}) } }),
    markSignedIn: (staffId: string, at: Date) =>
      db.staff.update({ where: { id: staffId }, data: { lastSignInAt: at } }),

    setPassword: (staffId: string, passwordHash: string, at: Date) =>
      db.staff.update({
        where: { id: staffId },
        data: { passwordHash, passwordSetAt: at, version: { increment: 1 } },
      }),

    /** Ends the person's earlier unused tokens of this kind and makes a new one. */
    async replaceToken(data: {
      staffId: string;
      kind: AccountTokenKind;
      tokenHash: string;
      expiresAt: Date;
      createdById: string | null;
    }) {
      await db.accountToken.updateMany({
        where: { staffId: data.staffId, kind: data.kind, usedAt: null },
        data: { expiresAt: new Date() },
      });
      return db.accountToken.create({ data });
    },
    tokenByHash: (tokenHash: string) => db.accountToken.findUnique({ where: { tokenHash } }),
    /** Takes the token once: false when it was used (or expired) in the meantime. */
    async useToken(id: string, at: Date): Promise<boolean> {
      const { count } = await db.accountToken.updateMany({
        where: { id, usedAt: null, expiresAt: { gt: at } },
        data: { usedAt: at },
      });
      return count === 1;
    },

    setPendingTotp: (staffId: string, secret: string) =>
      db.staff.update({ where: { id: staffId }, data: { totpPendingSecret: secret } }),
    async enableTotp(staffId: string, secret: string, codeHashes: string[], at: Date) {
      await db.staff.update({
        where: { id: staffId },
        data: { totpSecret: secret, totpPendingSecret: null, mfaEnabledAt: at, version: { increment: 1 } },
      });
      await db.mfaRecoveryCode.deleteMany({ where: { staffId } });
      await db.mfaRecoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ staffId, codeHash })) });
    },
    async disableTotp(staffId: string) {
      await db.staff.update({
        where: { id: staffId },
        data: { totpSecret: null, totpPendingSecret: null, mfaEnabledAt: null, version: { increment: 1 } },
      });
      await db.mfaRecoveryCode.deleteMany({ where: { staffId } });
    },
    /** Takes a TOTP time step once: false when it (or a later one) was already used. */
    async takeTotpStep(staffId: string, step: number): Promise<boolean> {
      const { count } = await db.staff.updateMany({
        where: { id: staffId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step },
      });
      return count === 1;
    },
    /** Uses a recovery code once; false when there is no such unused code. */
    async useRecoveryCode(staffId: string, codeHash: string, at: Date): Promise<boolean> {
      const { count } = await db.mfaRecoveryCode.updateMany({
        where: { staffId, codeHash, usedAt: null },
        data: { usedAt: at },
      });
      return count === 1;
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
