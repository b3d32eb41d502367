import type { Permission } from '@portal/contracts';

/** A count that some actions show: what waits for the reader there. */
export type ActionCount = 'trainingApprovals' | 'ojtToAcknowledge' | 'trainingAcceptance';

export type NextAction = {
  /** Stable id; also the i18n key under `home.actions` */
  id: string;
  to: string;
  /** What waits for the reader there, when the page is about work that piles up */
  count?: ActionCount;
  /** Where to go instead when something waits (e.g. the list filtered to it) */
  toWhenWaiting?: string;
};

type Rule = NextAction & { when: (can: (p: Permission) => boolean) => boolean };

/**
 * The start page's "next actions", in order: work for one's staff, then the administration of
 * training and the plan, the dashboards, then one's own development. Only hides links: the pages and
 * the API decide.
 */
const rules: readonly Rule[] = [
  // 管理監督者: OJT for the team, its figures, training applications waiting for approval
  { id: 'logOjt', to: '/ojt/new', when: (can) => can('ojt:create:team') },
  { id: 'team', to: '/team', when: (can) => can('dashboard:read:team') },
  {
    id: 'trainingApprovals',
    to: '/training/approvals',
    count: 'trainingApprovals',
    when: (can) => can('training:approve:team'),
  },
  // 人材育成部門 / 局区: the 推進計画, accepting applications to the courses they run
  { id: 'editPlan', to: '/plan', when: (can) => can('plan:edit:any') },
  {
    id: 'trainingAcceptance',
    to: '/training/acceptance',
    count: 'trainingAcceptance',
    when: (can) => can('training:manage:any') || can('training:manage:bureau'),
  },
  {
    id: 'dashboards',
    to: '/dashboards',
    when: (can) => can('dashboard:read:any') || can('dashboard:read:bureau'),
  },
  // every member of staff: my career plan, the OJT I received, training to take
  { id: 'careerPlan', to: '/career#plan', when: (can) => can('career:write:self') },
  {
    id: 'ojtToAcknowledge',
    to: '/ojt',
    toWhenWaiting: '/ojt?pending=1',
    count: 'ojtToAcknowledge',
    when: (can) => can('ojt:acknowledge:self'),
  },
  { id: 'findTraining', to: '/training', when: (can) => can('training:apply:self') },
];

/** The actions the reader's permissions lead to. */
export function nextActions(can: (permission: Permission) => boolean): NextAction[] {
  return rules.filter((rule) => rule.when(can)).map(({ when: _when, ...action }) => action);
}
