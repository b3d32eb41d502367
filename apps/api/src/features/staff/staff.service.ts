import {
  type AccountFilter,
  type AccountStateName,
  type Assignment,
  type OrgUnitRef,
  type StaffDetail,
  type StaffListQuery,
  type StaffPage,
  type StaffRolesInput,
  type StaffSummary,
  searchTextForms,
} from '@portal/contracts';
import { assertStaffVisible, authorize, inForce, staffWhere, today } from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { ConflictError, NotFoundError } from '../../shared/errors.ts';
import { guardVersion, write } from '../../shared/write.ts';
import {
  type AccountRow,
  type AssignmentRow,
  administrationRepository as admin,
  liveInvitation,
  type StaffDetailRow,
  type StaffRepository,
  type StaffSummaryRow,
  type StaffWhere,
} from './staff.repository.ts';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
type UnitRow = { id: string; code: string; kind: OrgUnitRef['kind']; nameJa: string; nameEn: string };
const ref = (u: UnitRow): OrgUnitRef => ({
  id: u.id,
  code: u.code,
  kind: u.kind,
  name: { ja: u.nameJa, en: u.nameEn },
});

/** The state HR sees: disabled, else a password set, else a live invitation, else none. */
function accountOf(
  s: Pick<AccountRow, 'disabledAt' | 'passwordHash' | 'mfaEnabledAt'> & { accountTokens: unknown[] },
): { state: AccountStateName; mfa: boolean } {
  return {
    state: s.disabledAt
      ? 'disabled'
      : s.passwordHash
        ? 'active'
        : s.accountTokens.length
          ? 'invited'
          : 'none',
    mfa: s.mfaEnabledAt !== null,
  };
}

/** The same states as a query, so that a filter and the rows it returns agree. */
function accountWhere(filter: AccountFilter): StaffWhere {
  const enabled = { disabledAt: null };
  switch (filter) {
    case 'disabled':
      return { disabledAt: { not: null } };
    case 'active':
      return { ...enabled, passwordHash: { not: null } };
    case 'invited':
      return { ...enabled, passwordHash: null, accountTokens: { some: liveInvitation() } };
    case 'none':
      return { ...enabled, passwordHash: null, accountTokens: { none: liveInvitation() } };
    case 'mfa':
      return { ...enabled, mfaEnabledAt: { not: null } };
  }
}

