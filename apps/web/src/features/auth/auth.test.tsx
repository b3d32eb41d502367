import type { Permission } from '@portal/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  act,
  configure,
  fireEvent,
  render,
  renderHook,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import type { ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../app/app.tsx';
import { navItems, visibleNavItems } from '../../app/layout/nav-items.ts';
import { AppProvider } from '../../app/provider.tsx';
import { createTestI18n } from '../../shared/test/i18n.ts';
import { meFixture } from '../../shared/test/me.ts';
import { authKeys } from './api/get-me.ts';
import { hasPermission, usePermissions } from './lib/permissions.ts';
import { sanitizeReturnTo, signInPath } from './lib/return-to.ts';

// Navigations load lazy pages; give them time on a busy machine.
configure({ asyncUtilTimeout: 4000 });

describe('sanitizeReturnTo', () => {
  it('keeps same-origin relative paths with their query and hash', () => {
    expect(sanitizeReturnTo('/policy/roles')).toBe('/policy/roles');
    expect(sanitizeReturnTo('/policy/initiatives?tag=young&tag=workplace')).toBe(
      '/policy/initiatives?tag=young&tag=workplace',
    );
    expect(sanitizeReturnTo('/policy/roles#actors')).toBe('/policy/roles#actors');
    expect(sanitizeReturnTo('/a/../policy')).toBe('/policy');
  });

  it('turns anything else into /', () => {
    for (const value of [
      null,
      undefined,
      '',
      'policy/roles',
      'https://evil.example/',
      '//evil.example/path',
      '/\\evil.example',
      '\\\\evil.example',
      '/\tevil',
      '/\n/evil.example',
      'javascript:alert(1)',
      ' /policy',
      '/sign-in',
      '/sign-in?returnTo=/policy',
    ]) {
      expect(sanitizeReturnTo(value), String(value)).toBe('/');
    }
  });

  it('builds the sign-in link', () => {
    expect(signInPath()).toBe('/sign-in');
    expect(signInPath({ returnTo: '/' })).toBe('/sign-in');
    expect(signInPath({ returnTo: '/policy/initiatives?tag=young' })).toBe(
      '/sign-in?returnTo=%2Fpolicy%2Finitiatives%3Ftag%3Dyoung',
    );
    expect(signInPath({ returnTo: '//evil.example', expired: true })).toBe('/sign-in?expired=1');
  });
});

describe('permissions', () => {
  function wrapperWith(permissionsOfMe: Permission[] | undefined) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    if (permissionsOfMe) client.setQueryData(authKeys.me(), { ...meFixture(), permissions: permissionsOfMe });
    return ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
  }

  it('usePermissions().can answers from me', () => {
    const { result } = renderHook(() => usePermissions(), {
      wrapper: wrapperWith(['policy:read:any', 'staff:read:team']),
    });
    expect(result.current.can('policy:read:any')).toBe(true);
    expect(result.current.can('staff:read:team')).toBe(true);
    expect(result.current.can('staff:manage:any')).toBe(false);
  });

  it('can nothing before me has loaded', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => {})),
    );
    const { result } = renderHook(() => usePermissions(), { wrapper: wrapperWith(undefined) });
    expect(result.current.permissions).toEqual([]);
    expect(result.current.can('policy:read:any')).toBe(false);
  });

  it('filters the navigation by permission', () => {
    const all = visibleNavItems(() => true);
    expect(all.map((item) => item.to)).toEqual(navItems.map((item) => item.to));
    const staff = visibleNavItems((p) => hasPermission(meFixture().permissions, p));
    expect(staff.map((item) => item.to)).toContain('/');
    expect(visibleNavItems(() => false)).toEqual([]);
    const mixed = visibleNavItems(
      (p) => p === 'staff:read:team',
      [
        { to: '/team', labelKey: 'nav.team', end: false, permission: 'staff:read:team' },
        { to: '/admin', labelKey: 'nav.admin', end: false, permission: 'staff:manage:any' },
      ],
    );
    expect(mixed.map((item) => item.to)).toEqual(['/team']);
  });
});

