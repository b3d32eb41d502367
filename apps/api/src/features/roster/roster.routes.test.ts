/**
 * 職員名簿の取込 over HTTP, through the real app and database: the file as the raw body, preview with
 * its bad rows, apply with the preview's token, idempotence, and who may do it.
 */
import {
  ROSTER_COLUMN_NAMES,
  ROSTER_MAX_ROWS,
  type RosterColumn,
} from '@portal/contracts/roster/roster.schemas';
import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../../../test/app.ts';

const ctx = useTestApp();

type Row = Partial<Record<RosterColumn, string>>;

/** A new 主事 in the demo organisation's 総務局 総務部 人材育成課 研修係. */
const person = (n: number, over: Row = {}): Row => ({
  employee_number: `HT${String(n).padStart(5, '0')}`,
  name: `取込 ${n}子`,
  name_kana: 'トリコミ ハナコ',
  name_en: `Hanako Torikomi ${n}`,
  login_id: `ht.user${n}`,
  email: `ht.user${n}@city.sendai.example`,
  job_family_code: 'jimu',
  grade_code: 'shuji',
  hire_date: '2025-04-01',
  bureau_kind: 'bureau',
  bureau_code: 'somu',
  bureau_name: '総務局',
  department_code: 'somu-1',
  department_name: '総務部',
  division_code: 'somu-1-2',
  division_name: '人材育成課',
  section_code: 'somu-1-2-1',
  section_name: '研修係',
  post: '',
  is_head: '0',
  starts_on: '2026-04-01',
  ...over,
});

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (rows: Row[]) =>
  Buffer.from(
    [
      ROSTER_COLUMN_NAMES.join(','),
      ...rows.map((r) => ROSTER_COLUMN_NAMES.map((c) => quote(r[c] ?? '')).join(',')),
    ].join('\r\n'),
  );

async function post(url: string, cookie: string, body: Buffer, name = '職員名簿.csv') {
  return ctx().app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'text/csv', 'x-file-name': encodeURIComponent(name) },
    payload: body,
  });
}

