import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readStaffFilters, staffOfUnitPath, writeStaffFilters } from './lib/staff-filters.ts';
import {
  grades,
  loadIdentityPages,
  orgUnits,
  person,
  problem,
  renderAt,
  serve,
  uuid,
} from './testing/serve.tsx';

const people = [
  person(1, '若林 翼', 'ワカバヤシ ツバサ', 'Tsubasa Wakabayashi'),
  person(2, '青木 直子', 'アオキ ナオコ', 'Naoko Aoki'),
];

/** `/api/staff` answering `total` people, the page asked for holding `people`. */
function directory(total = 2, items = people) {
  return serve([
    ['GET', /^\/api\/org-units$/, () => ({ items: orgUnits })],
    ['GET', /^\/api\/grades$/, () => grades],
    [
      'GET',
      /^\/api\/staff$/,
      ({ url }) => ({
        items,
        page: Number(url.searchParams.get('page')),
        pageSize: Number(url.searchParams.get('pageSize')),
        total,
      }),
    ],
  ]);
}

beforeAll(loadIdentityPages);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('staff directory filters in the URL', () => {
  it('reads what the API accepts and drops the rest', () => {
    expect(readStaffFilters(new URLSearchParams(`q=%20ワカ%20&unit=${uuid(4)}&grade=bad&page=3`))).toEqual({
      q: 'ワカ',
      orgUnitId: uuid(4),
      gradeId: undefined,
      account: undefined,
      page: 3,
    });
    expect(readStaffFilters(new URLSearchParams('account=invited')).account).toBe('invited');
    expect(readStaffFilters(new URLSearchParams('account=everyone')).account).toBeUndefined();
    expect(readStaffFilters(new URLSearchParams('page=0')).page).toBe(1);
    expect(readStaffFilters(new URLSearchParams('page=1.5')).page).toBe(1);
  });

  it('starts again at page 1 when a filter changes, and keeps other parameters', () => {
    const params = new URLSearchParams('q=a&page=4&x=1');
    expect(writeStaffFilters(params, { q: 'b' }).toString()).toBe('q=b&x=1');
    expect(writeStaffFilters(params, { page: 5 }).toString()).toBe('q=a&page=5&x=1');
    expect(writeStaffFilters(params, { page: 1 }).toString()).toBe('q=a&x=1');
    expect(writeStaffFilters(params, { q: '', orgUnitId: uuid(4) }).toString()).toBe(`x=1&unit=${uuid(4)}`);
    expect(staffOfUnitPath(uuid(4))).toBe(`/staff?unit=${uuid(4)}`);
  });
});

