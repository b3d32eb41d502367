import { randomUUID } from 'node:crypto';
import type { Permission } from '@portal/contracts';
import { ROSTER_COLUMN_NAMES, type RosterColumn } from '@portal/contracts/roster/roster.schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/database.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { AppError, ForbiddenError } from '../../shared/errors.ts';
import { createRosterService, rosterToken } from './roster.service.ts';

const database = useTestDatabase();

const actorWith = (permissions: Permission[]): Actor => ({
  staffId: randomUUID(),
  sessionId: 't',
  roles: ['staff', 'hr_admin'],
  permissions: new Set(permissions),
  teamPaths: [],
  overrideStaffIds: [],
  bureauIds: [],
});
const hr = actorWith(['roster:import:any']);
const meta = { ip: '127.0.0.1', requestId: 'test-request' };

/** The grades and job families of DOMAIN.md §8 the rows use, created where the template lacks them. */
async function ensureReferenceData(db: Db) {
  const grades = [
    ['shuji', '主事・技師', 'Staff', false],
    ['shunin', '主任', 'Senior staff', false],
    ['kakaricho', '係長', 'Section chief', true],
  ] as const;
  const existingGrades = new Set((await db.grade.findMany({ select: { code: true } })).map((g) => g.code));
  let rank = ((await db.grade.aggregate({ _max: { rank: true } }))._max.rank ?? 0) + 1;
  for (const [code, nameJa, nameEn, managerial] of grades) {
    if (!existingGrades.has(code))
      await db.grade.create({ data: { code, rank: rank++, nameJa, nameEn, managerial } });
  }
  for (const [code, nameJa, nameEn] of [
    ['jimu', '事務', 'Administrative'],
    ['doboku', '土木', 'Civil engineering'],
  ] as const) {
    await db.jobFamily.upsert({ where: { code }, update: {}, create: { code, nameJa, nameEn } });
  }
}

type Row = Partial<Record<RosterColumn, string>>;

const person = (n: number, over: Row = {}): Row => ({
  employee_number: `RT${String(n).padStart(5, '0')}`,
  name: `試験 ${n}郎`,
  name_kana: 'シケン タロウ',
  name_en: `Taro Test ${n}`,
  login_id: `rt.user${n}`,
  email: `rt.user${n}@example.jp`,
  job_family_code: 'jimu',
  grade_code: 'shuji',
  hire_date: '2018-04-01',
  bureau_kind: 'bureau',
  bureau_code: 'RT-B1',
  bureau_name: '試験局',
  department_code: 'RT-B1-D1',
  department_name: '試験部',
  division_code: 'RT-B1-D1-K1',
  division_name: '試験課',
  section_code: 'RT-B1-D1-K1-S1',
  section_name: '試験係',
  post: '',
  is_head: '0',
  starts_on: '2024-04-01',
  ...over,
});

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csvFile = (rows: Row[], name = '職員名簿.csv') => ({
  name,
  contentType: 'text/csv',
  bytes: Buffer.from(
    [
      ROSTER_COLUMN_NAMES.join(','),
      ...rows.map((r) => ROSTER_COLUMN_NAMES.map((c) => quote(r[c] ?? '')).join(',')),
    ].join('\r\n'),
  ),
});

async function counts(db: Db) {
  const [staff, units, assignments, audit] = await Promise.all([
    db.staff.count(),
    db.orgUnit.count(),
    db.assignment.count(),
    db.auditLog.count(),
  ]);
  return { staff, units, assignments, audit };
}

async function preview(file: ReturnType<typeof csvFile>) {
  return createRosterService({ db: database().db }).previewRoster(hr, file);
}
async function apply(file: ReturnType<typeof csvFile>, token = rosterToken(file.bytes)) {
  return createRosterService({ db: database().db }).applyRoster(hr, file, token, meta);
}

const BASE = [
  person(1),
  person(2, { post: '係長', is_head: 'はい', grade_code: 'kakaricho' }),
  // A ward, with a person placed in a 課 directly
  person(3, {
    bureau_kind: 'ward',
    bureau_code: 'RT-W1',
    bureau_name: '試験区',
    department_code: 'RT-W1-D1',
    department_name: '区民部',
    division_code: 'RT-W1-D1-K1',
    division_name: '区民課',
    section_code: '',
    section_name: '',
    job_family_code: 'doboku',
  }),
];