describe('POST /api/roster-imports/preview and /api/roster-imports', () => {
  it('previews a file with a bad row: every error with its row and column, and nothing written', async () => {
    const { app, database } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const before = await database.db.staff.count();
    const file = csv([
      person(1),
      person(2, { grade_code: 'no-such-grade' }),
      person(3, { hire_date: '2025-02-30' }),
    ]);
    const res = await post('/api/roster-imports/preview', hr, file);
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({
      fileName: '職員名簿.csv',
      format: 'csv',
      encoding: 'utf-8',
      totals: { rows: 3, valid: 1, invalid: 2, create: 1 },
      errorCount: 2,
    });
    expect(preview.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, 'grade_code'],
      [4, 'hire_date'],
    ]);
    expect(preview.errors[0].message).toContain('no-such-grade');
    expect(preview.errors.map((e: { code: string; params: object }) => [e.code, e.params])).toEqual([
      ['unknown_grade', { value: 'no-such-grade' }],
      ['invalid_date', {}],
    ]);
    expect(preview.token).toMatch(/^[0-9a-f]{64}$/);

    // Applying it is refused as a whole: the bad rows come back as field errors, nothing is written.
    const refused = await post(`/api/roster-imports?token=${preview.token}`, hr, file);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'roster_invalid_rows',
      errors: [
        { field: 'row[3].grade_code', code: 'unknown_grade', params: { value: 'no-such-grade' } },
        { field: 'row[4].hire_date', code: 'invalid_date', params: {} },
      ],
    });
    // Another file than the one previewed is refused too.
    const other = await post(`/api/roster-imports?token=${preview.token}`, hr, csv([person(1)]));
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('roster_token_mismatch');
    expect(await database.db.staff.count()).toBe(before);
  });

  it('refuses a future 採用日 and a 発令日 before the 採用日, row by row, with their codes', async () => {
    const { app } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const tomorrow = new Date(Date.now() + 9 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    const res = await post(
      '/api/roster-imports/preview',
      hr,
      csv([
        person(11, { hire_date: tomorrow, starts_on: tomorrow }),
        person(12, { hire_date: '2025-04-01', starts_on: '2025-03-31' }),
        person(13),
      ]),
    );
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.totals).toMatchObject({ rows: 3, valid: 1, invalid: 2 });
    expect(
      preview.errors.map((e: { row: number; field: string; code: string; params: object }) => [
        e.row,
        e.field,
        e.code,
        e.params,
      ]),
    ).toEqual([
      [2, 'hire_date', 'hire_date_future', { today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }],
      [3, 'starts_on', 'starts_before_hire', { hireDate: '2025-04-01' }],
    ]);
  });

  it('names the grade, job family and unit that each change of the preview concerns', async () => {
    const { app } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const preview = (await post('/api/roster-imports/preview', hr, csv([person(21)]))).json();
    const changes = preview.sample[0].changes as {
      field: string;
      to: string;
      toName: { ja: string; en: string } | null;
    }[];
    expect(changes.find((c) => c.field === 'grade_code')).toMatchObject({
      to: 'shuji',
      toName: { ja: '主事・技師', en: 'Staff (shuji/gishi)' },
    });
    expect(changes.find((c) => c.field === 'unit_code')).toMatchObject({
      to: 'somu-1-2-1',
      toName: { ja: '研修係' },
    });
  });

  it('applies a previewed file with its token: the people, their posts and an audit entry', async () => {
    const { app, database } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const file = csv([person(1), person(2, { grade_code: 'shunin', post: '主任' })]);

    const preview = (await post('/api/roster-imports/preview', hr, file)).json();
    expect(preview).toMatchObject({ totals: { rows: 2, valid: 2, invalid: 0, create: 2 }, errorCount: 0 });
    expect(preview.units.create).toBe(0);

    const res = await post(`/api/roster-imports?token=${preview.token}`, hr, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      token: preview.token,
      fileName: '職員名簿.csv',
      staff: { created: 2, updated: 0, unchanged: 0 },
      units: { created: 0 },
      assignments: { started: 2, ended: 0, corrected: 0 },
    });

    const imported = await database.db.staff.findUniqueOrThrow({
      where: { employeeNumber: 'HT00002' },
      include: { assignments: { include: { orgUnit: true, grade: true } } },
    });
    expect(imported).toMatchObject({ nameJa: '取込 2子', loginId: 'ht.user2', passwordHash: null });
    expect(imported.assignments).toHaveLength(1);
    expect(imported.assignments[0]).toMatchObject({
      postJa: '主任',
      endsOn: null,
      orgUnit: { code: 'somu-1-2-1' },
      grade: { code: 'shunin' },
    });

    // The import is in the audit log, as HR reads it.
    const log = await app.inject({ url: '/api/audit-log?action=roster.import', headers: { cookie: hr } });
    expect(log.statusCode).toBe(200);
    const entry = log.json().items.find((e: { entityId: string }) => e.entityId === preview.token);
    expect(entry).toMatchObject({
      action: 'roster.import',
      entityType: 'roster',
      actor: { name: '森 早紀' },
      after: { fileName: '職員名簿.csv', staff: { created: 2 } },
    });

    // The new people are in the directory.
    const found = await app.inject({ url: '/api/staff?q=HT0000', headers: { cookie: hr } });
    expect(found.json().total).toBe(2);
  });

  it('applying the same file again changes nothing', async () => {
    const { app, database } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const file = csv([person(1), person(2, { grade_code: 'shunin', post: '主任' })]);
    const counts = async () => {
      const [staff, assignments, units] = await Promise.all([
        database.db.staff.count(),
        database.db.assignment.count(),
        database.db.orgUnit.count(),
      ]);
      return { staff, assignments, units };
    };
    const before = await counts();

    const preview = (await post('/api/roster-imports/preview', hr, file)).json();
    expect(preview.totals).toMatchObject({ rows: 2, valid: 2, create: 0, update: 0, unchanged: 2 });
    expect(preview.sample).toEqual([]);

    const res = await post(`/api/roster-imports?token=${preview.token}`, hr, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      staff: { created: 0, updated: 0, unchanged: 2 },
      units: { created: 0 },
      assignments: { started: 0, ended: 0, corrected: 0 },
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a whole file with 400 and a stable code: empty, unreadable, over the row limit', async () => {
    const hr = await signIn(ctx().app, 'demo-hr');
    const empty = await post('/api/roster-imports/preview', hr, Buffer.from(''));
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({
      code: 'roster_empty',
      errors: [{ field: 'body', code: 'roster_empty', params: {} }],
    });
    const blank = await post('/api/roster-imports/preview', hr, Buffer.from('\r\n\r\n'));
    expect(blank.statusCode).toBe(400);
    expect(blank.json().code).toBe('roster_empty');

    const workbook = await post(
      '/api/roster-imports/preview',
      hr,
      Buffer.from('PK\u0003\u0004 broken'),
      'r.xlsx',
    );
    expect(workbook.statusCode).toBe(400);
    expect(workbook.json().code).toBe('roster_unreadable');

    const tooMany = csv(Array.from({ length: ROSTER_MAX_ROWS + 1 }, () => ({ employee_number: 'x' })));
    const res = await post('/api/roster-imports/preview', hr, tooMany);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 400,
      code: 'roster_too_many_rows',
      errors: [
        {
          field: 'body',
          code: 'roster_too_many_rows',
          params: { rows: ROSTER_MAX_ROWS + 1, max: ROSTER_MAX_ROWS },
        },
      ],
    });
  });

  it('refuses anyone but HR with 403, for preview and apply alike', async () => {
    const { app, database } = ctx();
    const file = csv([person(9)]);
    const before = await database.db.staff.count();
    for (const login of ['demo-staff', 'demo-supervisor', 'demo-bureau', 'demo-exec']) {
      const cookie = await signIn(app, login);
      const preview = await post('/api/roster-imports/preview', cookie, file);
      expect(preview.statusCode, login).toBe(403);
      expect(preview.json().code).toBe('forbidden');
      const apply = await post(`/api/roster-imports?token=${'0'.repeat(64)}`, cookie, file);
      expect(apply.statusCode, login).toBe(403);
    }
    expect(await database.db.staff.count()).toBe(before);
  });
});