// ---- The sign-in flow over the real router, query client and 401 handling, with `fetch` stubbed ----

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
type Routes = Record<string, Answer | ((init?: RequestInit) => Answer)>;

const problem = (status: number, code: string) => ({
  status,
  body: { type: 'about:blank', title: code, status, code },
  headers: { 'content-type': 'application/problem+json' },
});

const demoAccounts = {
  enabled: true,
  password: 'demo-password',
  accounts: [
    { loginId: 'demo-staff', description: { ja: '職員（青葉区）', en: 'Staff member (Aoba Ward)' } },
    { loginId: 'demo-hr', description: { ja: '人材育成部門', en: 'HR development division' } },
  ],
};

function serve(routes: Routes) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const route = routes[`${init?.method ?? 'GET'} ${String(input)}`];
    const answer: Answer =
      typeof route === 'function'
        ? route(init)
        : (route ?? { status: 500, body: problem(500, 'internal').body });
    if (answer.status === 204) return new Response(null, { status: 204 });
    return Response.json(answer.body ?? {}, {
      status: answer.status,
      headers: answer.headers ?? { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderApp(path: string, language: 'ja' | 'en' = 'ja') {
  const app = createApp({ initialEntries: [path] });
  render(
    <AppProvider queryClient={app.queryClient} i18n={createTestI18n({ language })}>
      <RouterProvider router={app.router} />
    </AppProvider>,
  );
  return app;
}

const locationOf = (app: ReturnType<typeof createApp>) =>
  `${app.router.state.location.pathname}${app.router.state.location.search}`;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sign-in page', () => {
  it('a visit without a session goes to sign-in, and back after signing in', async () => {
    let signedIn = false;
    const fetchMock = serve({
      'GET /api/me': () => (signedIn ? { status: 200, body: meFixture() } : problem(401, 'unauthorized')),
      'GET /api/policy': () => problem(503, 'unavailable'), // the policy page's own answer is not under test
      'GET /api/auth/demo-accounts': { status: 200, body: demoAccounts },
      'POST /api/auth/login': () => {
        signedIn = true;
        return { status: 200, body: { expiresAt: '2030-01-01T00:00:00.000Z' } };
      },
    });
    const app = renderApp('/policy/roles?x=1');
    await waitFor(() => expect(locationOf(app)).toBe('/sign-in?returnTo=%2Fpolicy%2Froles%3Fx%3D1'));
    expect(await screen.findByRole('heading', { level: 1, name: 'サインイン' })).toBeTruthy();
    // Not an expired session: no such message.
    expect(screen.queryByText(/有効期限が切れた/)).toBeNull();
    // The policy was never asked for without a session.
    expect(fetchMock.mock.calls.map(([url]) => String(url))).not.toContain('/api/policy');

    fireEvent.change(screen.getByLabelText('ログインID'), { target: { value: 'demo-staff' } });
    fireEvent.change(screen.getByLabelText('パスワード'), { target: { value: 'demo-password' } });
    act(() => fireEvent.click(screen.getByRole('button', { name: 'サインイン' })));

    await waitFor(() => expect(locationOf(app)).toBe('/policy/roles?x=1'));
    const loginCall = fetchMock.mock.calls.find(([url]) => url === '/api/auth/login');
    expect(JSON.parse(String(loginCall?.[1]?.body))).toEqual({
      loginId: 'demo-staff',
      password: 'demo-password',
    });
    expect(await screen.findByText('若林 翼')).toBeTruthy();
    expect(screen.getByText('総務係')).toBeTruthy();
  });

  it('shows the translated error on 401 and stays on the page', async () => {
    serve({
      'GET /api/auth/demo-accounts': { status: 200, body: { enabled: false, password: null, accounts: [] } },
      'POST /api/auth/login': problem(401, 'invalid_credentials'),
    });
    const app = renderApp('/sign-in?returnTo=%2Fpolicy%2Froles');
    fireEvent.change(await screen.findByLabelText('ログインID'), { target: { value: 'demo-staff' } });
    fireEvent.change(screen.getByLabelText('パスワード'), { target: { value: 'wrong' } });
    act(() => fireEvent.click(screen.getByRole('button', { name: 'サインイン' })));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ログインIDまたはパスワードが正しくありません');
    expect(screen.getByLabelText('パスワード').getAttribute('aria-invalid')).toBe('true');
    expect(locationOf(app)).toBe('/sign-in?returnTo=%2Fpolicy%2Froles');
    expect(screen.queryByTestId('demo-accounts')).toBeNull();
  });

  it('shows the wait of a 429 and the validation message, in English too', async () => {
    let answer: Answer = { ...problem(429, 'too_many_requests') };
    answer.headers = { ...answer.headers, 'retry-after': '600' };
    serve({
      'GET /api/auth/demo-accounts': { status: 200, body: demoAccounts },
      'POST /api/auth/login': () => answer,
    });
    renderApp('/sign-in', 'en');
    fireEvent.change(await screen.findByLabelText('Login ID'), { target: { value: 'demo-staff' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'x' } });
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Sign in' })));
    expect((await screen.findByRole('alert')).textContent).toContain('Wait about 10 minutes');

    answer = problem(400, 'validation');
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Sign in' })));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('Enter your login ID and password.'),
    );
  });

  it('lists the demo accounts in the current language and fills the form', async () => {
    serve({ 'GET /api/auth/demo-accounts': { status: 200, body: demoAccounts } });
    renderApp('/sign-in');
    const box = await screen.findByTestId('demo-accounts');
    expect(within(box).getByRole('heading', { level: 2 }).textContent).toContain('デモ用アカウント');
    expect(within(box).getByText('demo-password')).toBeTruthy();
    expect(within(box).getByText('職員（青葉区）')).toBeTruthy();
    act(() => fireEvent.click(within(box).getByRole('button', { name: 'demo-hr を入力する' })));
    expect((screen.getByLabelText('ログインID') as HTMLInputElement).value).toBe('demo-hr');
    expect((screen.getByLabelText('パスワード') as HTMLInputElement).value).toBe('demo-password');
  });

  it('any later 401 clears the cache and asks to sign in again, saying the session expired', async () => {
    let session = true;
    serve({
      'GET /api/me': () => (session ? { status: 200, body: meFixture() } : problem(401, 'unauthorized')),
      'GET /api/policy': () => (session ? problem(503, 'unavailable') : problem(401, 'unauthorized')),
      'GET /api/auth/demo-accounts': { status: 200, body: demoAccounts },
    });
    const app = renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'ページが見つかりません' })).toBeTruthy();
    expect(app.queryClient.getQueryData(authKeys.me())).toBeDefined();

    session = false;
    await act(() => app.router.navigate('/policy/initiatives?tag=young'));
    await waitFor(() =>
      expect(locationOf(app)).toBe('/sign-in?returnTo=%2Fpolicy%2Finitiatives%3Ftag%3Dyoung&expired=1'),
    );
    expect(app.queryClient.getQueryData(authKeys.me())).toBeUndefined();
    expect((await screen.findByRole('status')).textContent).toContain('セッションの有効期限が切れた');
  });

  it('signing out calls logout, clears the cache and goes to sign-in', async () => {
    let session = true;
    const fetchMock = serve({
      'GET /api/me': () => (session ? { status: 200, body: meFixture() } : problem(401, 'unauthorized')),
      'POST /api/auth/logout': () => {
        session = false;
        return { status: 204 };
      },
      'GET /api/auth/demo-accounts': { status: 200, body: demoAccounts },
    });
    const app = renderApp('/no/such/page', 'en');
    const name = await screen.findByText('Tsubasa Wakabayashi');
    const banner = name.closest('header') as HTMLElement;
    expect(within(banner).getByText('General Affairs Section')).toBeTruthy();
    act(() => fireEvent.click(within(banner).getByRole('button', { name: 'Sign out' })));
    await waitFor(() => expect(locationOf(app)).toBe('/sign-in'));
    expect(
      fetchMock.mock.calls.some(([url, init]) => url === '/api/auth/logout' && init?.method === 'POST'),
    ).toBe(true);
    expect(app.queryClient.getQueryData(authKeys.me())).toBeUndefined();
  });
});
