/**
 * The training pages' logic: filters in the URL, dates and punctuation in both languages, and the
 * supervisor's inbox over the real router with only `fetch` stubbed.
 */
import type { Role, TrainingApplication, TrainingApplicationPage } from '@portal/contracts';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '../../app/provider.tsx';
import { appRoutes } from '../../app/router.tsx';
import { createTestI18n } from '../../shared/test/i18n.ts';
import { meFixture } from '../../shared/test/me.ts';
import {
  hasActiveFilters,
  readCatalogueFilters,
  toCatalogueQuery,
  writeCatalogueFilters,
} from './lib/catalogue-filters.ts';
import { formatSessionDates, fromLocalInput, punct, toLocalInput } from './lib/format.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('catalogue filters in the URL', () => {
  it('reads what the API accepts and drops the rest', () => {
    const f = readCatalogueFilters(
      new URLSearchParams(
        `q=政策&kind=departmental&grade=${uuid(1)}&tag=young&fy=2026&page=2&initiative=bad`,
      ),
    );
    expect(f).toEqual({
      q: '政策',
      kind: 'departmental',
      gradeId: uuid(1),
      initiativeId: '',
      tag: 'young',
      fiscalYear: 2026,
      page: 2,
    });
    expect(readCatalogueFilters(new URLSearchParams('kind=nope&tag=old&fy=99&page=-1'))).toMatchObject({
      kind: '',
      tag: '',
      fiscalYear: null,
      page: 1,
    });
  });

  it('writes the URL and the API query from the same filters', () => {
    const f = readCatalogueFilters(new URLSearchParams(`kind=elearning&grade=${uuid(2)}&fy=2026`));
    expect(writeCatalogueFilters(f).toString()).toBe(`kind=elearning&grade=${uuid(2)}&fy=2026`);
    expect(toCatalogueQuery(f, true)).toBe(
      `kind=elearning&gradeId=${uuid(2)}&fiscalYear=2026&includeInactive=true&page=1&pageSize=20`,
    );
    expect(hasActiveFilters(f)).toBe(true);
    expect(hasActiveFilters(readCatalogueFilters(new URLSearchParams('page=3')))).toBe(false);
  });
});

describe('session dates', () => {
  it('reads instants in Japan time, in 和暦 or English', () => {
    const start = '2026-12-17T00:30:00Z'; // 09:30 in Japan
    expect(formatSessionDates(start, '2026-12-17T08:00:00Z', 'ja')).toBe('令和8年12月17日 09:30〜17:00');
    expect(formatSessionDates(start, '2026-12-18T08:00:00Z', 'en')).toBe(
      '17 December 2026 – 18 December 2026',
    );
    expect(toLocalInput(start)).toBe('2026-12-17T09:30');
    expect(fromLocalInput('2026-12-17T09:30')).toBe('2026-12-17T09:30:00+09:00');
    expect(punct('en').open).toBe(' (');
    expect(punct('ja').open).toBe('（');
  });
});

// ---- the supervisor's inbox ----

const text = (ja: string, en: string) => ({ ja, en });

function application(n: number, over: Partial<TrainingApplication> = {}): TrainingApplication {
  return {
    id: uuid(100 + n),
    status: 'applied',
    outsideTarget: [],
    assigned: false,
    fiscalYear: 2026,
    reason: '窓口業務に生かしたいため。',
    training: {
      id: uuid(200),
      code: 'S03',
      title: text('データ活用・DX推進研修', 'Data and DX'),
      kind: 'institute_elective',
      hours: 6,
    },
    session: {
      id: uuid(300),
      startsAt: '2026-12-17T00:30:00Z',
      endsAt: '2026-12-17T08:00:00Z',
      venue: null,
      online: true,
      applicationDeadline: '2026-11-26',
      status: 'scheduled',
      capacity: 20,
      seatsLeft: 5,
    },
    staff: {
      id: uuid(400 + n),
      name: n === 1 ? '若林 翼' : '千葉 陽菜',
      nameEn: n === 1 ? 'Tsubasa Wakabayashi' : 'Hina Chiba',
      employeeNumber: String(100000 + n),
      orgUnit: {
        id: uuid(500),
        code: 'aoba-1-1-1',
        kind: 'section',
        name: text('戸籍係', 'Family Register Sect.'),
      },
      grade: { id: uuid(600), code: 'shuji', rank: 1, name: text('主事・技師', 'Staff') },
    },
    supervisorDecision: null,
    hrDecision: null,
    waitlistPosition: null,
    attendance: null,
    completed: false,
    completedOn: null,
    feedback: null,
    practiceReport: null,
    createdAt: '2026-11-20T00:00:00Z',
    updatedAt: '2026-11-20T00:00:00Z',
    version: 3,
    actions: {
      withdraw: false,
      supervise: true,
      accept: false,
      feedback: false,
      practiceReport: false,
      confirmPractice: false,
    },
    ...over,
  };
}

const page = (items: TrainingApplication[]): TrainingApplicationPage => ({
  items,
  page: 1,
  pageSize: 20,
  total: items.length,
});

function serve(roles: Role[], inbox: TrainingApplication[]) {
  const posts: { url: string; body: unknown }[] = [];
  let pending = inbox;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/me') return Response.json(meFixture(roles));
      if (init?.method === 'POST') {
        const body = JSON.parse(String(init.body));
        posts.push({ url: url.pathname, body });
        const id = url.pathname.split('/')[3];
        const decided = pending.find((a) => a.id === id);
        pending = pending.filter((a) => a.id !== id);
        return Response.json({ ...decided, status: body.decision === 'approve' ? 'approved' : 'declined' });
      }
      if (url.pathname === '/api/applications') {
        return Response.json(page(url.searchParams.get('inbox') === 'supervisor' ? pending : []));
      }
      return Response.json(
        { type: 'about:blank', title: 'x', status: 404, code: 'not_found' },
        { status: 404 },
      );
    }),
  );
  return posts;
}

