import type { MyDashboard, PolicyTree, Role } from '@portal/contracts';
import { QueryClient } from '@tanstack/react-query';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '../../app/provider.tsx';
import { appRoutes } from '../../app/router.tsx';
import { createTestI18n } from '../../shared/test/i18n.ts';
import { meFixture } from '../../shared/test/me.ts';
import { nextActions } from './lib/next-actions.ts';

configure({ asyncUtilTimeout: 4000 });

const text = (ja: string, en: string) => ({ ja, en });

const policy: PolicyTree = {
  id: 'policy-2020',
  title: text('仙台市人材育成基本方針', 'Sendai City Human Resource Development Basic Policy'),
  revision: text('令和2年度改定', 'Revised FY2020'),
  revisedFiscalYear: 2020,
  summary: [text('長期的な人材育成の基本的方向性を定めるものです。', 'The long-term direction.')],
  period: { startFiscalYear: 2021, endFiscalYear: 2030, label: text('令和3年度～12年度', 'FY2021–2030') },
  planCycleNote: text('第2期以降は3～4年ごとに策定', 'Later plans every 3–4 years'),
  staffImages: [],
  priorityIntro: text('重点取組方針', 'Priorities'),
  priorityPolicies: [],
  policyAreas: [],
  promotionBodies: [],
  actors: [],
  planPeriods: [],
};

const figures: MyDashboard = {
  fiscalYear: 2026,
  ojt: { sessions: 5, minutes: 150, lastOn: '2026-11-02', toAcknowledge: 2 },
  careerPlan: { status: 'none', submittedAt: null, lastCommentAt: null },
  selfDevelopment: { records: 1, completed: 0, qualifications: 0, hours: 3, pendingSupport: 0 },
  training: { accepted: 1, completed: 2 },
  awaitingMe: [],
};

const page = (total: number) => ({ items: [], page: 1, pageSize: 1, total });

type Answer = { status: number; body: unknown };
const problem = (status: number): Answer => ({
  status,
  body: { type: 'about:blank', title: 'error', status, code: status === 403 ? 'forbidden' : 'internal' },
});