export function createStaffService(deps: { db: Db; staff: StaffRepository }) {
  /** Every unit on the given assignments' paths, fetched in one query. */
  async function chains(rows: AssignmentRow[]): Promise<Map<string, UnitRow>> {
    const ids = [...new Set(rows.flatMap((a) => a.orgUnit.path.split('/').filter(Boolean)))];
    return new Map((await deps.staff.unitsByIds(ids, deps.db)).map((u) => [u.id, u]));
  }

  function toAssignment(a: AssignmentRow, units: Map<string, UnitRow>): Assignment {
    return {
      id: a.id,
      orgUnit: ref(a.orgUnit),
      orgPath: a.orgUnit.path
        .split('/')
        .filter(Boolean)
        .map((id) => units.get(id))
        .filter((u): u is UnitRow => u !== undefined)
        .map(ref),
      grade: {
        id: a.grade.id,
        code: a.grade.code,
        rank: a.grade.rank,
        name: { ja: a.grade.nameJa, en: a.grade.nameEn },
      },
      post: a.postJa ? { ja: a.postJa, en: a.postEn ?? a.postJa } : null,
      isHead: a.isHead,
      startsOn: isoDate(a.startsOn),
      endsOn: a.endsOn ? isoDate(a.endsOn) : null,
    };
  }

  function toSummary(s: StaffSummaryRow, units: Map<string, UnitRow>): Omit<StaffSummary, 'account'> {
    const current = s.assignments[0];
    return {
      id: s.id,
      employeeNumber: s.employeeNumber,
      name: s.nameJa,
      nameKana: s.nameKana,
      nameEn: s.nameEn,
      jobFamily: {
        id: s.jobFamily.id,
        code: s.jobFamily.code,
        name: { ja: s.jobFamily.nameJa, en: s.jobFamily.nameEn },
      },
      current: current ? toAssignment(current, units) : null,
    };
  }

  /** The person's record, with the units of `also` (see the repository's `detail`). */
  async function read(staffId: string, also?: { paths: readonly string[]; ids: readonly string[] }) {
    const s = await deps.staff.detail(staffId, today(), deps.db, also);
    if (!s) throw new NotFoundError('No such staff member.', 'staff_not_found');
    return s;
  }

  async function detail(staffId: string, withAccount = false): Promise<StaffDetail> {
    return detailOf(await read(staffId), withAccount);
  }

  function detailOf(s: StaffDetailRow, withAccount: boolean): StaffDetail {
    const day = today().getTime();
    const current = s.assignments.find(
      (a) => a.startsOn.getTime() <= day && (a.endsOn === null || a.endsOn.getTime() >= day),
    );
    const units = new Map(s.units.map((u) => [u.id, u]));
    // An override names the supervisor; otherwise the nearest head above the current post (a 係長 for
    // a 係 member; the 課長 for the 係長; …).
    const nearestHead = (current?.orgUnit.path.split('/').filter(Boolean) ?? [])
      .reverse()
      .map((id) => units.get(id)?.head ?? undefined)
      .find((head) => head !== undefined);
    const supervisors = s.supervisedBy.length
      ? s.supervisedBy.map((o) => o.supervisor)
      : nearestHead
        ? [nearestHead]
        : [];
    const history = s.assignments;
    return {
      ...toSummary({ ...s, assignments: current ? [current] : [] }, units),
      loginId: s.loginId,
      email: s.email,
      hireDate: isoDate(s.hireDate),
      disabled: s.disabledAt !== null,
      hrAdmin: s.systemRoles.includes('hr_admin'),
      assignments: history.map((a) => toAssignment(a, units)),
      supervisors: supervisors.map((p) => ({ id: p.id, name: p.nameJa, nameEn: p.nameEn })),
      promotionRoles: s.holdings.map((h) => ({
        code: h.promotionRole.code,
        title: { ja: h.promotionRole.titleJa, en: h.promotionRole.titleEn },
        orgUnit: h.orgUnit ? ref(h.orgUnit) : null,
      })),
      version: s.version,
      ...(withAccount
        ? {
            account: {
              ...accountOf(s),
              lastSignInAt: s.lastSignInAt?.toISOString() ?? null,
              invitationExpiresAt: s.accountTokens[0]?.expiresAt.toISOString() ?? null,
            },
          }
        : {}),
    };
  }

  return {
    detail,

    /**
     * The actor's own record for `GET /api/me` (the account's state included) and, in the same
     * statement, the units of these paths and ids (the units they head, the bureaus they serve).
     */
    async own(
      staffId: string,
      also: { paths: readonly string[]; ids: readonly string[] },
    ): Promise<{ detail: StaffDetail; units: StaffDetailRow['alsoUnits'] }> {
      const s = await read(staffId, also);
      return { detail: detailOf(s, true), units: s.alsoUnits };
    },

    async list(actor: Actor, query: StaffListQuery): Promise<StaffPage> {
      const filters: StaffWhere[] = [staffWhere(actor)];
      if (query.q) {
        // さとう, ｻﾄｳ and サトウ alike; readings are stored in katakana, or in hiragana by some rosters
        const { text, katakana, hiragana } = searchTextForms(query.q);
        filters.push({
          OR: [
            { nameJa: { contains: text, mode: 'insensitive' } },
            { nameKana: { contains: katakana, mode: 'insensitive' } },
            { nameKana: { contains: hiragana, mode: 'insensitive' } },
            { nameEn: { contains: text, mode: 'insensitive' } },
            { employeeNumber: { startsWith: text } },
          ],
        });
      }
      if (query.account) {
        // account states are HR's to see (a person's own is on their page)
        authorize(actor, 'staff:manage:any');
        filters.push(accountWhere(query.account));
      }
      if (query.orgUnitId || query.gradeId) {
        const unit = query.orgUnitId ? await deps.staff.unit(query.orgUnitId, deps.db) : null;
        if (query.orgUnitId && !unit)
          return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
        filters.push({
          assignments: {
            some: {
              ...inForce(),
              ...(unit ? { orgUnit: { path: { startsWith: unit.path } } } : {}),
              ...(query.gradeId ? { gradeId: query.gradeId } : {}),
            },
          },
        });
      }
      const where = { AND: filters };
      if (actor.permissions.has('staff:manage:any')) {
        const { items, total } = await deps.staff.pageWithAccounts(
          where,
          query.page,
          query.pageSize,
          deps.db,
        );
        const units = await chains(items.flatMap((s) => s.assignments));
        return {
          items: items.map((s) => ({ ...toSummary(s, units), account: accountOf(s) })),
          page: query.page,
          pageSize: query.pageSize,
          total,
        };
      }
      const { items, total } = await deps.staff.page(where, query.page, query.pageSize, deps.db);
      const units = await chains(items.flatMap((s) => s.assignments));
      return {
        items: items.map((s) => toSummary(s, units)),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    async get(actor: Actor, staffId: string): Promise<StaffDetail> {
      await assertStaffVisible(deps.db, actor, staffId);
      return detail(staffId, staffId === actor.staffId || actor.permissions.has('staff:manage:any'));
    },

    /**
     * HR disables or re-enables an account; disabling ends its sessions at once. Nobody disables
     * themself, and the last enabled HR administrator stays enabled: otherwise nobody could enable
     * accounts again.
     */
    async setDisabled(
      actor: Actor,
      staffId: string,
      disabled: boolean,
      meta: RequestMeta,
    ): Promise<StaffDetail> {
      await assertStaffVisible(deps.db, actor, staffId);
      authorize(actor, 'staff:manage:any');
      if (disabled && staffId === actor.staffId) {
        throw new ConflictError('You cannot disable your own account.', 'cannot_disable_self');
      }
      await write(deps.db, {
        actorId: actor.staffId,
        meta,
        run: async (tx) => {
          await admin.lockAdministration(tx);
          const before = await admin.account(tx, staffId);
          if (
            disabled &&
            before.disabledAt === null &&
            before.systemRoles.includes('hr_admin') &&
            (await admin.otherActiveHrAdmins(tx, staffId)) === 0
          ) {
            throw new ConflictError('The last HR administrator cannot be disabled.', 'last_hr_admin');
          }
          await admin.setDisabled(tx, staffId, disabled ? (before.disabledAt ?? new Date()) : null);
          return {
            body: null,
            audit: {
              action: disabled ? 'staff.disable' : 'staff.enable',
              entityType: 'staff',
              entityId: staffId,
              before: { disabled: before.disabledAt !== null },
              after: { disabled },
            },
          };
        },
      });
      return detail(staffId, true);
    },

    /**
     * HR grants or revokes 人材育成部門 administration. Never the last enabled HR administrator's, and
     * never one's own: an administrator hands the role over by granting it to someone else, who then
     * revokes it.
     */
    async setRoles(
      actor: Actor,
      staffId: string,
      input: StaffRolesInput,
      meta: RequestMeta,
    ): Promise<StaffDetail> {
      await assertStaffVisible(deps.db, actor, staffId);
      authorize(actor, 'staff:manage:any');
      await write(deps.db, {
        actorId: actor.staffId,
        meta,
        what: 'person',
        current: () => detail(staffId),
        run: async (tx) => {
          await admin.lockAdministration(tx);
          const before = await admin.account(tx, staffId);
          guardVersion(input.version, before.version);
          const was = before.systemRoles.includes('hr_admin');
          if (was === input.hrAdmin) return { body: null };
          if (!input.hrAdmin) {
            if (staffId === actor.staffId) {
              throw new ConflictError('You cannot revoke your own HR administration.', 'cannot_revoke_self');
            }
            if (before.disabledAt === null && (await admin.otherActiveHrAdmins(tx, staffId)) === 0) {
              throw new ConflictError('The last HR administrator cannot be revoked.', 'last_hr_admin');
            }
          }
          const after = input.hrAdmin
            ? [...before.systemRoles.filter((r) => r !== 'hr_admin'), 'hr_admin' as const]
            : before.systemRoles.filter((r) => r !== 'hr_admin');
          await admin.setSystemRoles(tx, staffId, after);
          return {
            body: null,
            audit: {
              action: input.hrAdmin ? 'staff.role_grant' : 'staff.role_revoke',
              entityType: 'staff',
              entityId: staffId,
              before: { roles: before.systemRoles },
              after: { roles: after },
            },
          };
        },
      });
      return detail(staffId);
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
