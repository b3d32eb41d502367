/**
 * The identity pages over the real router and providers, with only `fetch` stubbed: `serve()` answers
 * `/api/me` as the given roles and each other request from a route table.
 */
import type { OrgUnit, Role, StaffSummary } from '@portal/contracts';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { AppProvider } from '../../../app/provider.tsx';
import { appRoutes } from '../../../app/router.tsx';
import { createTestI18n } from '../../../shared/test/i18n.ts';
import { meFixture } from '../../../shared/test/me.ts';

export type Call = { method: string; url: URL; init: RequestInit | undefined };
type Answer = unknown;
type Route = [method: string, path: RegExp, answer: (call: Call) => Answer | Promise<Answer>];

/** A JSON answer with a status other than 200. */
export const reply = (status: number, body: unknown) =>
  Response.json(body, {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
export const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  reply(status, { type: 'about:blank', title: code, status, code, ...extra });

export function serve(routes: Route[], roles: Role[] = ['staff']) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    if (url.pathname === '/api/me') return Response.json(meFixture(roles));
    const call = { method, url, init };
    calls.push(call);
    const route = routes.find(([m, path]) => m === method && path.test(url.pathname));
    if (!route) return problem(404, 'not_found');
    const answer = await route[2](call);
    return answer instanceof Response ? answer : Response.json(answer);
  });
  vi.stubGlobal('fetch', fetchMock);
  /** The requests made to a path (query strings included in `url`). */
  const to = (method: string, pathname: string) =>
    calls.filter((c) => c.method === method && c.url.pathname === pathname);
  return { calls, to };
}

/**
 * Loads the identity pages' modules, for a `beforeAll`. The router loads a page's module on the first
 * visit; under load, transforming it took longer than a `findBy…` waits, and the first assertion met
 * 「読み込んでいます…」 instead of the page.
 */
export async function loadIdentityPages(): Promise<void> {
  await Promise.all([
    import('../pages/staff-directory-page.tsx'),
    import('../pages/person-page.tsx'),
    import('../pages/org-page.tsx'),
    import('../pages/roster-import-page.tsx'),
    import('../pages/audit-log-page.tsx'),
  ]);
}

export function renderAt(path: string, language: 'ja' | 'en' = 'ja') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(appRoutes(queryClient), { initialEntries: [path] });
  render(
    <AppProvider queryClient={queryClient} i18n={createTestI18n({ language })}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return router;
}

// ---- Data as the demo organisation has it ----

/** A UUID from a number, so fixtures read easily. */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const text = (ja: string, en: string) => ({ ja, en });

const unit = (
  n: number,
  code: string,
  kind: OrgUnit['kind'],
  ja: string,
  en: string,
  parent: number | null,
  bureau: number,
  position: number,
  staffCount = 0,
): OrgUnit => ({
  id: uuid(n),
  code,
  kind,
  name: text(ja, en),
  parentId: parent === null ? null : uuid(parent),
  bureauId: uuid(bureau),
  position,
  staffCount,
});

export const orgUnits: OrgUnit[] = [
  unit(1, 'somu', 'bureau', '総務局', 'General Affairs Bureau', null, 1, 1, 3),
  unit(2, 'somu-1', 'department', '総務部', 'General Affairs Dept.', 1, 1, 1, 1),
  unit(3, 'somu-1-1', 'division', '総務課', 'General Affairs Div.', 2, 1, 1, 1),
  unit(4, 'somu-1-1-1', 'section', '庶務係', 'Administration Sect.', 3, 1, 1, 4),
  unit(5, 'somu-1-1-2', 'section', '文書係', 'Documents Sect.', 3, 1, 2, 4),
  unit(6, 'somu-1-2', 'division', '人材育成課', 'HR Development Div.', 2, 1, 2, 1),
  unit(7, 'aoba', 'ward', '青葉区', 'Aoba Ward', null, 7, 2, 2),
  unit(8, 'aoba-1', 'department', '区民部', 'Residents Dept.', 7, 7, 1, 1),
];

export const grades = {
  items: [
    { id: uuid(101), code: 'shuji', rank: 1, name: text('主事・技師', 'Staff') },
    { id: uuid(102), code: 'kakaricho', rank: 3, name: text('係長', 'Section chief') },
  ],
};

const ref = (u: OrgUnit) => ({ id: u.id, code: u.code, kind: u.kind, name: u.name });

export function person(n: number, name: string, kana: string, nameEn: string): StaffSummary {
  const section = orgUnits[3] as OrgUnit;
  return {
    id: uuid(1000 + n),
    employeeNumber: String(100000 + n),
    name,
    nameKana: kana,
    nameEn,
    jobFamily: { id: uuid(201), code: 'jimu', name: text('事務', 'Administrative') },
    current: {
      id: uuid(2000 + n),
      orgUnit: ref(section),
      orgPath: [0, 1, 2, 3].map((i) => ref(orgUnits[i] as OrgUnit)),
      grade: grades.items[0] as (typeof grades.items)[number],
      post: null,
      isHead: false,
      startsOn: '2026-04-01',
      endsOn: null,
    },
  };
}