/** Answers by path and query; anything else is a 500 (and must not be asked for). */
function serve(roles: Role[], answers: Record<string, Answer>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    const answer: Answer =
      url === '/api/me'
        ? { status: 200, body: meFixture(roles) }
        : url === '/api/policy'
          ? { status: 200, body: policy }
          : (answers[url] ?? problem(500));
    return Response.json(answer.body, {
      status: answer.status,
      headers: { 'content-type': answer.status < 400 ? 'application/json' : 'application/problem+json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderHome(language: 'ja' | 'en' = 'ja') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(appRoutes(queryClient), { initialEntries: ['/'] });
  render(
    <AppProvider queryClient={queryClient} i18n={createTestI18n({ language })}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
}

const APPROVALS = '/api/applications?inbox=supervisor&pageSize=1';
const ACCEPTANCE = '/api/applications?inbox=acceptance&pageSize=1';
const OJT_PENDING = '/api/ojt-sessions?staffId=staff-1&acknowledged=false&page=1&pageSize=1';

async function actionLinks() {
  const list = await screen.findByTestId('next-actions');
  return within(list).getAllByRole('link');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('next actions by permission', () => {
  const can = (roles: Role[]) => (p: string) => meFixture(roles).permissions.includes(p as never);

  it('a member of staff: the career plan, the OJT received, training', () => {
    expect(nextActions(can(['staff'])).map((a) => a.id)).toEqual([
      'careerPlan',
      'ojtToAcknowledge',
      'findTraining',
    ]);
  });

  it('a supervisor: OJT, the team, approvals, then their own', () => {
    expect(nextActions(can(['staff', 'supervisor'])).map((a) => a.id)).toEqual([
      'logOjt',
      'team',
      'trainingApprovals',
      'careerPlan',
      'ojtToAcknowledge',
      'findTraining',
    ]);
  });

  it('HR: the plan, acceptance, dashboards, then their own', () => {
    expect(nextActions(can(['staff', 'hr_admin'])).map((a) => a.id)).toEqual([
      'editPlan',
      'trainingAcceptance',
      'dashboards',
      'careerPlan',
      'ojtToAcknowledge',
      'findTraining',
    ]);
  });

  it('an executive or a bureau officer: the dashboards', () => {
    expect(nextActions(can(['staff', 'executive'])).map((a) => a.id)).toContain('dashboards');
    const bureau = nextActions(can(['staff', 'bureau_officer'])).map((a) => a.id);
    expect(bureau).toContain('dashboards');
    expect(bureau).toContain('trainingAcceptance');
    expect(bureau).not.toContain('editPlan');
  });
});

describe('home page', () => {
  it('welcomes a member of staff with their figures and their actions, with what waits', async () => {
    const fetchMock = serve(['staff'], {
      '/api/dashboards/me': { status: 200, body: figures },
      [OJT_PENDING]: { status: 200, body: page(2) },
    });
    renderHome();
    expect(await screen.findByRole('heading', { level: 2, name: 'ようこそ、若林 翼さん' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: '仙台市人材育成基本方針' })).toBeTruthy();

    // The count comes in with the link's name, and the link then goes to what waits.
    const ojt = await screen.findByRole('link', { name: '受けたOJTを確認する、未確認 2件' });
    expect(ojt.getAttribute('href')).toBe('/ojt?pending=1');
    const links = await actionLinks();
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/career#plan', '/ojt?pending=1', '/training']);
    expect(screen.queryByRole('link', { name: 'OJTを記録する' })).toBeNull();
    expect(screen.queryByRole('link', { name: '推進計画を編集' })).toBeNull();

    // My figures (GET /api/dashboards/me)
    expect(await screen.findByTestId('my-figures')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '令和8年度のわたしの状況' })).toBeTruthy();
    // No inbox a member of staff may not read was asked for.
    const urls = fetchMock.mock.calls.map(([url]) => String(url));
    expect(urls).not.toContain(APPROVALS);
    expect(urls).not.toContain(ACCEPTANCE);
  });

  it('shows a supervisor OJT, the team and the approvals waiting', async () => {
    serve(['staff', 'supervisor'], {
      '/api/dashboards/me': { status: 200, body: figures },
      [APPROVALS]: { status: 200, body: page(3) },
      [OJT_PENDING]: { status: 200, body: page(0) },
    });
    renderHome();
    const links = await actionLinks();
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/ojt/new',
      '/team',
      '/training/approvals',
      '/career#plan',
      '/ojt',
      '/training',
    ]);
    expect(await screen.findByRole('link', { name: '研修の申請を承認する、承認待ち 3件' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: '受けたOJTを確認する、未確認はありません' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'OJTを記録する' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'チームの状況' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /研修の受付/ })).toBeNull();
  });

  it('shows HR the plan, the acceptance queue and the dashboards, in English too', async () => {
    serve(['staff', 'hr_admin'], {
      '/api/dashboards/me': { status: 200, body: figures },
      [ACCEPTANCE]: { status: 200, body: page(12) },
      [OJT_PENDING]: { status: 200, body: page(0) },
    });
    renderHome('en');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Welcome, Tsubasa Wakabayashi' }),
    ).toBeTruthy();
    const links = await actionLinks();
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/plan',
      '/training/acceptance',
      '/dashboards',
      '/career#plan',
      '/ojt',
      '/training',
    ]);
    await waitFor(() => expect(screen.getByTestId('next-actions').textContent).toContain('12 waiting'));
    expect(screen.getByRole('link', { name: /^Accept training applications,\s*12 waiting$/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Edit the promotion plan' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Log OJT' })).toBeNull();
  });

  it('stays quiet when the figures and counts fail, and the policy overview still shows', async () => {
    serve(['staff', 'supervisor'], {});
    renderHome();
    expect(await screen.findByText('令和3〜12年度（10年間）')).toBeTruthy();
    const links = await actionLinks();
    expect(links).toHaveLength(6);
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByTestId('my-figures')).toBeNull();
    expect(screen.getByRole('link', { name: '研修の申請を承認する' }).getAttribute('href')).toBe(
      '/training/approvals',
    );
  });
});
