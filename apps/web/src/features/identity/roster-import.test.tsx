import type { RosterPreview } from '@portal/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { columnLabel, rosterTemplateHref, rowErrorsOf } from './lib/roster.ts';
import { loadIdentityPages, problem, renderAt, serve } from './testing/serve.tsx';

const token = 'a'.repeat(64);

const preview = (over: Partial<RosterPreview> = {}): RosterPreview => ({
  token,
  fileName: '職員名簿.csv',
  format: 'csv',
  encoding: 'utf-8',
  totals: { rows: 2, valid: 1, invalid: 1, create: 1, update: 0, unchanged: 0 },
  units: { create: 0 },
  assignments: { start: 1, end: 0, correct: 0 },
  errors: [
    {
      row: 3,
      field: 'grade_code',
      code: 'unknown_grade',
      params: { value: 'no-such-grade' },
      message: 'No grade has the code no-such-grade.',
    },
    {
      row: 4,
      field: 'division_code',
      code: 'unit_closed',
      params: { code: 'K1', date: '2024-12-31' },
      message: 'Unit K1 was closed on 2024-12-31.',
    },
    // A code this version of the app has no text for: the API's English message is shown.
    { row: 5, field: 'post', code: 'something_new', params: {}, message: 'Something new is wrong.' },
  ],
  errorCount: 3,
  sample: [
    {
      row: 2,
      employeeNumber: 'HT00001',
      name: '取込 花子',
      action: 'create',
      changes: [{ field: 'name', from: null, to: '取込 花子' }],
    },
  ],
  newUnits: [],
  ...over,
});

const clean = preview({
  token: 'b'.repeat(64),
  totals: { rows: 2, valid: 2, invalid: 0, create: 2, update: 0, unchanged: 0 },
  errors: [],
  errorCount: 0,
});

const applied = {
  token: clean.token,
  fileName: '職員名簿.csv',
  totals: clean.totals,
  units: { created: 0 },
  staff: { created: 2, updated: 0, unchanged: 0 },
  assignments: { ended: 0, started: 2, corrected: 0 },
};

function choose(name: string, content = 'employee_number\r\n') {
  const file = new File([content], name, { type: name.endsWith('.csv') ? 'text/csv' : '' });
  act(() => fireEvent.change(screen.getByLabelText('名簿ファイル'), { target: { files: [file] } }));
  return file;
}

beforeAll(loadIdentityPages);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('roster helpers', () => {
  it('names columns by their Japanese header and reads refused rows back', () => {
    expect(columnLabel('grade_code', 'ja')).toBe('職位コード');
    expect(columnLabel('grade_code', 'en')).toBe('grade_code');
    expect(columnLabel('headers.x-file-name', 'ja')).toBe('headers.x-file-name');
    expect(
      rowErrorsOf([
        { field: 'row[12].hire_date', code: 'invalid_date', params: {}, message: 'Not a date.' },
        { field: 'headers.x-file-name', message: 'Too long.' },
      ]),
    ).toEqual([
      { row: 12, field: 'hire_date', code: 'invalid_date', params: {}, message: 'Not a date.' },
      { row: 0, field: 'headers.x-file-name', code: '', params: {}, message: 'Too long.' },
    ]);
    expect(decodeURIComponent(rosterTemplateHref())).toContain('職員番号,氏名,氏名カナ');
  });
});