function renderAt(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(appRoutes(queryClient), { initialEntries: [path] });
  render(
    <AppProvider queryClient={queryClient} i18n={createTestI18n({ language: 'ja' })}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
}

// The router loads each page's module on the first visit. Under load, transforming that module took
// longer than a `findBy…` waits, so the first assertion saw only 「読み込んでいます…」: load it before.
beforeAll(async () => {
  await import('./pages/index.ts');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the approval inbox', () => {
  it('asks for a reason to decline, approves with the version read, and says so', async () => {
    const posts = serve(['staff', 'supervisor'], [application(1), application(2)]);
    renderAt('/training/approvals');
    const card = await screen.findByRole('article', { name: /若林 翼/ });
    expect(within(card).getByText('窓口業務に生かしたいため。')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /承認待ちの申込（2件）/ })).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: '不承認にする' }));
    expect(await within(card).findByText('不承認・不受理の理由を入力してください。')).toBeTruthy();
    expect(posts).toEqual([]);

    fireEvent.click(within(card).getByRole('button', { name: '承認する' }));
    expect(await screen.findByText('若林 翼さんの申込を承認しました。')).toBeTruthy();
    expect(posts).toEqual([
      {
        url: `/api/applications/${uuid(101)}/decision`,
        body: { decision: 'approve', reason: '', version: 3 },
      },
    ]);
    await waitFor(() => expect(screen.queryByRole('article', { name: /若林 翼/ })).toBeNull());
    expect(screen.getByRole('article', { name: /千葉 陽菜/ })).toBeTruthy();
  });

  it('shows the inbox tab only to supervisors', async () => {
    serve(['staff'], []);
    renderAt('/training/applications');
    const tabs = await screen.findByRole('navigation', { name: '研修のメニュー' });
    expect(
      within(tabs)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['研修カタログ', '申込状況']);
    expect(await screen.findByText('まだ研修に申し込んでいません。')).toBeTruthy();
  });
});

describe('the course editor’s targets', () => {
  const text = (ja: string, en: string) => ({ ja, en });
  const grade = (n: number, ja: string) => ({
    id: uuid(300 + n),
    code: `g${n}`,
    rank: n,
    name: text(ja, ja),
  });
  const job = (n: number, ja: string) => ({ id: uuid(400 + n), code: `j${n}`, name: text(ja, ja) });
  const course = {
    id: uuid(200),
    code: 'T-1',
    title: text('特別研修', 'Special course'),
    description: text('', ''),
    kind: 'institute_elective',
    ownerBureau: null,
    // 特別職位 and 情報 are retired: no longer among the options
    targetGrades: [grade(2, '主任'), grade(3, '特別職位')],
    targetJobFamilies: [job(2, '情報')],
    hours: 2,
    links: { staffImages: [], initiatives: [], tagCodes: [] },
    fiscalYears: [2026],
    mandatory: false,
    active: true,
    version: 4,
    canManage: true,
    upcomingSessions: 0,
    nextOpenSession: null,
    myProgress: 'none',
    feedback: null,
  };

  function serveCourse() {
    const puts: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(String(input), 'http://localhost');
        if (url.pathname === '/api/me') return Response.json(meFixture(['staff', 'hr_admin']));
        if (url.pathname === '/api/trainings/options')
          return Response.json({
            currentFiscalYear: 2026,
            fiscalYears: [2026, 2027],
            grades: [grade(1, '主事'), grade(2, '主任'), grade(4, '係長')],
            jobFamilies: [job(1, '行政')],
            bureaus: [],
          });
        if (url.pathname === `/api/trainings/${course.id}` && init?.method === 'PUT') {
          puts.push(JSON.parse(String(init.body)));
          return Response.json({
            ...course,
            targetGrades: [grade(2, '主任')],
            targetJobFamilies: [],
            version: 5,
          });
        }
        if (url.pathname === `/api/trainings/${course.id}`) return Response.json(course);
        return Response.json(
          { type: 'about:blank', title: 'x', status: 404, code: 'not_found' },
          { status: 404 },
        );
      }),
    );
    return puts;
  }

  it('shows a retired grade or job family the course targets, marked, so that HR can untick it', async () => {
    const puts = serveCourse();
    renderAt(`/training/${course.id}/edit`);
    const retiredGrade = await screen.findByRole('checkbox', { name: '特別職位（廃止）' });
    expect((retiredGrade as HTMLInputElement).checked).toBe(true);
    const retiredJob = screen.getByRole('checkbox', { name: '情報（廃止）' });
    expect((retiredJob as HTMLInputElement).checked).toBe(true);
    // in rank order among the grades in use; those in use are not marked
    const grades = within(screen.getByRole('group', { name: '対象の職位' }))
      .getAllByRole('checkbox')
      .map((c) => c.closest('label')?.textContent);
    expect(grades).toEqual(['主事', '主任', '特別職位（廃止）', '係長']);

    fireEvent.click(retiredGrade);
    fireEvent.click(retiredJob);
    fireEvent.click(screen.getByRole('button', { name: '保存する' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toMatchObject({ targetGradeIds: [uuid(302)], targetJobFamilyIds: [], version: 4 });
  });

  it('does not offer a retired one the course does not target', async () => {
    serveCourse();
    renderAt('/training/new');
    expect(await screen.findByRole('checkbox', { name: '主任' })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /特別職位/ })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /情報/ })).toBeNull();
  });
});
