import type { Permission } from '@portal/contracts';

export type NavItem = {
  to: string;
  /** i18n key of the label */
  labelKey: string;
  end: boolean;
} & (
  | {
      /** Shown only to those who hold it (the API still decides what they may read). */
      permission: Permission;
    }
  | {
      /** Shown to those who hold any one of these (e.g. a page every scope of `staff:read:*` may use). */
      anyOf: readonly Permission[];
    }
);

/** The primary navigation, in order. */
export const navItems: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.overview', end: true, permission: 'policy:read:any' },
  // everyday work first: my career, OJT, training, my team
  { to: '/career', labelKey: 'nav.career', end: false, permission: 'career:write:self' },
  { to: '/ojt', labelKey: 'nav.ojt', end: false, permission: 'ojt:acknowledge:self' },
  { to: '/one-on-ones', labelKey: 'nav.oneOnOnes', end: false, permission: 'one-on-one:respond:self' },
  { to: '/training', labelKey: 'nav.training', end: false, permission: 'training:read:any' },
  { to: '/team', labelKey: 'nav.team', end: false, permission: 'dashboard:read:team' },
  {
    to: '/self-declaration',
    labelKey: 'nav.selfDeclaration',
    end: false,
    permission: 'self-declaration:write:self',
  },
  {
    to: '/team/self-declarations',
    labelKey: 'nav.teamSelfDeclarations',
    end: false,
    permission: 'self-declaration:interview:team',
  },
  {
    to: '/training/approvals',
    labelKey: 'nav.trainingApprovals',
    end: false,
    permission: 'training:approve:team',
  },
  { to: '/surveys', labelKey: 'nav.surveys', end: false, permission: 'survey:answer:self' },
  // the plan and how its rollout goes
  { to: '/plan', labelKey: 'nav.plan', end: false, permission: 'plan:read:any' },
  {
    to: '/dashboards',
    labelKey: 'nav.dashboards',
    end: false,
    anyOf: ['dashboard:read:any', 'dashboard:read:bureau'],
  },
  // people and organisation, and their administration
  {
    to: '/staff',
    labelKey: 'nav.staffDirectory',
    end: false,
    anyOf: ['staff:read:self', 'staff:read:team', 'staff:read:bureau', 'staff:read:any'],
  },
  { to: '/org', labelKey: 'nav.org', end: false, permission: 'org:read:any' },
  {
    to: '/self-declaration-rounds/manage',
    labelKey: 'nav.selfDeclarationRoundEditor',
    end: false,
    permission: 'self-declaration:manage:any',
  },
  {
    to: '/self-declaration-rounds',
    labelKey: 'nav.selfDeclarationRounds',
    end: true,
    permission: 'self-declaration:manage:any',
  },
  {
    to: '/rotation-finder',
    labelKey: 'nav.rotationFinder',
    end: false,
    permission: 'experience:search:any',
  },
  { to: '/audit', labelKey: 'nav.auditLog', end: false, permission: 'audit:read:any' },
  { to: '/roster-import', labelKey: 'nav.rosterImport', end: false, permission: 'roster:import:any' },
  { to: '/master-data', labelKey: 'nav.masterData', end: false, permission: 'org:manage:any' },
  // the policy itself (its overview is the home page)
  { to: '/policy/staff-images', labelKey: 'nav.staffImages', end: false, permission: 'policy:read:any' },
  { to: '/policy/priorities', labelKey: 'nav.priorities', end: false, permission: 'policy:read:any' },
  { to: '/policy/initiatives', labelKey: 'nav.initiatives', end: false, permission: 'policy:read:any' },
  { to: '/policy/promotion', labelKey: 'nav.promotion', end: false, permission: 'policy:read:any' },
  { to: '/policy/roles', labelKey: 'nav.roles', end: false, permission: 'policy:read:any' },
];

/** The items the reader may see. */
export function visibleNavItems(
  can: (permission: Permission) => boolean,
  items: readonly NavItem[] = navItems,
): NavItem[] {
  return items.filter((item) => ('anyOf' in item ? item.anyOf.some(can) : can(item.permission)));
}
