/**
 * The permission vocabulary (`subject:action:scope`) and which roles hold which permissions.
 * The API decides with these (apps/api/src/access); the web app uses the same names only to hide UI.
 */

/** Roles a person has. Only `hr_admin` is granted by hand; the others follow from posts and 推進体制 roles. */
export const ROLES = ['staff', 'supervisor', 'bureau_officer', 'hr_admin', 'executive'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'policy:read:any',
  'org:read:any',
  // the grade ladder (職位) and job families (職種): HR adds, renames, reorders and retires them
  'org:manage:any',
  'staff:read:self',
  // one's own sign-in: removing one's authenticator app (refused where one's role requires it)
  'mfa:remove:self',
  'staff:read:team',
  'staff:read:bureau',
  'staff:read:any',
  'staff:manage:any',
  'audit:read:any',
  'roster:import:any',
  // career plans, self-development, OJT: the person's own, their supervisor's, a bureau's, city-wide
  'career:read:any',
  'career:write:self',
  'career:comment:team',
  'selfdev:write:self',
  'selfdev:decide:team',
  'ojt:acknowledge:self',
  'ojt:create:team',
  'ojt-plan:write:team',
  // training
  'training:read:any',
  'training:apply:self',
  'training:approve:team',
  'training:manage:bureau',
  'training:manage:any',
  // the 推進計画
  'plan:read:any',
  'plan:edit:any',
  'kpi:actual:bureau',
  // dashboards
  'dashboard:read:self',
  'dashboard:read:team',
  'dashboard:read:bureau',
  'dashboard:read:any',
  // notifications: one's own only
  'notification:read:self',
  // 1on1 / 面談 records: the person responds (agenda, acknowledgement, own notes); their supervisor
  // records them; HR reads them (never the author's private notes)
  'one-on-one:respond:self',
  'one-on-one:write:team',
  'one-on-one:read:any',
  // 自己申告: the person writes theirs, the 所属長 records the 面談, HR runs the rounds; experience map
  'self-declaration:write:self',
  'self-declaration:interview:team',
  'self-declaration:manage:any',
  'experience:search:any',
  // engagement surveys: HR builds rounds, everyone answers their own, results by reach (never below k)
  'survey:manage:any',
  'survey:answer:self',
  'survey:results:team',
  'survey:results:bureau',
  'survey:results:any',
  // the background jobs behind notification mail (HR)
  'jobs:read:any',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // 職員: everyone signed in
  staff: [
    'policy:read:any',
    'org:read:any',
    'staff:read:self',
    'mfa:remove:self',
    'career:write:self',
    'selfdev:write:self',
    'ojt:acknowledge:self',
    'training:read:any',
    'training:apply:self',
    'plan:read:any',
    'dashboard:read:self',
    'notification:read:self',
    'one-on-one:respond:self',
    'self-declaration:write:self',
    'survey:answer:self',
  ],
  // 管理監督者: the head of a unit, for the people under it
  supervisor: [
    'staff:read:team',
    'career:comment:team',
    'selfdev:decide:team',
    'ojt:create:team',
    'ojt-plan:write:team',
    'training:approve:team',
    'dashboard:read:team',
    'one-on-one:write:team',
    'self-declaration:interview:team',
    'survey:results:team',
  ],
  // 局区人材育成責任者 / 局区統括人材育成推進員: their own 局・区 (its 部門別研修 and its own KPI actuals)
  bureau_officer: [
    'staff:read:bureau',
    'training:manage:bureau',
    'kpi:actual:bureau',
    'dashboard:read:bureau',
    'survey:results:bureau',
  ],
  // 人材育成部門 administrators: city-wide, and the administration of people, records, plan and catalogue
  hr_admin: [
    'staff:read:any',
    'staff:manage:any',
    'org:manage:any',
    'career:read:any',
    'training:manage:any',
    'plan:edit:any',
    'dashboard:read:any',
    'audit:read:any',
    'roster:import:any',
    'one-on-one:read:any',
    'self-declaration:manage:any',
    'experience:search:any',
    'survey:manage:any',
    'survey:results:any',
    'jobs:read:any',
  ],
  // 人材育成推進本部 (市長, 副市長): the dashboards and the people directory, read-only; not individuals'
  // career plans, timelines or self-development (those are for the person, supervisors, bureau and HR)
  executive: ['staff:read:any', 'dashboard:read:any', 'survey:results:any'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}
