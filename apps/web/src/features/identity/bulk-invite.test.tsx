import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { grades, loadIdentityPages, orgUnits, person, renderAt, serve, uuid } from './testing/serve.tsx';

beforeAll(loadIdentityPages);

const invited = {
  ...person(1, '若林 翼', 'ワカバヤシ ツバサ', 'Tsubasa Wakabayashi'),
  account: { state: 'invited', mfa: false },
};
const newcomer = {
  ...person(2, '青木 直子', 'アオキ ナオコ', 'Naoko Aoki'),
  account: { state: 'none', mfa: false },
};

/** HR's directory: `/api/staff` counts by account filter (none: 40, invited: 3, otherwise the page). */
function hrDirectory() {
  return serve(
    [
      ['GET', /^\/api\/org-units$/, () => ({ items: orgUnits })],
      ['GET', /^\/api\/grades$/, () => grades],
      [
        'GET',
        /^\/api\/staff$/,
        ({ url }) => {
          const account = url.searchParams.get('account');
          const inUnit = url.searchParams.has('orgUnitId');
          // a unit: 12 people, 1 disabled, 2 invited, 4 with a password
          const total = inUnit
            ? (({ disabled: 1, invited: 2, active: 4 } as Record<string, number>)[account ?? ''] ?? 12)
            : account === 'none'
              ? 40
              : account === 'invited'
                ? 3
                : 2;
          return {
            items: [invited, newcomer].slice(0, Number(url.searchParams.get('pageSize'))),
            page: 1,
            pageSize: Number(url.searchParams.get('pageSize')),
            total,
          };
        },
      ],
      [
        'POST',
        /^\/api\/invitations$/,
        ({ url }) =>
          url.searchParams.get('format') === 'csv'
            ? new Response('\uFEFFlogin_id\r\n', {
                status: 201,
                headers: { 'content-type': 'text/csv', 'x-invitation-count': '43' },
              })
            : url.searchParams.get('format') === 'pdf'
              ? new Response('%PDF-1.7', {
                  status: 201,
                  headers: { 'content-type': 'application/pdf', 'x-invitation-count': '1' },
                })
              : Response.json(
                  {
                    items: [
                      {
                        staffId: newcomer.id,
                        loginId: 'k2',
                        name: newcomer.name,
                        url: 'https://portal.example/invitation/abc',
                        expiresAt: '2026-12-03T00:00:00Z',
                        mailed: false,
                      },
                    ],
                  },
                  { status: 201 },
                ),
      ],
    ],
    ['staff', 'hr_admin'],
  );
}

beforeEach(() => {
  // jsdom keeps no files: the page hands the letters to the browser through an object URL
  URL.createObjectURL = vi.fn(() => 'blob:letters');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.unstubAllGlobals());

describe('bulk invitations from the staff directory', () => {
  it('shows HR each person’s account state and filters by it through the URL', async () => {
    const api = hrDirectory();
    renderAt('/staff?account=invited');
    const table = await screen.findByRole('table', { name: '職員の一覧' });
    expect(
      within(table)
        .getAllByTestId('account-state')
        .map((c) => c.textContent),
    ).toEqual(['招待中', 'アカウントなし']);
    expect((screen.getByLabelText('アカウント') as HTMLSelectElement).value).toBe('invited');
    await waitFor(() =>
      expect(api.to('GET', '/api/staff').some((c) => c.url.searchParams.get('account') === 'invited')).toBe(
        true,
      ),
    );
  });

  it('states the head count before sending, then what happened', async () => {
    const api = hrDirectory();
    renderAt('/staff');
    await screen.findByRole('table', { name: '職員の一覧' });
    fireEvent.click(screen.getByLabelText('アカウントのない職員全員'));
    fireEvent.click(screen.getByLabelText('リンクの一覧（CSV）'));
    fireEvent.click(screen.getByRole('button', { name: '人数を確かめる' }));
    const confirm = await screen.findByTestId('bulk-invite-confirm');
    // everyone without a password: 40 with no account and 3 whose invitation is renewed
    await waitFor(() => expect(confirm.textContent).toContain('43人に招待を作成し'));
    expect(confirm.textContent).toContain('このうち3人は招待中です');
    expect(api.to('POST', '/api/invitations')).toHaveLength(0);

    fireEvent.click(within(confirm).getByRole('button', { name: '43人を招待する' }));
    const result = await screen.findByTestId('bulk-invite-result');
    expect(result.textContent).toContain('43人の招待を作成し、リンクの一覧（CSV）を保存しました。');
    const [post] = api.to('POST', '/api/invitations');
    expect(post?.url.searchParams.get('format')).toBe('csv');
    expect(JSON.parse(String(post?.init?.body))).toEqual({ withoutAccount: true });
    expect(URL.createObjectURL).toHaveBeenCalled();
  });

  it('invites the people ticked and offers the links to hand over (mail off: letters by default)', async () => {
    const api = hrDirectory();
    renderAt('/staff', 'en');
    await screen.findByRole('table', { name: /staff/i });
    fireEvent.click(screen.getByLabelText('Tick Naoko Aoki'));
    fireEvent.click(screen.getByLabelText('The 1 person ticked'));
    expect(screen.queryByLabelText('By mail')).toBeNull();
    expect((screen.getByLabelText('Print letters (PDF)') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Check the head count' }));
    const confirm = await screen.findByTestId('bulk-invite-confirm');
    expect(confirm.textContent).toContain('saves the letter (PDF, 1 page). Nothing is mailed.');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Invite 1 person' }));
    await screen.findByTestId('bulk-invite-result');
    const [post] = api.to('POST', '/api/invitations');
    expect(JSON.parse(String(post?.init?.body))).toEqual({ staffIds: [newcomer.id] });
    expect(post?.url.searchParams.get('format')).toBe('pdf');
    // the ticks are cleared once the invitations are out
    expect((screen.getByLabelText('Tick Naoko Aoki') as HTMLInputElement).checked).toBe(false);
  });

  it('counts a unit as the API invites it: enabled people, saying who is renewed and who has a password', async () => {
    const api = hrDirectory();
    renderAt(`/staff?unit=${uuid(4)}`);
    await screen.findByRole('table', { name: '職員の一覧' });
    fireEvent.click(await screen.findByLabelText(/の職員全員$/));
    fireEvent.click(screen.getByRole('button', { name: '人数を確かめる' }));
    const confirm = await screen.findByTestId('bulk-invite-confirm');
    await waitFor(() => expect(confirm.textContent).toContain('11人に招待を作成し'));
    expect(confirm.textContent).toContain('このうち2人は招待中です');
    expect(confirm.textContent).toContain('このうち4人はパスワードを設定済みです');
    fireEvent.click(within(confirm).getByRole('button', { name: '11人を招待する' }));
    await screen.findByTestId('bulk-invite-result');
    const [post] = api.to('POST', '/api/invitations');
    expect(JSON.parse(String(post?.init?.body))).toEqual({ orgUnitId: uuid(4) });
  });

  it('is not offered to others', async () => {
    serve([
      ['GET', /^\/api\/org-units$/, () => ({ items: orgUnits })],
      ['GET', /^\/api\/grades$/, () => grades],
      ['GET', /^\/api\/staff$/, () => ({ items: [], page: 1, pageSize: 20, total: 0 })],
    ]);
    renderAt('/staff');
    await screen.findByText('表示できる職員はいません。');
    expect(screen.queryByRole('heading', { name: 'まとめて招待する' })).toBeNull();
    expect(screen.queryByLabelText('アカウント')).toBeNull();
  });
});
