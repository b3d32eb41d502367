import type { OjtSession, TeamDashboard } from '@portal/contracts';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '../../app/provider.tsx';
import { appRoutes } from '../../app/router.tsx';
import { createTestI18n } from '../../shared/test/i18n.ts';
import { meFixture } from '../../shared/test/me.ts';
import { earliestSessionDay, localToday } from './lib/dates.ts';
import { nextSort, readTeamParams, writeTeamParams } from './lib/team-params.ts';

describe('team dashboard state in the URL', () => {
  it('reads defaults, keeps only what differs, and goes back to page 1 on a change', () => {
    const params = readTeamParams(new URLSearchParams('sort=salary&page=-2&fy=abc'));
    expect(params).toMatchObject({ sort: 'name', order: 'asc', page: 1, fiscalYear: undefined });
    const next = writeTeamParams(new URLSearchParams('sort=lastOn&page=3'), { overdueOnly: true });
    expect(next.toString()).toBe('sort=lastOn&overdue=1');
    expect(writeTeamParams(next, { page: 2 }).get('page')).toBe('2');
  });

  it('flips the order on the same column and starts the action columns with the most to do', () => {
    const params = readTeamParams(new URLSearchParams('sort=sessions'));
    expect(nextSort(params, 'sessions')).toEqual({ sort: 'sessions', order: 'desc' });
    expect(nextSort(params, 'careerPlan')).toEqual({ sort: 'careerPlan', order: 'desc' });
    expect(nextSort(params, 'name')).toEqual({ sort: 'name', order: 'asc' });
  });

  it('dates a session on the reader’s calendar, back to April of the previous 年度', () => {
    expect(localToday(new Date(2027, 0, 5))).toBe('2027-01-05');
    expect(earliestSessionDay(new Date(2027, 0, 5))).toBe('2025-04-01');
    expect(earliestSessionDay(new Date(2026, 3, 1))).toBe('2025-04-01');
  });
});

// ---- The quick log form, over the real router and providers, with `fetch` stubbed ----

const person = (id: string, name: string, nameEn: string) => ({ id, name, nameEn });
const member = (
  id: string,
  name: string,
  nameEn: string,
  overdue = false,
): TeamDashboard['items'][number] => ({
  staff: { ...person(id, name, nameEn), nameKana: 'カナ', employeeNumber: id },
  unit: null,
  grade: null,
  ojt: {
    sessions: 1,
    minutes: 30,
    plannedSessions: 12,
    plannedMinutes: 540,
    hasPlan: true,
    lastOn: null,
    daysSinceLast: null,
    intervalDays: 31,
    overdue,
    unacknowledged: 0,
  },
  careerPlan: { status: 'none', submittedAt: null },
  selfDevelopmentPending: 0,
  oneOnOne: { lastOn: null, daysSinceLast: null, intervalDays: 30, overdue },
});
const team: TeamDashboard = {
  fiscalYear: 2026,
  asOf: '2026-11-24',
  totals: {
    members: 2,
    sessions: 2,
    minutes: 60,
    withPlan: 2,
    overdue: 1,
    careerPlansSubmitted: 0,
    selfDevelopmentPending: 0,
    oneOnOneOverdue: 1,
  },
  items: [member('s-1', '若林 翼', 'Tsubasa Wakabayashi', true), member('s-2', '佐藤 陽菜', 'Hina Sato')],
  page: 1,
  pageSize: 100,
  total: 2,
};
const logged = (topic: string): OjtSession => ({
  id: crypto.randomUUID(),
  trainee: person('s-1', '若林 翼', 'Tsubasa Wakabayashi'),
  supervisor: person('me', '青木 直子', 'Naoko Aoki'),
  occurredOn: localToday(),
  fiscalYear: 2026,
  minutes: 45,
  method: 'review',
  topic,
  notes: '',
  staffImageIds: [],
  initiativeIds: [],
  policyLinks: { staffImages: [], initiatives: [], tagCodes: [] },
  batchId: null,
  acknowledgedAt: null,
  reflection: null,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  canAcknowledge: false,
  canEdit: true,
  canDelete: true,
});

