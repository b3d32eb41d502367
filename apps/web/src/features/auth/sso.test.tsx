import { configure, render, screen } from '@testing-library/react';
import { RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../app/app.tsx';
import { AppProvider } from '../../app/provider.tsx';
import { createI18n } from '../../shared/i18n/i18n.ts';

configure({ asyncUtilTimeout: 4000 });

function serve(routes: Record<string, unknown>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const body = routes[String(input)];
      if (body === undefined) {
        return Response.json(
          { type: 'about:blank', title: 'unauthorized', status: 401, code: 'unauthorized' },
          { status: 401, headers: { 'content-type': 'application/problem+json' } },
        );
      }
      return Response.json(body);
    }),
  );
}

function renderApp(path: string, language: 'ja' | 'en' = 'ja') {
  const app = createApp({ initialEntries: [path] });
  render(
    <AppProvider queryClient={app.queryClient} i18n={createI18n({ language })}>
      <RouterProvider router={app.router} />
    </AppProvider>,
  );
}

const noDemo = { enabled: false, password: null, accounts: [] };

afterEach(() => vi.unstubAllGlobals());

describe('single sign-on on the sign-in page', () => {
  it('shows only the SSO button when portal passwords are off', async () => {
    serve({
      '/api/auth/providers': { local: false, oidc: true, mail: false },
      '/api/auth/demo-accounts': noDemo,
    });
    renderApp('/sign-in');
    const button = await screen.findByRole('link', { name: '組織のアカウントでサインイン' });
    expect(button.getAttribute('href')).toBe('/api/auth/oidc/login');
    expect(screen.queryByLabelText('パスワード')).toBeNull();
    expect(screen.queryByTestId('demo-notice')).toBeNull();
  });

  it('offers both, and says plainly that a demo is a demo', async () => {
    serve({
      '/api/auth/providers': { local: true, oidc: true, mail: false },
      '/api/auth/demo-accounts': {
        enabled: true,
        password: 'demo-password',
        accounts: [{ loginId: 'demo-staff', description: { ja: '職員', en: 'Staff' } }],
      },
    });
    renderApp('/sign-in', 'en');
    expect(await screen.findByRole('link', { name: 'Sign in with your organisation account' })).toBeTruthy();
    expect(await screen.findByLabelText('Password')).toBeTruthy();
    expect((await screen.findByTestId('demo-notice')).textContent).toMatch(/This is a demo/);
  });
});

describe('the single sign-on error page', () => {
  it('says why in the reader’s language, and offers to try again where that can help', async () => {
    serve({ '/api/auth/providers': { local: false, oidc: true, mail: false } });
    renderApp('/sign-in/sso-error?reason=not_on_roster');
    expect((await screen.findByTestId('sso-error-reason')).textContent).toMatch(
      /職員名簿に該当する職員がいません/,
    );
    expect(screen.queryByRole('link', { name: /もう一度/ })).toBeNull();
  });

  it('treats an unknown reason as a provider failure, with a retry', async () => {
    serve({});
    renderApp('/sign-in/sso-error?reason=<script>', 'en');
    expect((await screen.findByTestId('sso-error-reason')).textContent).toMatch(/did not complete/);
    expect(screen.getByRole('link', { name: /Try signing in/ }).getAttribute('href')).toBe(
      '/api/auth/oidc/login',
    );
  });
});

describe('where mail is off', () => {
  it('the sign-in page says whom to ask instead of offering a reset mail', async () => {
    serve({
      '/api/auth/providers': { local: true, oidc: false, mail: false },
      '/api/auth/demo-accounts': noDemo,
    });
    renderApp('/sign-in');
    expect((await screen.findByTestId('mail-off')).textContent).toMatch(/人材育成部門に招待の再発行/);
    expect(screen.queryByRole('link', { name: 'パスワードを忘れた場合' })).toBeNull();
  });

  it('the forgot-password page explains that no link can arrive, in the reader’s language', async () => {
    serve({ '/api/auth/providers': { local: true, oidc: false, mail: false } });
    renderApp('/password-reset', 'en');
    expect((await screen.findByTestId('mail-off')).textContent).toMatch(/cannot reach you by mail/);
    expect(screen.queryByRole('button', { name: 'Send the reset link' })).toBeNull();
  });

  it('with mail on, the reset link and its form are there', async () => {
    serve({
      '/api/auth/providers': { local: true, oidc: false, mail: true },
      '/api/auth/demo-accounts': noDemo,
    });
    renderApp('/sign-in');
    expect(await screen.findByRole('link', { name: 'パスワードを忘れた場合' })).toBeTruthy();
    expect(screen.queryByTestId('mail-off')).toBeNull();
  });
});
