import { type AuditLogEntry, diffAudit } from '@portal/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { visibleNavItems } from '../../app/layout/nav-items.ts';
import { readAuditFilters, toAuditQuery } from './lib/audit-filters.ts';
import { formatDateTime } from './lib/format-date-time.ts';
import { renderAt, serve, uuid } from './testing/serve.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('audit helpers', () => {
  it('lists the changed fields only, nested ones by path', () => {
    expect(diffAudit({ disabled: false, name: 'a' }, { disabled: true, name: 'a' })).toEqual([
      { field: 'disabled', before: false, after: true },
    ]);
    expect(diffAudit(null, { fileName: 'x.csv', staff: { created: 2 } })).toEqual([
      { field: 'fileName', before: undefined, after: 'x.csv' },
      { field: 'staff.created', before: undefined, after: 2 },
    ]);
    expect(diffAudit(null, null)).toEqual([]);
  });

  it('turns the URL into the API query: whole days in Japan time', () => {
    const filters = readAuditFilters(
      new URLSearchParams(`actor=${uuid(1)}&action=auth&from=2026-04-01&to=2026-04-30&entityId=`),
    );
    expect(toAuditQuery(filters)).toEqual({
      actorId: uuid(1),
      action: 'auth',
      from: '2026-04-01T00:00:00.000+09:00',
      to: '2026-04-30T23:59:59.999+09:00',
    });
    expect(readAuditFilters(new URLSearchParams('actor=nope&from=yesterday'))).toMatchObject({
      actor: '',
      from: '',
    });
  });

  it('writes moments in 和暦, Japan time', () => {
    expect(formatDateTime('2026-03-31T15:05:09.000Z', 'ja')).toBe('令和8年4月1日 00:05:09');
    expect(formatDateTime('2026-03-31T15:05:09.000Z', 'en')).toBe('1 April 2026, 00:05:09');
  });

  it('shows a nav item with anyOf to those who hold any one of them', () => {
    const items = [
      { to: '/a', labelKey: 'a', end: false, anyOf: ['staff:read:team', 'staff:read:any'] as const },
      { to: '/b', labelKey: 'b', end: false, permission: 'audit:read:any' as const },
    ];
    expect(visibleNavItems((p) => p === 'staff:read:any', items).map((i) => i.to)).toEqual(['/a']);
    expect(visibleNavItems((p) => p === 'audit:read:any', items).map((i) => i.to)).toEqual(['/b']);
  });
});

const entry = (n: number, over: Partial<AuditLogEntry> = {}): AuditLogEntry => ({
  id: String(n),
  at: '2026-04-01T00:30:00.000Z',
  actor: { id: uuid(9), name: '森 早紀' },
  action: 'auth.login',
  entityType: 'session',
  entityId: null,
  target: null,
  before: null,
  after: null,
  ip: '127.0.0.1',
  requestId: 'r',
  ...over,
});

describe('audit log page', () => {
  it('shows who, when and what, expands a change, and loads older entries by cursor', async () => {
    const api = serve(
      [
        [
          'GET',
          /^\/api\/audit-log$/,
          ({ url }) =>
            url.searchParams.get('cursor')
              ? { items: [entry(1)], nextCursor: null }
              : {
                  items: [
                    entry(3, {
                      action: 'staff.disable',
                      entityType: 'staff',
                      entityId: uuid(1001),
                      target: { name: { ja: '佐藤 花子', en: 'Hanako Sato' }, path: `/staff/${uuid(1001)}` },
                      before: { disabled: false },
                      after: { disabled: true },
                    }),
                    entry(2),
                  ],
                  nextCursor: '2',
                },
        ],
      ],
      ['staff', 'hr_admin'],
    );
    renderAt('/audit?action=staff');
    expect(await screen.findByText('2件を表示しています。さらに古い記録があります。')).toBeTruthy();
    expect(api.to('GET', '/api/audit-log')[0]?.url.searchParams.get('action')).toBe('staff');
    expect(screen.getByLabelText('操作')).toHaveProperty('value', 'staff');
    // Every action and kind the API writes is offered, by its label.
    const actions = within(screen.getByLabelText('操作'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(actions).toContain('KPI実績の記録');
    expect(actions).toContain('「staff」で始まる操作');
    const kinds = within(screen.getByLabelText('対象の種類'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(kinds).toContain('年間OJT計画');
    // The export carries the same filters.
    expect(screen.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe(
      '/api/audit-log/export?action=staff&format=csv&lang=ja',
    );

    const list = screen.getByRole('list', { name: '操作記録' });
    const first = within(list).getAllByRole('listitem')[0] as HTMLElement;
    expect(within(first).getByText('アカウントの無効化')).toBeTruthy();
    expect(within(first).getByText('令和8年4月1日 09:30:00')).toBeTruthy();
    expect(within(first).getByRole('link', { name: '佐藤 花子' }).getAttribute('href')).toBe(
      `/staff/${uuid(1001)}`,
    );
    const toggle = within(first).getByRole('button', { name: '変更内容を表示（1項目）' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    act(() => fireEvent.click(toggle));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const diff = within(first).getByRole('table', { name: '変更された項目' });
    // Fields and values in words, never internal names or JSON.
    expect(within(diff).getByRole('rowheader').textContent).toBe('無効');
    expect(within(diff).getByText('いいえ')).toBeTruthy();
    expect(within(diff).getByText('はい')).toBeTruthy();
    expect(first.textContent).not.toMatch(/staff\.disable|[0-9a-f]{8}-[0-9a-f]{4}/);

    act(() => fireEvent.click(screen.getByRole('button', { name: 'さらに読み込む' })));
    expect(await screen.findByText('3件を表示しています。')).toBeTruthy();
    expect(api.to('GET', '/api/audit-log').at(-1)?.url.searchParams.get('cursor')).toBe('2');
    expect(screen.queryByRole('button', { name: 'さらに読み込む' })).toBeNull();
    // Focus moves to the first entry that arrived.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-audit-id')).toBe('1'));
  });

  it('filters by an actor from an entry, and by the form', async () => {
    const api = serve(
      [['GET', /^\/api\/audit-log$/, () => ({ items: [entry(1)], nextCursor: null })]],
      ['staff', 'hr_admin'],
    );
    const router = renderAt('/audit');
    const onlyHers = await screen.findByRole('button', { name: '（森 早紀さんの操作だけを表示）' });
    act(() => fireEvent.click(onlyHers));
    await waitFor(() => expect(router.state.location.search).toBe(`?actor=${uuid(9)}`));
    expect(await screen.findByText('操作者：森 早紀 の記録だけを表示しています。')).toBeTruthy();

    act(() => fireEvent.change(screen.getByLabelText('開始日'), { target: { value: '2026-04-01' } }));
    act(() => fireEvent.click(screen.getByRole('button', { name: '絞り込む' })));
    await waitFor(() => expect(router.state.location.search).toBe(`?actor=${uuid(9)}&from=2026-04-01`));
    await waitFor(() =>
      expect(api.to('GET', '/api/audit-log').at(-1)?.url.searchParams.get('from')).toBe(
        '2026-04-01T00:00:00.000+09:00',
      ),
    );
  });
});