function renderAt(path: string, roles: Parameters<typeof meFixture>[0]) {
  const posts: { key: string | null; body: Record<string, unknown> }[] = [];
  let failNext = true;
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/me') return Response.json(meFixture(roles));
    if (url.startsWith('/api/dashboards/team')) return Response.json(team);
    if (url === '/api/ojt-sessions' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      posts.push({ key: new Headers(init.headers).get('idempotency-key'), body });
      // the first answer is lost on the way back
      if (failNext) {
        failNext = false;
        throw new TypeError('network down');
      }
      return Response.json(logged(String(body.topic)), { status: 201 });
    }
    return Response.json({ type: 'about:blank', title: 'x', status: 500, code: 'internal' }, { status: 500 });
  });
  vi.stubGlobal('fetch', fetchMock);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(appRoutes(queryClient), { initialEntries: [path] });
  render(
    <AppProvider queryClient={queryClient} i18n={createTestI18n({ language: 'ja' })}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return posts;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('quick OJT log', () => {
  it('retries a lost answer with the same Idempotency-Key, and a new session gets a new one', async () => {
    const posts = renderAt('/ojt/new?trainee=s-1', ['staff', 'supervisor']);
    // the first render loads the page's code: allow it time
    const trainee = await screen.findByRole('radio', { name: /若林 翼/ }, { timeout: 5000 });
    expect((trainee as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('しばらくOJTがありません')).toBeTruthy();
    expect((screen.getByLabelText('実施日') as HTMLInputElement).value).toBe(localToday());
    fireEvent.click(screen.getByRole('radio', { name: '45分' }));
    fireEvent.click(screen.getByRole('radio', { name: '振り返り・面談' }));
    fireEvent.change(screen.getByLabelText('内容'), { target: { value: '窓口対応の基本' } });
    fireEvent.click(screen.getByRole('button', { name: '記録する' }));

    expect(await screen.findByText(/二重には記録されません/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '記録する' }));
    expect(await screen.findByText('OJTを記録しました（1人分）。')).toBeTruthy();
    expect(posts).toHaveLength(2);
    expect(posts[0]?.key).toBeTruthy();
    expect(posts[1]?.key).toBe(posts[0]?.key);
    expect(posts[0]?.body).toMatchObject({
      traineeId: 's-1',
      minutes: 45,
      method: 'review',
      topic: '窓口対応の基本',
      occurredOn: localToday(),
    });

    fireEvent.click(screen.getByRole('button', { name: '続けて記録する' }));
    fireEvent.click(await screen.findByRole('radio', { name: /佐藤 陽菜/ }));
    fireEvent.change(screen.getByLabelText('内容'), { target: { value: '起案の流れ' } });
    fireEvent.click(screen.getByRole('button', { name: '記録する' }));
    await waitFor(() => expect(posts).toHaveLength(3));
    expect(posts[2]?.key).not.toBe(posts[0]?.key);
  }, 15_000);

  it('names what is missing before sending anything', async () => {
    const posts = renderAt('/ojt/new', ['staff', 'supervisor']);
    await screen.findByRole('radio', { name: /若林 翼/ }, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: '記録する' }));
    const alert = (await screen.findByText('入力内容を確かめてください')).closest(
      '[role="alert"]',
    ) as HTMLElement;
    expect(alert.textContent).toContain('指導した職員を選んでください。');
    expect(alert.textContent).toContain('内容を入力してください。');
    expect(posts).toHaveLength(0);
  });

  it('tells staff without a team where their OJT is', async () => {
    renderAt('/ojt/new', ['staff']);
    expect(await screen.findByText(/OJTを記録できるのは/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '受けたOJTを見る' }).getAttribute('href')).toBe('/ojt');
  });
});