describe('roster import', () => {
  beforeAll(async () => {
    await ensureReferenceData(database().db);
  });

  it('refuses anyone without roster:import:any, before reading the file', async () => {
    const service = createRosterService({ db: database().db });
    const file = csvFile(BASE);
    const staffOnly = actorWith(['policy:read:any', 'staff:read:self']);
    await expect(service.previewRoster(staffOnly, file)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(service.applyRoster(staffOnly, file, rosterToken(file.bytes), meta)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('previews a new file: counts, new units, a sample of changes, and writes nothing', async () => {
    const db = database().db;
    const before = await counts(db);
    const file = csvFile(BASE);
    const result = await preview(file);
    expect(result.token).toBe(rosterToken(file.bytes));
    expect(result).toMatchObject({
      fileName: '職員名簿.csv',
      format: 'csv',
      encoding: 'utf-8',
      totals: { rows: 3, valid: 3, invalid: 0, create: 3, update: 0, unchanged: 0 },
      units: { create: 7 },
      assignments: { start: 3, end: 0, correct: 0 },
      errors: [],
      errorCount: 0,
    });
    expect(result.newUnits.map((u) => [u.code, u.kind, u.parentCode])).toEqual([
      ['RT-B1', 'bureau', null],
      ['RT-B1-D1', 'department', 'RT-B1'],
      ['RT-B1-D1-K1', 'division', 'RT-B1-D1'],
      ['RT-B1-D1-K1-S1', 'section', 'RT-B1-D1-K1'],
      ['RT-W1', 'ward', null],
      ['RT-W1-D1', 'department', 'RT-W1'],
      ['RT-W1-D1-K1', 'division', 'RT-W1-D1'],
    ]);
    expect(result.sample[1]).toMatchObject({
      row: 3,
      employeeNumber: 'RT00002',
      action: 'create',
      changes: expect.arrayContaining([{ field: 'post', from: null, to: '係長' }]),
    });
    expect(await counts(db)).toEqual(before);
  });

  it('shows each bad row with its field; apply refuses the file and writes nothing', async () => {
    const db = database().db;
    const file = csvFile([
      ...BASE,
      person(4, { grade_code: 'no-such-grade' }),
      person(5, { starts_on: '2024-13-01', job_family_code: 'no-such-family' }),
      person(6, { login_id: 'rt.user1' }),
    ]);
    const result = await preview(file);
    expect(result.totals).toEqual({ rows: 6, valid: 3, invalid: 3, create: 3, update: 0, unchanged: 0 });
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [5, 'grade_code'],
      [6, 'starts_on'],
      [7, 'login_id'],
    ]);
    expect(result.errors[0]?.message).toContain('no-such-grade');
    expect(result.errors.map((e) => [e.code, e.params])).toEqual([
      ['unknown_grade', { value: 'no-such-grade' }],
      ['invalid_date', {}],
      ['duplicate_login_id', { value: 'rt.user1', row: 2 }],
    ]);

    const before = await counts(db);
    const error = await apply(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 409, code: 'roster_invalid_rows' });
    expect((error as AppError).extra.errors?.map((e) => e.field)).toEqual([
      'row[5].grade_code',
      'row[6].starts_on',
      'row[7].login_id',
    ]);
    expect((error as AppError).extra.errors?.[0]).toMatchObject({
      code: 'unknown_grade',
      params: { value: 'no-such-grade' },
    });
    expect(await counts(db)).toEqual(before);
  });

  it('applies a file: the org tree by codes, people without passwords, their posts; audited', async () => {
    const db = database().db;
    const before = await counts(db);
    const file = csvFile(BASE);
    const result = await apply(file);
    expect(result).toMatchObject({
      token: rosterToken(file.bytes),
      totals: { rows: 3, valid: 3, invalid: 0, create: 3, update: 0, unchanged: 0 },
      units: { created: 7 },
      staff: { created: 3, updated: 0, unchanged: 0 },
      assignments: { started: 3, ended: 0, corrected: 0 },
    });
    expect(await counts(db)).toEqual({
      staff: before.staff + 3,
      units: before.units + 7,
      assignments: before.assignments + 3,
      audit: before.audit + 1,
    });

    const units = new Map(
      (await db.orgUnit.findMany({ where: { code: { startsWith: 'RT-' } } })).map((u) => [u.code, u]),
    );
    const bureau = units.get('RT-B1');
    const section = units.get('RT-B1-D1-K1-S1');
    const ward = units.get('RT-W1');
    const wardDivision = units.get('RT-W1-D1-K1');
    expect(bureau).toMatchObject({
      kind: 'bureau',
      parentId: null,
      bureauId: bureau?.id,
      path: `/${bureau?.id}/`,
    });
    expect(section).toMatchObject({ kind: 'section', nameJa: '試験係', bureauId: bureau?.id });
    expect(section?.path).toBe(
      `/${bureau?.id}/${units.get('RT-B1-D1')?.id}/${units.get('RT-B1-D1-K1')?.id}/${section?.id}/`,
    );
    expect(section?.validFrom.toISOString().slice(0, 10)).toBe('2024-04-01');
    expect(ward?.kind).toBe('ward');
    expect(wardDivision).toMatchObject({ bureauId: ward?.id, parentId: units.get('RT-W1-D1')?.id });

    const chief = await db.staff.findUniqueOrThrow({
      where: { employeeNumber: 'RT00002' },
      include: { assignments: { include: { grade: true } }, jobFamily: true },
    });
    expect(chief).toMatchObject({
      nameJa: '試験 2郎',
      loginId: 'rt.user2',
      passwordHash: null,
      jobFamily: { code: 'jimu' },
    });
    expect(chief.hireDate.toISOString().slice(0, 10)).toBe('2018-04-01');
    expect(chief.assignments).toHaveLength(1);
    expect(chief.assignments[0]).toMatchObject({
      orgUnitId: section?.id,
      postJa: '係長',
      isHead: true,
      endsOn: null,
      grade: { code: 'kakaricho' },
    });
    const wardPerson = await db.staff.findUniqueOrThrow({
      where: { employeeNumber: 'RT00003' },
      include: { assignments: true },
    });
    expect(wardPerson.assignments[0]?.orgUnitId).toBe(wardDivision?.id);

    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: 'roster.import' },
      orderBy: { id: 'desc' },
    });
    expect(audit).toMatchObject({
      actorId: hr.staffId,
      entityType: 'roster',
      entityId: result.token,
      ip: '127.0.0.1',
      requestId: 'test-request',
      after: { fileName: '職員名簿.csv', totals: result.totals, staff: result.staff },
    });
  });

  it('applying the same file again changes nothing and reports every row unchanged', async () => {
    const db = database().db;
    const snapshot = async () => ({
      staff: await db.staff.findMany({
        where: { employeeNumber: { startsWith: 'RT' } },
        orderBy: { id: 'asc' },
      }),
      units: await db.orgUnit.findMany({ where: { code: { startsWith: 'RT-' } }, orderBy: { id: 'asc' } }),
      assignments: await db.assignment.findMany({ orderBy: { id: 'asc' } }),
    });
    const before = await snapshot();
    const file = csvFile(BASE);
    expect((await preview(file)).totals).toEqual({
      rows: 3,
      valid: 3,
      invalid: 0,
      create: 0,
      update: 0,
      unchanged: 3,
    });
    const result = await apply(file);
    expect(result).toMatchObject({
      totals: { create: 0, update: 0, unchanged: 3 },
      units: { created: 0 },
      staff: { created: 0, updated: 0, unchanged: 3 },
      assignments: { started: 0, ended: 0, corrected: 0 },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a new grade from a later date ends the current post the day before and starts the new one', async () => {
    const db = database().db;
    const rows = [
      person(1, { grade_code: 'shunin', starts_on: '2025-04-01', email: 'new@example.jp' }),
      ...BASE.slice(1),
    ];
    const file = csvFile(rows);
    const previewed = await preview(file);
    expect(previewed.totals).toMatchObject({ create: 0, update: 1, unchanged: 2 });
    expect(previewed.assignments).toEqual({ start: 1, end: 1, correct: 0 });
    expect(previewed.sample).toEqual([
      {
        row: 2,
        employeeNumber: 'RT00001',
        name: '試験 1郎',
        action: 'update',
        changes: [
          { field: 'email', from: 'rt.user1@example.jp', to: 'new@example.jp' },
          {
            field: 'grade_code',
            from: 'shuji',
            to: 'shunin',
            // what the codes name, for the preview's reader
            fromName: { ja: '主事・技師', en: 'Staff (shuji/gishi)' },
            toName: { ja: '主任', en: 'Senior staff (shunin)' },
          },
        ],
      },
    ]);

    const result = await apply(file, previewed.token);
    expect(result).toMatchObject({
      staff: { created: 0, updated: 1, unchanged: 2 },
      assignments: { started: 1, ended: 1, corrected: 0 },
    });
    const staff = await db.staff.findUniqueOrThrow({
      where: { employeeNumber: 'RT00001' },
      include: { assignments: { include: { grade: true }, orderBy: { startsOn: 'asc' } } },
    });
    expect(staff.email).toBe('new@example.jp');
    expect(staff.version).toBe(2);
    expect(
      staff.assignments.map((a) => [
        a.grade.code,
        a.startsOn.toISOString().slice(0, 10),
        a.endsOn?.toISOString().slice(0, 10) ?? null,
      ]),
    ).toEqual([
      ['shuji', '2024-04-01', '2025-03-31'],
      ['shunin', '2025-04-01', null],
    ]);
    // And again: nothing left to do.
    expect((await apply(file)).totals).toMatchObject({ update: 0, unchanged: 3 });
  });

  it('a change starting the same day as the current post corrects it in place', async () => {
    const db = database().db;
    const rows = [
      person(1, { grade_code: 'shunin', starts_on: '2025-04-01', email: 'new@example.jp' }),
      person(2, { post: '係長', is_head: '1', grade_code: 'kakaricho', section_code: '', section_name: '' }),
      BASE[2] as Row,
    ];
    const result = await apply(csvFile(rows));
    expect(result).toMatchObject({
      assignments: { started: 0, ended: 0, corrected: 1 },
      totals: { update: 1 },
    });
    const chief = await db.staff.findUniqueOrThrow({
      where: { employeeNumber: 'RT00002' },
      include: { assignments: { include: { orgUnit: true } } },
    });
    expect(chief.assignments.map((a) => [a.orgUnit.code, a.endsOn])).toEqual([['RT-B1-D1-K1', null]]);
  });

  it('refuses rows that contradict the database: a post older than the current one, a unit moved', async () => {
    const file = csvFile([
      person(1, { grade_code: 'kakaricho', starts_on: '2020-04-01', email: 'new@example.jp' }),
      person(7, {
        department_code: 'RT-W1-D1',
        department_name: '区民部',
        division_code: '',
        division_name: '',
        section_code: '',
        section_name: '',
      }),
      person(8, { section_code: 'RT-B1-D1-K1-S2', section_name: '新しい係' }),
    ]);
    const result = await preview(file);
    expect(result.errors.map((e) => [e.row, e.field, e.code, e.params])).toEqual([
      [2, 'starts_on', 'post_before_current', { date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }],
      [
        3,
        'department_code',
        'unit_mismatch',
        {
          code: 'RT-W1-D1',
          kind: 'department',
          parent: 'RT-B1',
          existingKind: 'department',
          existingParent: 'RT-W1',
        },
      ],
    ]);
    expect(result.totals).toMatchObject({ valid: 1, invalid: 2, create: 1 });
    expect(result.newUnits).toEqual([
      { code: 'RT-B1-D1-K1-S2', kind: 'section', name: '新しい係', parentCode: 'RT-B1-D1-K1' },
    ]);
  });

  it('refuses posts in a unit closed before they start', async () => {
    await database().db.orgUnit.update({
      where: { code: 'RT-W1-D1-K1' },
      data: { validTo: new Date('2024-12-31T00:00:00Z') },
    });
    const result = await preview(csvFile([{ ...(BASE[2] as Row), starts_on: '2025-04-01' }]));
    expect(result.errors).toEqual([
      {
        row: 2,
        field: 'division_code',
        code: 'unit_closed',
        params: { code: 'RT-W1-D1-K1', date: '2024-12-31' },
        message: 'Unit RT-W1-D1-K1 was closed on 2024-12-31.',
      },
    ]);
  });

  it('refuses a file that is not the one previewed', async () => {
    const previewed = await preview(csvFile(BASE));
    const other = csvFile([...BASE, person(9)]);
    await expect(apply(other, previewed.token)).rejects.toMatchObject({
      status: 409,
      code: 'roster_token_mismatch',
    });
  });

  it('answers an unreadable file with 400 and the missing columns', async () => {
    const file = { name: 'x.csv', contentType: 'text/csv', bytes: Buffer.from('氏名,職員番号\n青葉,1\n') };
    const error = await preview(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 400, code: 'roster_columns' });
    expect((error as AppError).extra.errors?.map((e) => e.field)).toContain('row[1].login_id');
    expect((error as AppError).extra.errors).toContainEqual({
      field: 'row[1].login_id',
      code: 'column_missing',
      params: { column: 'login_id', header: 'ログインID' },
      message: 'The column login_id (ログインID) is missing.',
    });
  });

  it('answers a file it cannot read with 400, its code on the problem and on `body`', async () => {
    const file = { name: 'x.csv', contentType: 'text/csv', bytes: Buffer.from([0xfd, 0xfe, 0xff]) };
    const error = await preview(file).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'roster_encoding' });
    expect((error as AppError).extra.errors).toEqual([
      {
        field: 'body',
        code: 'roster_encoding',
        params: {},
        message: 'The file is neither UTF-8 nor Shift_JIS text.',
      },
    ]);
    const applied = await apply(file, rosterToken(file.bytes)).catch((e: unknown) => e);
    expect(applied).toMatchObject({ status: 400, code: 'roster_encoding' });
  });
});
