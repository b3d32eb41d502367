import { ROSTER_MAX_ROWS } from '@portal/contracts/roster/roster.schemas';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeText, parseRoster, RosterFileError } from './roster.parser.ts';

const HEADER =
  'employee_number,name,name_kana,name_en,login_id,email,job_family_code,grade_code,hire_date,bureau_kind,bureau_code,bureau_name,department_code,department_name,division_code,division_name,section_code,section_name,post,is_head,starts_on';
const JA_HEADER =
  '職員番号,氏名,氏名カナ,氏名英字,ログインID,メールアドレス,職種コード,職位コード,採用日,局区種別,局区コード,局区名,部コード,部名,課コード,課名,係コード,係名,役職,所属長,発令日';

const ROW_1 =
  '100001,青葉 太郎,アオバ タロウ,Taro Aoba,t.aoba,t.aoba@example.jp,JIMU,SHUJI,2015-04-01,bureau,B01,総務局,B01-D1,総務部,B01-D1-K1,人事課,B01-D1-K1-S1,人材育成係,,0,2024-04-01';
const ROW_2 =
  '100002,宮城野 花子,ミヤギノ ハナコ,Hanako Miyagino,h.miyagino,,DOBOKU,KAKARICHO,2008-04-01,ward,W01,青葉区,W01-D1,区民部,W01-D1-K1,区民課,,,係長,はい,2023-04-01';

const csv = (text: string, name = 'roster.csv') => ({
  name,
  contentType: 'text/csv',
  bytes: Buffer.from(text, 'utf8'),
});

