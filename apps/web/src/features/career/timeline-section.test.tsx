import type { TimelinePage } from '@portal/contracts';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '../../app/provider.tsx';
import { createTestI18n } from '../../shared/test/i18n.ts';
import { TimelineSection } from './components/timeline-section.tsx';

const staffId = '00000000-0000-4000-8000-000000001001';
const empty: TimelinePage = { items: [], page: 1, pageSize: 20, total: 0 };

/** The timeline over a memory router; `fetch` answers the timeline with an empty page. */
function renderTimeline(path: string) {
  const requests: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === `/api/staff/${staffId}/timeline`) {
        requests.push(url);
        return Response.json(empty);
      }
      return Response.json(
        { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' },
        { status: 404, headers: { 'content-type': 'application/problem+json' } },
      );
    }),
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [{ path: '/career', element: <TimelineSection staffId={staffId} self={true} /> }],
    { initialEntries: [path] },
  );
  render(
    <AppProvider queryClient={queryClient} i18n={createTestI18n({ language: 'ja' })}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { requests, router };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('career timeline filters', () => {
  it('filters by 重点取組方針: the tag goes to the API and stays in the address', async () => {
    const { requests, router } = renderTimeline('/career?page=2');
    const tag = (await screen.findByLabelText('重点取組方針')) as HTMLSelectElement;
    expect([...tag.options].map((o) => o.textContent)).toEqual(['すべて', '若手', '職場', '総合力']);
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.searchParams.has('tag')).toBe(false);

    act(() => fireEvent.change(tag, { target: { value: 'workplace' } }));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]?.searchParams.get('tag')).toBe('workplace');
    // a new filter starts again from the first page
    expect(requests[1]?.searchParams.get('page')).toBe('1');
    expect(router.state.location.search).toBe('?tag=workplace');
    expect(
      await screen.findByText('条件に合う記録はありません。絞り込みを変えてみてください。'),
    ).toBeTruthy();

    act(() => fireEvent.click(screen.getByRole('button', { name: '絞り込みを解除' })));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(tag.value).toBe('');
  });

  it('reads the tag from a shared address', async () => {
    const { requests } = renderTimeline('/career?tag=young&kind=training');
    const tag = (await screen.findByLabelText('重点取組方針')) as HTMLSelectElement;
    expect(tag.value).toBe('young');
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.searchParams.get('tag')).toBe('young');
    expect(requests[0]?.searchParams.get('kind')).toBe('training');
  });

  it('leaves out a tag it does not know', async () => {
    const { requests } = renderTimeline('/career?tag=nonsense');
    expect(((await screen.findByLabelText('重点取組方針')) as HTMLSelectElement).value).toBe('');
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.searchParams.has('tag')).toBe(false);
  });
});
