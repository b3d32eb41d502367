import { z } from 'zod';
import { LocalizedText } from '../common/common.schemas.ts';
import { PageQuery, paged } from '../common/pagination.ts';
import { PERMISSIONS, ROLES } from '../permissions.ts';
import { AccountState } from './account.schemas.ts';

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const LoginRequest = z.object({
  loginId: trimmed(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const OrgUnitKind = z.enum(['bureau', 'ward', 'department', 'division', 'section']);
export type OrgUnitKind = z.infer<typeof OrgUnitKind>;

export const OrgUnitRef = z.object({
  id: z.string(),
  code: z.string(),
  kind: OrgUnitKind,
  name: LocalizedText,
});
export type OrgUnitRef = z.infer<typeof OrgUnitRef>;

export const OrgUnit = OrgUnitRef.extend({
  parentId: z.string().nullable(),
  bureauId: z.string().nullable(),
  position: z.number().int(),
  staffCount: z.number().int(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const OrgUnitList = z.object({ items: z.array(OrgUnit) });
export type OrgUnitList = z.infer<typeof OrgUnitList>;

export const GradeRef = z.object({
  id: z.string(),
  code: z.string(),
  rank: z.number().int(),
  name: LocalizedText,
});
export type GradeRef = z.infer<typeof GradeRef>;

export const GradeList = z.object({ items: z.array(GradeRef) });
export type GradeList = z.infer<typeof GradeList>;

export const JobFamilyRef = z.object({ id: z.string(), code: z.string(), name: LocalizedText });

export const Assignment = z.object({
  id: z.string(),
  orgUnit: OrgUnitRef,
  /** The 局・区 → … → unit chain, top first */
  orgPath: z.array(OrgUnitRef),
  grade: GradeRef,
  post: LocalizedText.nullable(),
  isHead: z.boolean(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
});
export type Assignment = z.infer<typeof Assignment>;

/** A sign-in account's state: none yet, a live invitation, a password set, or disabled. */
export const ACCOUNT_STATES = ['none', 'invited', 'active', 'disabled'] as const;
export type AccountStateName = (typeof ACCOUNT_STATES)[number];
/** What HR can filter the staff list by: a state, or `mfa` (an authenticator app enrolled). */
export const ACCOUNT_FILTERS = [...ACCOUNT_STATES, 'mfa'] as const;
export type AccountFilter = (typeof ACCOUNT_FILTERS)[number];

export const StaffSummary = z.object({
  id: z.string(),
  employeeNumber: z.string(),
  name: z.string(),
  nameKana: z.string(),
  nameEn: z.string(),
  jobFamily: JobFamilyRef,
  current: Assignment.nullable(),
  /** For HR (staff:manage:any) only */
  account: z.object({ state: z.enum(ACCOUNT_STATES), mfa: z.boolean() }).optional(),
});
export type StaffSummary = z.infer<typeof StaffSummary>;

export const PromotionRoleHeld = z.object({
  code: z.string(),
  title: LocalizedText,
  orgUnit: OrgUnitRef.nullable(),
});

export const StaffDetail = StaffSummary.extend({
  loginId: z.string(),
  email: z.string().nullable(),
  hireDate: z.string(),
  disabled: z.boolean(),
  /** Holds 人材育成部門 administration (granted by hand) */
  hrAdmin: z.boolean(),
  assignments: z.array(Assignment),
  supervisors: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string() })),
  promotionRoles: z.array(PromotionRoleHeld),
  version: z.number().int(),
  /** The sign-in account, for HR (staff:manage:any) and the person themself */
  account: z
    .object({
      state: z.enum(ACCOUNT_STATES),
      mfa: z.boolean(),
      lastSignInAt: z.string().nullable(),
      invitationExpiresAt: z.string().nullable(),
    })
    .optional(),
});
export type StaffDetail = z.infer<typeof StaffDetail>;

/** `PUT /api/staff/{id}/roles`: grant or revoke 人材育成部門 administration. */
export const StaffRolesInput = z.object({
  hrAdmin: z.boolean(),
  version: z.number().int().min(0),
});
export type StaffRolesInput = z.infer<typeof StaffRolesInput>;

export const StaffListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  orgUnitId: z.uuid().optional(),
  gradeId: z.uuid().optional(),
  /** HR only: people whose account is in this state (`mfa`: an authenticator app enrolled) */
  account: z.enum(ACCOUNT_FILTERS).optional(),
});
export type StaffListQuery = z.infer<typeof StaffListQuery>;

export const StaffPage = paged(StaffSummary);
export type StaffPage = z.infer<typeof StaffPage>;

export const Me = z.object({
  staff: StaffDetail,
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(PERMISSIONS)),
  /** The units whose people this person supervises */
  teamUnits: z.array(OrgUnitRef),
  /** The 局・区 this person serves as a bureau officer */
  bureaus: z.array(OrgUnitRef),
  session: z.object({ expiresAt: z.string(), idleTimeoutSeconds: z.number().int() }),
  account: AccountState,
});
export type Me = z.infer<typeof Me>;

export const DemoAccounts = z.object({
  enabled: z.boolean(),
  password: z.string().nullable(),
  accounts: z.array(z.object({ loginId: z.string(), description: LocalizedText })),
});
export type DemoAccounts = z.infer<typeof DemoAccounts>;

/** `GET /api/auth/providers`: which sign-in methods are on. */
export const AuthProviders = z.object({
  /** Portal passwords (off with AUTH_LOCAL=false) */
  local: z.boolean(),
  /** Single sign-on through the city's OpenID provider */
  oidc: z.boolean(),
  /** Mail is configured (SMTP) */
  mail: z.boolean(),
});
export type AuthProviders = z.infer<typeof AuthProviders>;