describe('staff directory page', () => {
  it('asks the API for what the URL says, and announces the count', async () => {
    const api = directory(45);
    renderAt(`/staff?q=ワカ&unit=${uuid(4)}&grade=${uuid(101)}&page=2`);

    const count = await screen.findByText('45人中 21〜22人目を表示しています。');
    expect(count.getAttribute('aria-live')).toBe('polite');
    const asked = api.to('GET', '/api/staff').at(-1)?.url.searchParams;
    expect(Object.fromEntries(asked ?? [])).toEqual({
      q: 'ワカ',
      orgUnitId: uuid(4),
      gradeId: uuid(101),
      page: '2',
      pageSize: '20',
    });
    expect(screen.getByLabelText('氏名・カナ・職員番号')).toHaveProperty('value', 'ワカ');
    await waitFor(() => expect(screen.getByLabelText('所属')).toHaveProperty('value', uuid(4)));
    expect(screen.getByLabelText('職位')).toHaveProperty('value', uuid(101));
    const link = screen.getByRole('link', { name: '若林 翼' });
    expect(link.getAttribute('href')).toBe(`/staff/${uuid(1001)}`);
    expect(screen.getAllByText('総務局 総務部 総務課 庶務係', { selector: 'td' })).toHaveLength(2);
  });

  it('writes the search box to the URL once typing pauses, from page 1', async () => {
    const api = directory(45);
    const router = renderAt('/staff?page=3');
    await screen.findByText('45人中 41〜42人目を表示しています。');

    const box = screen.getByLabelText('氏名・カナ・職員番号');
    act(() => fireEvent.change(box, { target: { value: 'アオ' } }));
    act(() => fireEvent.change(box, { target: { value: 'アオキ' } }));
    // Nothing is asked while typing goes on.
    expect(router.state.location.search).toBe('?page=3');

    await waitFor(() => expect(router.state.location.search).toBe(`?q=${encodeURIComponent('アオキ')}`));
    await waitFor(() => expect(api.to('GET', '/api/staff').at(-1)?.url.searchParams.get('q')).toBe('アオキ'));
    const queries = api.to('GET', '/api/staff').map((c) => c.url.searchParams.get('q'));
    expect(queries).not.toContain('アオ');
    expect(api.to('GET', '/api/staff').at(-1)?.url.searchParams.get('page')).toBe('1');
  });

  it('filters by unit and grade, and pages with the keyboard-reachable buttons', async () => {
    const api = directory(45);
    const router = renderAt('/staff');
    await screen.findByText('45人中 1〜2人目を表示しています。');
    await waitFor(() => expect(screen.getAllByRole('option', { name: /庶務係/ })).toHaveLength(1));

    act(() => fireEvent.change(screen.getByLabelText('所属'), { target: { value: uuid(4) } }));
    await waitFor(() => expect(router.state.location.search).toBe(`?unit=${uuid(4)}`));
    // the page has drawn the new URL (router state reaches it in a transition) before the next choice
    await waitFor(() => expect((screen.getByLabelText('所属') as HTMLSelectElement).value).toBe(uuid(4)));
    await screen.findByRole('button', { name: '条件をクリア' });
    act(() => fireEvent.change(screen.getByLabelText('職位'), { target: { value: uuid(102) } }));
    await waitFor(() => expect(router.state.location.search).toBe(`?unit=${uuid(4)}&grade=${uuid(102)}`));
    await waitFor(() =>
      expect(api.to('GET', '/api/staff').at(-1)?.url.searchParams.get('gradeId')).toBe(uuid(102)),
    );

    // two filters changed before the page renders again: the second keeps the first
    act(() => fireEvent.click(screen.getByRole('button', { name: '条件をクリア' })));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    act(() => {
      fireEvent.change(screen.getByLabelText('所属'), { target: { value: uuid(4) } });
      fireEvent.change(screen.getByLabelText('職位'), { target: { value: uuid(102) } });
    });
    await waitFor(() => expect(router.state.location.search).toBe(`?unit=${uuid(4)}&grade=${uuid(102)}`));

    const pages = screen.getByRole('navigation', { name: 'ページ送り' });
    expect(within(pages).getByText('3ページ中 1ページ目')).toBeTruthy();
    const previous = within(pages).getByRole('button', { name: '前のページ' });
    expect(previous.getAttribute('aria-disabled')).toBe('true');
    act(() => fireEvent.click(previous));
    expect(router.state.location.search).not.toContain('page=');
    act(() => fireEvent.click(within(pages).getByRole('button', { name: '次のページ' })));
    await waitFor(() => expect(router.state.location.search).toContain('page=2'));
    await screen.findByText('45人中 21〜22人目を表示しています。');
    expect(within(pages).getByText('3ページ中 2ページ目')).toBeTruthy();

    act(() => fireEvent.click(screen.getByRole('button', { name: '条件をクリア' })));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('shows an empty state, and an error with a retry', async () => {
    directory(0, []);
    renderAt('/staff?q=存在しない');
    expect(await screen.findByText(/条件に合う職員は見つかりませんでした/)).toBeTruthy();
    expect(screen.getByText('該当する職員はいません。')).toBeTruthy();
    vi.unstubAllGlobals();

    serve([['GET', /^\/api\/staff$/, () => problem(500, 'internal', { requestId: 'req-9' })]]);
    renderAt('/staff');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('req-9');
    expect(within(alert).getByRole('button', { name: 'もう一度読み込む' })).toBeTruthy();
  });
});

describe('person page', () => {
  const detail = {
    ...people[0],
    loginId: 'demo-staff',
    email: 'demo-staff@city.sendai.example',
    hireDate: '2024-04-01',
    disabled: false,
    hrAdmin: false,
    assignments: [
      { ...people[0]?.current },
      {
        ...people[0]?.current,
        id: uuid(3000),
        startsOn: '2024-04-01',
        endsOn: '2026-03-31',
      },
    ],
    supervisors: [{ id: uuid(1002), name: '青木 直子', nameEn: 'Naoko Aoki' }],
    promotionRoles: [],
    version: 3,
  };

  it('shows the person, dated history in 和暦, and no account controls to staff', async () => {
    serve([['GET', /^\/api\/staff\/.+$/, () => detail]]);
    renderAt(`/staff/${uuid(1001)}`);
    expect(await screen.findByRole('heading', { level: 1, name: '若林 翼' })).toBeTruthy();
    expect(screen.getByText('令和6年4月1日〜令和8年3月31日')).toBeTruthy();
    expect(screen.getByText('令和8年4月1日〜（現在）')).toBeTruthy();
    expect(screen.getByText('青木 直子')).toBeTruthy();
    expect(document.getElementById('person-career')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'アカウントを無効にする' })).toBeNull();
  });

  it('answers a 404 with "not found or not visible"', async () => {
    serve([['GET', /^\/api\/staff\/.+$/, () => problem(404, 'staff_not_found')]]);
    renderAt(`/staff/${uuid(1999)}`);
    expect(await screen.findByRole('heading', { level: 1, name: '職員が見つかりません' })).toBeTruthy();
    expect(screen.getByText(/存在しないか、あなたの権限では表示できません/)).toBeTruthy();
  });

  it('lets HR disable the account after confirming, and shows a failure', async () => {
    let disabled = false;
    const api = serve(
      [
        ['GET', /^\/api\/staff\/.+$/, () => ({ ...detail, disabled })],
        [
          'POST',
          /\/disable$/,
          () => {
            if (api.to('POST', `/api/staff/${uuid(1001)}/disable`).length === 1)
              return problem(500, 'internal');
            disabled = true;
            return { ...detail, disabled: true };
          },
        ],
      ],
      ['staff', 'hr_admin'],
    );
    renderAt(`/staff/${uuid(1001)}`);
    const disable = await screen.findByRole('button', { name: 'アカウントを無効にする' });
    act(() => fireEvent.click(disable));
    expect(document.activeElement?.textContent).toContain('若林 翼さんのアカウントを無効にします');

    act(() => fireEvent.click(screen.getByRole('button', { name: '無効にする' })));
    expect((await screen.findByRole('alert')).textContent).toContain('システムで問題が起きました');
    act(() => fireEvent.click(screen.getByRole('button', { name: '無効にする' })));
    expect(await screen.findByText('若林 翼さんのアカウントを無効にしました。')).toBeTruthy();
    expect(screen.getByTestId('account-state').textContent).toBe('無効');
    expect(screen.getByRole('button', { name: 'アカウントを有効に戻す' })).toBeTruthy();
    expect(api.to('POST', `/api/staff/${uuid(1001)}/disable`)[0]?.init?.body).toBeUndefined();
  });
});