describe('roster import page', () => {
  it('shows every bad row and keeps apply disabled while there are errors', async () => {
    const api = serve([['POST', /^\/api\/roster-imports\/preview$/, () => preview()]], ['staff', 'hr_admin']);
    renderAt('/roster-import');
    await screen.findByRole('heading', { level: 1, name: '名簿の取込' });
    const file = choose('職員名簿.csv');
    act(() => fireEvent.click(screen.getByRole('button', { name: '内容を確認する' })));

    const heading = await screen.findByRole('heading', { level: 2, name: '確認結果' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const sent = api.to('POST', '/api/roster-imports/preview')[0];
    expect(sent?.init?.body).toBe(file);
    const headers = new Headers(sent?.init?.headers);
    expect(headers.get('content-type')).toBe('text/csv');
    expect(headers.get('x-file-name')).toBe(encodeURIComponent('職員名簿.csv'));

    expect(screen.getByTestId('total-invalid').textContent).toBe('1');
    expect(screen.getByTestId('total-create').textContent).toBe('1');
    const errors = screen.getByRole('table', { name: '誤りのある行と項目、その理由' });
    const row = within(errors).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('3行目')).toBeTruthy();
    expect(within(row).getByText('職位コード')).toBeTruthy();
    // Coded errors in the reader's language, dates in 和暦; an unknown code keeps the English, marked so.
    expect(within(row).getByText('職位コード no-such-grade の職位はありません。')).toBeTruthy();
    expect(within(errors).queryByText(/No grade has the code/)).toBeNull();
    expect(
      within(errors).getByText('組織コード K1 の組織は令和6年12月31日に廃止されています。'),
    ).toBeTruthy();
    expect(within(errors).getByText('Something new is wrong.').getAttribute('lang')).toBe('en');

    const apply = screen.getByRole('button', { name: 'この内容で反映する' });
    expect(apply).toHaveProperty('disabled', true);
    expect(screen.getByText(/誤りが3件あるため反映できません/).id).toBe(
      apply.getAttribute('aria-describedby'),
    );
    expect(api.to('POST', '/api/roster-imports')).toHaveLength(0);
  });

  it('applies a clean file with the preview token, and shows the result', async () => {
    const api = serve(
      [
        ['POST', /^\/api\/roster-imports\/preview$/, () => clean],
        ['POST', /^\/api\/roster-imports$/, () => applied],
      ],
      ['staff', 'hr_admin'],
    );
    renderAt('/roster-import');
    await screen.findByRole('heading', { level: 1, name: '名簿の取込' });
    const file = choose('roster.xlsx');
    act(() => fireEvent.click(screen.getByRole('button', { name: '内容を確認する' })));
    const apply = await screen.findByRole('button', { name: 'この内容で反映する' });
    expect(apply).toHaveProperty('disabled', false);
    expect(
      new Headers(api.to('POST', '/api/roster-imports/preview')[0]?.init?.headers).get('content-type'),
    ).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    act(() => fireEvent.click(apply));
    expect(await screen.findByText('職員名簿.csv を反映しました。')).toBeTruthy();
    expect(screen.getByText('職員：新規 2人、変更 0人、変更なし 0人')).toBeTruthy();
    const sent = api.to('POST', '/api/roster-imports')[0];
    expect(sent?.url.searchParams.get('token')).toBe(clean.token);
    expect(sent?.init?.body).toBe(file);
    // Once applied, the same preview cannot be applied twice.
    expect(apply).toHaveProperty('disabled', true);
  });

  it('shows what the API refused: a file it cannot read, and rows that went bad since the preview', async () => {
    serve(
      [
        [
          'POST',
          /^\/api\/roster-imports\/preview$/,
          () =>
            problem(400, 'roster_columns', {
              detail: 'The column name_kana (氏名カナ) is missing.',
              errors: [
                {
                  field: 'row[1].name_kana',
                  code: 'column_missing',
                  params: { column: 'name_kana', header: '氏名カナ' },
                  message: 'The column name_kana (氏名カナ) is missing.',
                },
              ],
            }),
        ],
      ],
      ['staff', 'hr_admin'],
    );
    renderAt('/roster-import');
    await screen.findByRole('heading', { level: 1, name: '名簿の取込' });
    choose('bad.csv');
    act(() => fireEvent.click(screen.getByRole('button', { name: '内容を確認する' })));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ファイルを確認できませんでした');
    expect(within(alert).getByText('1行目の列名を確かめてください。')).toBeTruthy();
    expect(within(alert).getByText('氏名カナ')).toBeTruthy();
    expect(within(alert).getByText('必須の列「氏名カナ」（name_kana）がありません。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'この内容で反映する' })).toBeNull();
  });

  it('tells why a whole file was refused by its code, with the row limit in the reader’s digits', async () => {
    const refusals = [
      problem(400, 'roster_too_many_rows', {
        detail: 'The file has 50001 rows; at most 50000 are accepted.',
        errors: [
          {
            field: 'body',
            code: 'roster_too_many_rows',
            params: { rows: 50001, max: 50000 },
            message: 'The file has 50001 rows; at most 50000 are accepted.',
          },
        ],
      }),
      problem(400, 'roster_encoding', {
        detail: 'The file is neither UTF-8 nor Shift_JIS text.',
        errors: [
          {
            field: 'body',
            code: 'roster_encoding',
            params: {},
            message: 'The file is neither UTF-8 nor Shift_JIS text.',
          },
        ],
      }),
      // a code this version of the app has no text for: the API's English, marked so
      problem(400, 'roster_something_new', { detail: 'Something new is wrong with the file.' }),
    ];
    serve([['POST', /^\/api\/roster-imports\/preview$/, () => refusals.shift()]], ['staff', 'hr_admin']);
    renderAt('/roster-import');
    await screen.findByRole('heading', { level: 1, name: '名簿の取込' });
    const check = async () => {
      act(() => fireEvent.click(screen.getByRole('button', { name: '内容を確認する' })));
      await waitFor(() => expect(screen.queryByText('確認しています…')).toBeNull());
      return screen.findByRole('alert');
    };
    choose('big.csv');
    let alert = await check();
    expect(
      within(alert).getByText(
        '行が多すぎます（50,001行）。一度に取り込めるのは50,000行までです。ファイルを分けて取り込んでください。',
      ),
    ).toBeTruthy();
    expect(within(alert).queryByText(/at most/)).toBeNull();
    expect(within(alert).queryByRole('table')).toBeNull();

    choose('sjis.csv');
    alert = await check();
    expect(alert.textContent).toContain('ファイルの文字コードを読み取れませんでした。');
    expect(alert.querySelector('[lang="en"]')).toBeNull();

    choose('new.csv');
    alert = await check();
    expect(within(alert).getByText('Something new is wrong with the file.').getAttribute('lang')).toBe('en');
  });

  it('tells a refused file in English too', async () => {
    serve(
      [
        [
          'POST',
          /^\/api\/roster-imports\/preview$/,
          () =>
            problem(400, 'roster_too_many_rows', {
              detail: 'The file has 50001 rows; at most 50000 are accepted.',
              errors: [
                {
                  field: 'body',
                  code: 'roster_too_many_rows',
                  params: { rows: 50001, max: 50000 },
                  message: 'The file has 50001 rows; at most 50000 are accepted.',
                },
              ],
            }),
        ],
      ],
      ['staff', 'hr_admin'],
    );
    renderAt('/roster-import', 'en');
    await screen.findByRole('heading', { level: 1 });
    const file = new File(['x'], 'big.csv', { type: 'text/csv' });
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    act(() => fireEvent.change(input, { target: { files: [file] } }));
    act(() => fireEvent.click(input.form?.querySelector('button[type="submit"]') as HTMLButtonElement));
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText(
        'The file has too many rows (50,001). At most 50,000 rows can be imported at once: split the file.',
      ),
    ).toBeTruthy();
  });

  it('tells those without roster:import:any that they may not', async () => {
    serve([]);
    renderAt('/roster-import');
    // The not-permitted page, from the same permissions the API uses: never the form.
    expect(
      (await screen.findByRole('heading', { level: 1, name: 'このページを開く権限がありません' }))
        .textContent,
    ).toBeTruthy();
    expect(screen.queryByLabelText('名簿ファイル')).toBeNull();
  });
});
