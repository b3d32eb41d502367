import type { OjtSession } from '@portal/contracts';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '../../app/provider.tsx';
import { appRoutes } from '../../app/router.tsx';
import { createTestI18n } from '../../shared/test/i18n.ts';
import { meFixture } from '../../shared/test/me.ts';
import { localToday } from './lib/dates.ts';

// ---- Correcting and deleting a session I logged, on /ojt?view=given, with `fetch` stubbed ----

const given = (over: Partial<OjtSession> = {}): OjtSession => ({
  id: '0190a000-0000-7000-8000-000000000001',
  trainee: { id: 's-1', name: '若林 翼', nameEn: 'Tsubasa Wakabayashi' },
  supervisor: { id: 'staff-1', name: '青木 直子', nameEn: 'Naoko Aoki' },
  occurredOn: localToday(),
  fiscalYear: 2026,
  minutes: 30,
  method: 'guidance',
  topic: '窓口対応の基本',
  notes: '',
  staffImageIds: [],
  initiativeIds: [],
  policyLinks: { staffImages: [], initiatives: [], tagCodes: [] },
  batchId: null,
  acknowledgedAt: null,
  reflection: null,
  createdAt: '2026-11-20T01:00:00.000Z',
  updatedAt: '2026-11-20T01:00:00.000Z',
  canAcknowledge: false,
  canEdit: true,
  canDelete: true,
  ...over,
});

type Call = { method: string; url: string; body: Record<string, unknown> | null };

/** `answer` decides the PUT/DELETE answers; `current` is what the list returns at the moment. */
function renderGiven(state: { current: OjtSession | null; answer: (call: Call) => Response }) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const method = init?.method ?? 'GET';
      if (url === '/api/me') return Response.json(meFixture(['staff', 'supervisor']));
      if (url.startsWith('/api/ojt-sessions') && method === 'GET') {
        const items = state.current ? [state.current] : [];
        return Response.json({ items, page: 1, pageSize: 20, total: items.length });
      }
      if (url.startsWith('/api/ojt-sessions/')) {
        const call = { method, url, body: init?.body ? JSON.parse(String(init.body)) : null };
        calls.push(call);
        return state.answer(call);
      }
      return Response.json(
        { type: 'about:blank', title: 'x', status: 500, code: 'internal' },
        { status: 500 },
      );
    }),
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(appRoutes(queryClient), { initialEntries: ['/ojt?view=given'] });
  render(
    <AppProvider queryClient={queryClient} i18n={createTestI18n({ language: 'ja' })}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return calls;
}

const problem = (status: number, code: string, current?: OjtSession) =>
  Response.json(
    { type: 'about:blank', title: code, status, code, ...(current ? { current } : {}) },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('correcting a session I logged', () => {
  it('sends the whole session with the updatedAt read, and shows the correction', async () => {
    const state = {
      current: given() as OjtSession | null,
      answer: (call: Call) => {
        state.current = given({
          ...(call.body as Partial<OjtSession>),
          updatedAt: '2026-11-20T02:00:00.000Z',
        });
        return Response.json(state.current);
      },
    };
    const calls = renderGiven(state);
    fireEvent.click(await screen.findByRole('button', { name: /修正/ }, { timeout: 5000 }));
    const form = screen.getByRole('form', { name: /OJTの記録を修正/ });
    fireEvent.change(within(form).getByLabelText('内容'), {
      target: { value: '  窓口対応の基本（電話）  ' },
    });
    fireEvent.change(within(form).getByLabelText('時間（分）'), { target: { value: '45' } });
    fireEvent.click(within(form).getByRole('radio', { name: '振り返り・面談' }));
    fireEvent.click(within(form).getByRole('button', { name: '修正を保存する' }));

    expect(await screen.findByRole('heading', { name: '窓口対応の基本（電話）' })).toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: 'PUT',
      url: `/api/ojt-sessions/${given().id}`,
      body: {
        topic: '窓口対応の基本（電話）',
        minutes: 45,
        method: 'review',
        occurredOn: localToday(),
        updatedAt: '2026-11-20T01:00:00.000Z',
      },
    });
    expect(screen.queryByRole('form', { name: /OJTの記録を修正/ })).toBeNull();
  });

  it('on 409 reloads the current session into the form and says why; saving again sends the new updatedAt', async () => {
    const state = {
      current: given() as OjtSession | null,
      answer: (call: Call): Response => {
        if (call.body?.updatedAt === '2026-11-20T01:00:00.000Z') {
          // someone else corrected the topic first
          state.current = given({ topic: '窓口対応（別端末）', updatedAt: '2026-11-20T03:00:00.000Z' });
          return problem(409, 'stale_version', state.current);
        }
        state.current = given({
          ...(call.body as Partial<OjtSession>),
          updatedAt: '2026-11-20T04:00:00.000Z',
        });
        return Response.json(state.current);
      },
    };
    const calls = renderGiven(state);
    fireEvent.click(await screen.findByRole('button', { name: /修正/ }, { timeout: 5000 }));
    const form = screen.getByRole('form', { name: /OJTの記録を修正/ });
    fireEvent.change(within(form).getByLabelText('内容'), { target: { value: '私の訂正' } });
    fireEvent.click(within(form).getByRole('button', { name: '修正を保存する' }));

    expect(await screen.findByText(/他の画面で変更されていました/)).toBeTruthy();
    await waitFor(() =>
      expect((within(form).getByLabelText('内容') as HTMLInputElement).value).toBe('窓口対応（別端末）'),
    );
    fireEvent.click(within(form).getByRole('button', { name: '修正を保存する' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.body).toMatchObject({
      updatedAt: '2026-11-20T03:00:00.000Z',
      topic: '窓口対応（別端末）',
    });
  });

  it('keeps the date and minutes of an acknowledged session, and offers no delete', async () => {
    const state = {
      current: given({ acknowledgedAt: '2026-11-21T00:00:00.000Z', canDelete: false }) as OjtSession | null,
      answer: () => problem(500, 'internal'),
    };
    renderGiven(state);
    fireEvent.click(await screen.findByRole('button', { name: /修正/ }, { timeout: 5000 }));
    expect(screen.queryByRole('button', { name: /削除/ })).toBeNull();
    const form = screen.getByRole('form', { name: /OJTの記録を修正/ });
    expect((within(form).getByLabelText('実施日') as HTMLInputElement).disabled).toBe(true);
    expect((within(form).getByLabelText('時間（分）') as HTMLInputElement).disabled).toBe(true);
    expect((within(form).getByLabelText('内容') as HTMLInputElement).disabled).toBe(false);
  });

  it('deletes only after a confirmation', async () => {
    const state = {
      current: given() as OjtSession | null,
      answer: () => {
        state.current = null;
        return new Response(null, { status: 204 });
      },
    };
    const calls = renderGiven(state);
    fireEvent.click(await screen.findByRole('button', { name: /削除/ }, { timeout: 5000 }));
    expect(calls).toHaveLength(0);
    const confirm = screen.getByRole('region', { name: /削除しますか/ });
    fireEvent.click(within(confirm).getByRole('button', { name: '削除' }));
    expect(await screen.findByText(/まだ|ありません/)).toBeTruthy();
    expect(calls).toEqual([{ method: 'DELETE', url: `/api/ojt-sessions/${given().id}`, body: null }]);
  });
});
