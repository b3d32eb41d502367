/**
 * The main reads the statement budgets and the plan-cache test send: who reads, what, and how many
 * statements of its own the read may send (its budget, decision 038).
 */
import type { FastifyInstance } from 'fastify';
import { signIn } from './app.ts';

export type Read = { name: string; who: string; url: (ids: Ids) => string; own: number };
export type Ids = {
  staffId: string;
  bureauId: string;
  periodId: string;
  roundId: string;
  surveyId: string;
  openSurveyId: string;
};

export const READS: Read[] = [
  // The goals count every statement, authentication's one included: ≤ 4, ≤ 6 and ≤ 6.
  // the person's record, the chains of their posts with each unit's head, and the units they head or
  // bureaus they serve: one statement
  { name: 'GET /api/me', who: 'demo-staff', url: () => '/api/me', own: 1 },
  { name: 'GET /api/me of a unit head', who: 'demo-supervisor', url: () => '/api/me', own: 1 },
  { name: 'career plan', who: 'demo-staff', url: (i) => `/api/staff/${i.staffId}/career-plan`, own: 5 },
  { name: 'timeline', who: 'demo-staff', url: (i) => `/api/staff/${i.staffId}/timeline`, own: 3 },
  { name: 'dashboards/me', who: 'demo-staff', url: () => '/api/dashboards/me', own: 1 },
  { name: 'team dashboard', who: 'demo-supervisor', url: () => '/api/dashboards/team', own: 1 },
  { name: 'rollout dashboard', who: 'demo-exec', url: () => '/api/dashboards/rollout', own: 6 },
  {
    name: 'org-unit dashboard',
    who: 'demo-exec',
    url: (i) => `/api/dashboards/org-units/${i.bureauId}`,
    own: 7,
  },
  { name: 'trainings', who: 'demo-staff', url: () => '/api/trainings', own: 7 },
  {
    name: 'acceptance queue by 局・区',
    who: 'demo-hr',
    url: (i) => `/api/applications?inbox=acceptance&bureauId=${i.bureauId}`,
    own: 3,
  },
  // the people the actor may see are read first, as ids, so the sessions are found by index (decision 039)
  { name: 'OJT sessions', who: 'demo-supervisor', url: () => '/api/ojt-sessions', own: 5 },
  { name: '1on1 records', who: 'demo-supervisor', url: () => '/api/one-on-ones', own: 4 },
  { name: 'plan period', who: 'demo-hr', url: (i) => `/api/plan-periods/${i.periodId}`, own: 7 },
  { name: 'unread notifications', who: 'demo-staff', url: () => '/api/notifications/unread-count', own: 1 },
  { name: 'notifications', who: 'demo-staff', url: () => '/api/notifications', own: 1 },
  // Actors and targets by name, resolved in the page's own statement.
  { name: 'audit log', who: 'demo-hr', url: () => '/api/audit-log', own: 1 },
  {
    name: 'self-declaration',
    who: 'demo-staff',
    url: (i) => `/api/staff/${i.staffId}/self-declarations/${i.roundId}`,
    own: 5,
  },
  {
    name: 'self-declaration round people',
    who: 'demo-supervisor',
    url: (i) => `/api/self-declaration-rounds/${i.roundId}/declarations`,
    own: 2,
  },
  {
    name: 'self-declaration progress',
    who: 'demo-hr',
    url: (i) => `/api/self-declaration-rounds/${i.roundId}/progress`,
    own: 2,
  },
  {
    name: 'experience map',
    who: 'demo-staff',
    url: (i) => `/api/staff/${i.staffId}/experience-map`,
    own: 2,
  },
  {
    name: 'experience search',
    who: 'demo-hr',
    url: () => '/api/experience-map?years=10&bureausBelow=2',
    own: 1,
  },
  { name: 'survey rounds (HR)', who: 'demo-hr', url: () => '/api/surveys', own: 4 },
  { name: 'my surveys', who: 'demo-staff', url: () => '/api/surveys', own: 6 },
  {
    name: 'my survey draft',
    who: 'demo-staff',
    url: (i) => `/api/surveys/${i.openSurveyId}/my-response`,
    own: 4,
  },
  { name: 'survey results', who: 'demo-hr', url: (i) => `/api/surveys/${i.surveyId}/results`, own: 6 },
  {
    name: 'survey heatmap (results by 局・区)',
    who: 'demo-exec',
    url: (i) => `/api/surveys/${i.surveyId}/results?groupBy=bureau`,
    own: 7,
  },
  {
    name: 'survey results of a 局・区',
    who: 'demo-bureau',
    url: (i) => `/api/surveys/${i.surveyId}/results?groupBy=grade`,
    own: 7,
  },
  {
    name: 'survey response rate',
    who: 'demo-hr',
    url: (i) => `/api/surveys/${i.surveyId}/response-rate?groupBy=bureau`,
    own: 4,
  },
];

/** The ids the reads' URLs need, read from the demo data through the API. */
export async function ids(app: FastifyInstance): Promise<Ids> {
  const cookie = await signIn(app, 'demo-staff');
  const me = (await app.inject({ url: '/api/me', headers: { cookie } })).json();
  const units = (await app.inject({ url: '/api/org-units', headers: { cookie } })).json();
  const periods = (await app.inject({ url: '/api/plan-periods', headers: { cookie } })).json();
  const rounds = (await app.inject({ url: '/api/self-declaration-rounds', headers: { cookie } })).json();
  const hr = await signIn(app, 'demo-hr');
  const surveys = (await app.inject({ url: '/api/surveys', headers: { cookie: hr } })).json();
  const survey = (status: string) =>
    (surveys.items as Array<{ id: string; status: string }>).find((s) => s.status === status)?.id ?? '';
  const list = (units.items ?? units) as Array<{ id: string; kind: string }>;
  const bureau = list.find((u) => u.kind === 'bureau' || u.kind === 'ward');
  const periodList = (periods.items ?? periods) as Array<{ id: string }>;
  return {
    staffId: me.staff?.id ?? me.id,
    bureauId: bureau?.id ?? '',
    periodId: periodList[0]?.id ?? '',
    roundId: rounds.items[0]?.id ?? '',
    surveyId: survey('closed'),
    openSurveyId: survey('open'),
  };
}