/** Shift_JIS bytes for a text: the reverse of the platform's decoder, over every two-byte code. */
function encodeShiftJis(text: string): Buffer {
  const decoder = new TextDecoder('shift_jis');
  const table = new Map<string, number[]>();
  const leads = [
    ...Array.from({ length: 0x1f }, (_, i) => 0x81 + i),
    ...Array.from({ length: 0x1d }, (_, i) => 0xe0 + i),
  ];
  for (const lead of leads) {
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no Shift_JIS code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

describe('parseRoster: CSV', () => {
  it('reads rows into typed records, the person in the lowest unit named', async () => {
    const parsed = await parseRoster(csv(`${HEADER}\n${ROW_1}\n${ROW_2}\n`));
    expect(parsed).toMatchObject({ format: 'csv', encoding: 'utf-8', rowCount: 2, errors: [] });
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(parsed.rows[0]?.data).toMatchObject({
      employeeNumber: '100001',
      name: '青葉 太郎',
      nameKana: 'アオバ タロウ',
      email: 't.aoba@example.jp',
      hireDate: '2015-04-01',
      post: null,
      isHead: false,
      startsOn: '2024-04-01',
    });
    expect(parsed.rows[0]?.data.units.map((u) => [u.kind, u.code, u.parentCode])).toEqual([
      ['bureau', 'B01', null],
      ['department', 'B01-D1', 'B01'],
      ['division', 'B01-D1-K1', 'B01-D1'],
      ['section', 'B01-D1-K1-S1', 'B01-D1-K1'],
    ]);
    const ward = parsed.rows[1]?.data;
    expect(ward?.units.map((u) => u.kind)).toEqual(['ward', 'department', 'division']);
    expect(ward).toMatchObject({ email: null, post: '係長', isHead: true });
  });

  it('drops a UTF-8 byte-order mark and skips empty lines without renumbering', async () => {
    const parsed = await parseRoster(csv(`\uFEFF${HEADER}\r\n\r\n${ROW_1}\r\n,,,\r\n${ROW_2}\r\n`));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.data.employeeNumber])).toEqual([
      [3, '100001'],
      [5, '100002'],
    ]);
  });

  it('decodes Shift_JIS, which is not valid UTF-8', async () => {
    const bytes = encodeShiftJis(`${JA_HEADER}\r\n${ROW_1}\r\n${ROW_2}\r\n`);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText(bytes).encoding).toBe('shift_jis');
    const parsed = await parseRoster({ name: 'roster.csv', contentType: 'text/csv', bytes });
    expect(parsed.encoding).toBe('shift_jis');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.data.name)).toEqual(['青葉 太郎', '宮城野 花子']);
    expect(parsed.rows[1]?.data.units[0]?.name).toBe('青葉区');
  });

  it('accepts Japanese headers in any order, full-width variants and extra columns', async () => {
    const header =
      '所属長,発令日,職員番号,氏名,氏名（カナ）,ログインＩＤ,職種コード,職位コード,採用年月日,局区種別,局区コード,局区名,備考';
    const row = 'いいえ,2024/4/1,２０００１,泉 一郎,ｲｽﾞﾐ ｲﾁﾛｳ,i.izumi,JIMU,SHUJI,2019/04/01,区,W05,泉区,転入';
    const parsed = await parseRoster(csv(`${header}\n${row}\n`));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]?.data).toMatchObject({
      employeeNumber: '20001',
      nameKana: 'イズミ イチロウ',
      nameEn: '',
      startsOn: '2024-04-01',
      hireDate: '2019-04-01',
      isHead: false,
      units: [{ kind: 'ward', code: 'W05', name: '泉区', parentCode: null }],
    });
  });

  it('reports each bad row with its row number and column, and keeps the good ones', async () => {
    const bad = [
      // row 3: no name, a non-date, a bad flag
      '100003,,アオバ ジロウ,,j.aoba,,JIMU,SHUJI,2015-02-30,bureau,B01,総務局,,,,,,,,maybe,2024-04-01',
      // row 4: a 係 without its 課, a bad e-mail, a kana column in kanji
      '100004,若林 三郎,若林,,s.waka,not-an-email,JIMU,SHUJI,2015-04-01,bureau,B01,総務局,B01-D1,総務部,,,S9,庶務係,,0,2024-04-01',
      // row 5: an unknown bureau kind, an employee number with spaces
      '10 005,太白 四郎,タイハク シロウ,,s.taihaku,,JIMU,SHUJI,2015-04-01,city,B01,総務局,,,,,,,,0,2024-04-01',
    ];
    const parsed = await parseRoster(csv([HEADER, ROW_1, ...bad, ROW_2].join('\n')));
    expect(parsed.rowCount).toBe(5);
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 6]);
    expect([...parsed.invalidRows].sort()).toEqual([3, 4, 5]);
    const by = (row: number) => parsed.errors.filter((e) => e.row === row).map((e) => e.field);
    expect(by(3).sort()).toEqual(['hire_date', 'is_head', 'name']);
    expect(by(4).sort()).toEqual(['email', 'name_kana', 'section_code']);
    expect(by(5).sort()).toEqual(['bureau_kind', 'employee_number']);
    expect(parsed.errors.find((e) => e.row === 3 && e.field === 'hire_date')?.message).toMatch(/date/i);
    expect(parsed.errors.find((e) => e.row === 4 && e.field === 'section_code')?.message).toMatch(/division/);
    // Each error carries a stable code and the values its text names, for the web app to translate.
    const coded = parsed.errors.map((e) => [e.row, e.field, e.code, e.params]);
    expect(coded).toEqual(
      expect.arrayContaining([
        [3, 'name', 'required', {}],
        [3, 'hire_date', 'invalid_date', {}],
        [3, 'is_head', 'invalid_flag', {}],
        [4, 'email', 'invalid_email', {}],
        [4, 'name_kana', 'kana_only', {}],
        [
          4,
          'section_code',
          'unit_level_skipped',
          { level: 'section', missing: 'division', column: 'division_code' },
        ],
        [5, 'bureau_kind', 'invalid_bureau_kind', {}],
        [5, 'employee_number', 'invalid_format', { allowed: 'A-Z a-z 0-9 -' }],
      ]),
    );
    expect(coded).toHaveLength(8);
  });

  it('codes lengths, out-of-range years and unit names without their codes', async () => {
    const long = ROW_2.replace('KAKARICHO', 'G'.repeat(33)).replace('2023-04-01', '1800-04-01');
    const nameOnly = ROW_1.replace('B01-D1-K1-S1,', ',');
    const parsed = await parseRoster(csv([HEADER, long, nameOnly].join('\n')));
    expect(parsed.errors.map((e) => [e.row, e.field, e.code, e.params])).toEqual([
      [2, 'grade_code', 'too_long', { max: 32 }],
      [2, 'starts_on', 'date_out_of_range', { min: 1900, max: 2100 }],
      [3, 'section_code', 'unit_name_without_code', { column: 'section_name' }],
    ]);
  });

  it('rejects the same person twice and a unit described two ways', async () => {
    const sameNumber = ROW_2.replace('h.miyagino', 'h.other').replace('100002', '100001');
    const sameLogin = ROW_2.replace('100002', '100009').replace('h.miyagino', 't.aoba');
    const otherName = ROW_2.replace('100002', '100010')
      .replace('h.miyagino', 'x.y')
      .replace('ward,W01,青葉区', 'bureau,B01,総務局ちがう');
    const parsed = await parseRoster(csv([HEADER, ROW_1, sameNumber, sameLogin, otherName].join('\n')));
    expect(parsed.rows.map((r) => r.row)).toEqual([2]);
    expect(parsed.errors).toEqual([
      {
        row: 3,
        field: 'employee_number',
        code: 'duplicate_employee_number',
        params: { value: '100001', row: 2 },
        message: 'Employee number 100001 is also on row 2.',
      },
      {
        row: 4,
        field: 'login_id',
        code: 'duplicate_login_id',
        params: { value: 't.aoba', row: 2 },
        message: 'Login ID t.aoba is also on row 2.',
      },
      expect.objectContaining({
        row: 5,
        field: 'bureau_name',
        code: 'unit_conflict_name',
        params: { code: 'B01', row: 2, name: '総務局ちがう', otherName: '総務局' },
      }),
    ]);
  });

  it('rejects a unit code used for another kind or parent', async () => {
    const otherKind = ROW_2.replace('100002', '100011')
      .replace('h.miyagino', 'x.z')
      .replace('ward,W01', 'bureau,W01');
    const parsed = await parseRoster(csv([HEADER, ROW_2, otherKind].join('\n')));
    expect(parsed.errors).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'bureau_code',
        code: 'unit_conflict_kind',
        params: { code: 'W01', row: 2, kind: 'bureau', parent: '', otherKind: 'ward', otherParent: '' },
      }),
    ]);
  });

  it('refuses a file without the required columns, naming them', async () => {
    const header = HEADER.replace('grade_code,', '').replace(',starts_on', '');
    const err = await parseRoster(csv(`${header}\n`)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RosterFileError);
    expect((err as RosterFileError).errors.map((e) => [e.row, e.field, e.code, e.params])).toEqual([
      [1, 'grade_code', 'column_missing', { column: 'grade_code', header: '職位コード' }],
      [1, 'starts_on', 'column_missing', { column: 'starts_on', header: '発令日' }],
    ]);
  });

  it('refuses a header naming a column twice', async () => {
    const err = await parseRoster(csv(`${HEADER},職員番号\n`)).catch((e: unknown) => e);
    expect((err as RosterFileError).errors).toEqual([
      {
        row: 1,
        field: 'employee_number',
        code: 'column_duplicate',
        params: { column: 'employee_number' },
        message: 'The column employee_number appears twice.',
      },
    ]);
  });

  it('refuses an empty file', async () => {
    await expect(parseRoster(csv(''))).rejects.toThrow(RosterFileError);
    await expect(parseRoster(csv('\r\n,,,\r\n'))).rejects.toMatchObject({ code: 'roster_empty', errors: [] });
  });

  it('names the header problems roster_columns', async () => {
    const err = await parseRoster(csv(`${HEADER},職員番号\n`)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'roster_columns', params: {} });
  });

  it('refuses text that is neither UTF-8 nor Shift_JIS', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\r\n`), Buffer.from([0xfd, 0xfe, 0xff])]);
    const err = await parseRoster({ name: 'roster.csv', contentType: 'text/csv', bytes }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RosterFileError);
    expect(err).toMatchObject({ code: 'roster_encoding', errors: [], params: {} });
  });

  it('refuses more rows than the limit, saying how many and the limit', async () => {
    const text = `${HEADER}\n${'x\n'.repeat(ROSTER_MAX_ROWS + 1)}`;
    const err = await parseRoster(csv(text)).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'roster_too_many_rows',
      params: { rows: ROSTER_MAX_ROWS + 1, max: ROSTER_MAX_ROWS },
    });
  });
});

describe('parseRoster: Excel', () => {
  async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('職員名簿');
    for (const r of rows) sheet.addRow(r);
    wb.addWorksheet('ignored').addRow(['nothing', 'here']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the first worksheet: numbers, dates and booleans as cells, rows numbered as Excel shows them', async () => {
    const header = JA_HEADER.split(',');
    const bytes = await workbook([
      header,
      [
        100001,
        '青葉 太郎',
        'アオバ タロウ',
        'Taro Aoba',
        't.aoba',
        { text: 't.aoba@example.jp', hyperlink: 'mailto:t.aoba@example.jp' },
        'JIMU',
        'SHUJI',
        new Date(Date.UTC(2015, 3, 1)),
        '局',
        'B01',
        { richText: [{ text: '総務' }, { text: '局' }] },
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        true,
        new Date(Date.UTC(2024, 3, 1)),
      ],
      [],
      ROW_2.split(','),
    ]);
    const parsed = await parseRoster({
      name: '名簿.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes,
    });
    expect(parsed).toMatchObject({ format: 'xlsx', encoding: null, rowCount: 2, errors: [] });
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(parsed.rows[0]?.data).toMatchObject({
      employeeNumber: '100001',
      email: 't.aoba@example.jp',
      hireDate: '2015-04-01',
      startsOn: '2024-04-01',
      isHead: true,
      units: [{ kind: 'bureau', code: 'B01', name: '総務局' }],
    });
    expect(parsed.rows[1]?.data.employeeNumber).toBe('100002');
  });

  it('reports bad cells with their Excel row', async () => {
    const bytes = await workbook([
      HEADER.split(','),
      ROW_1.split(','),
      ROW_1.replace('SHUJI', '').split(','),
    ]);
    const parsed = await parseRoster({ name: 'r.xlsx', contentType: 'application/octet-stream', bytes });
    expect(parsed.errors).toEqual([
      { row: 3, field: 'grade_code', code: 'required', params: {}, message: 'Required.' },
    ]);
  });

  it('refuses a broken workbook', async () => {
    const bytes = Buffer.from('PK\u0003\u0004 not really a zip');
    await expect(parseRoster({ name: 'x.xlsx', contentType: '', bytes })).rejects.toThrow(/Excel/);
    await expect(parseRoster({ name: 'x.xlsx', contentType: '', bytes })).rejects.toMatchObject({
      code: 'roster_unreadable',
    });
  });

  it('refuses a workbook without a worksheet', async () => {
    const bytes = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    await expect(parseRoster({ name: 'x.xlsx', contentType: '', bytes })).rejects.toMatchObject({
      code: 'roster_no_sheet',
    });
  });
});
