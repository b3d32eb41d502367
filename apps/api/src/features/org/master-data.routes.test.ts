/**
 * HR maintains the grade ladder (職位) and the job families (職種) through the real app and database:
 * add (idempotent), rename in ja/en, reorder, retire; versioned and audited. The roster import, course
 * targeting and the career-path ladder follow the live lists: a new one is offered at once, a retired
 * one stays on history and on the records that have it and is offered for nothing new.
 */
import { ROSTER_COLUMN_NAMES, type RosterColumn } from '@portal/contracts/roster/roster.schemas';
import { describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../../../test/app.ts';

const ctx = useTestApp();

type Json = Record<string, unknown>;
type GradeItem = {
  id: string;
  code: string;
  rank: number;
  name: { ja: string; en: string };
  retired: boolean;
  version: number;
};
type JobItem = {
  id: string;
  code: string;
  position: number;
  name: { ja: string; en: string };
  retired: boolean;
  version: number;
};

async function call(
  who: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  const { app } = ctx();
  const cookie = await signIn(app, who);
  return app.inject({
    method,
    url,
    headers: { cookie, ...headers },
    ...(payload === undefined ? {} : { payload: payload as Json }),
  });
}

const grades = async (all = false) =>
  (await call('demo-hr', 'GET', `/api/grades${all ? '?includeRetired=true' : ''}`)).json<{
    items: GradeItem[];
  }>().items;
const jobFamilies = async (all = false) =>
  (await call('demo-hr', 'GET', `/api/job-families${all ? '?includeRetired=true' : ''}`)).json<{
    items: JobItem[];
  }>().items;

type Row = Partial<Record<RosterColumn, string>>;
const person = (n: number, over: Row = {}): Row => ({
  employee_number: `MD${String(n).padStart(5, '0')}`,
  name: `職位 ${n}子`,
  name_kana: 'ショクイ ハナコ',
  name_en: `Hanako Shokui ${n}`,
  login_id: `md.user${n}`,
  email: `md.user${n}@city.sendai.example`,
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
const csv = (rows: Row[]) =>
  Buffer.from(
    [
      ROSTER_COLUMN_NAMES.join(','),
      ...rows.map((r) => ROSTER_COLUMN_NAMES.map((c) => r[c] ?? '').join(',')),
    ].join('\r\n'),
  );

async function importRoster(rows: Row[]) {
  const { app } = ctx();
  const cookie = await signIn(app, 'demo-hr');
  const headers = { cookie, 'content-type': 'text/csv', 'x-file-name': 'roster.csv' };
  const file = csv(rows);
  const preview = await app.inject({
    method: 'POST',
    url: '/api/roster-imports/preview',
    headers,
    payload: file,
  });
  expect(preview.statusCode).toBe(200);
  const body = preview.json();
  if (body.errorCount > 0) return { preview: body, applied: null };
  const applied = await app.inject({
    method: 'POST',
    url: `/api/roster-imports?token=${body.token}`,
    headers,
    payload: file,
  });
  expect(applied.statusCode).toBe(200);
  return { preview: body, applied: applied.json() };
}

const auditOf = (entityId: string) =>
  ctx().database.db.auditLog.findMany({
    where: { entityId },
    orderBy: { at: 'asc' },
    select: { action: true, actorId: true },
  });

describe('grades (職位)', () => {
  it('HR adds a grade at the top of the ladder, once per Idempotency-Key; a code in use is refused by field', async () => {
    const before = await grades();
    const key = `grade-${crypto.randomUUID()}`;
    const body = {
      code: 'fuku-kyokucho',
      nameJa: '次長',
      nameEn: 'Deputy director-general',
      managerial: true,
    };
    const first = await call('demo-hr', 'POST', '/api/grades', body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    const created = first.json<GradeItem>();
    expect(created).toMatchObject({
      code: 'fuku-kyokucho',
      name: { ja: '次長', en: 'Deputy director-general' },
      retired: false,
      version: 1,
    });
    expect(created.rank).toBeGreaterThan(Math.max(...before.map((g) => g.rank)));
    const again = await call('demo-hr', 'POST', '/api/grades', body, { 'idempotency-key': key });
    expect(again.json<GradeItem>().id).toBe(created.id);
    expect((await grades()).filter((g) => g.code === 'fuku-kyokucho')).toHaveLength(1);

    const taken = await call('demo-hr', 'POST', '/api/grades', { ...body, code: 'SHUJI' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().errors).toEqual([expect.objectContaining({ field: 'body.code', code: 'taken' })]);
    const bad = await call('demo-hr', 'POST', '/api/grades', {
      code: 'ない/コード',
      nameJa: '',
      nameEn: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.code', 'body.nameJa']);

    expect(await auditOf(created.id)).toEqual([expect.objectContaining({ action: 'grade.create' })]);
    const staff = await call('demo-staff', 'POST', '/api/grades', { ...body, code: 'by-staff' });
    expect(staff.statusCode).toBe(403);
  });

  it('renames in ja and en with the version it saw; a stale version is a 409 with the grade as it is', async () => {
    const shunin = (await grades()).find((g) => g.code === 'shunin');
    if (!shunin) throw new Error('no 主任');
    const renamed = await call('demo-hr', 'PUT', `/api/grades/${shunin.id}`, {
      version: shunin.version,
      nameJa: '主任（一般）',
      nameEn: 'Senior staff',
      managerial: false,
      retired: false,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: { ja: '主任（一般）', en: 'Senior staff' },
      version: shunin.version + 1,
    });
    const stale = await call('demo-hr', 'PUT', `/api/grades/${shunin.id}`, {
      version: shunin.version,
      nameJa: '上書き',
      nameEn: 'Overwrite',
      managerial: false,
      retired: false,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', current: { name: { ja: '主任（一般）' } } });
    expect((await auditOf(shunin.id)).map((a) => a.action)).toEqual(['grade.update']);
  });

  it('reorders the whole ladder; a list someone changed meanwhile, or one that leaves a grade out, is a 409', async () => {
    const ladder = await grades(true);
    const codes = ladder.map((g) => g.code);
    // move 主任 one step down (below 主事・技師) and back
    const swapped = [ladder[1], ladder[0], ...ladder.slice(2)].map((g) => ({
      id: g?.id ?? '',
      version: g?.version ?? 0,
    }));
    const res = await call('demo-hr', 'PUT', '/api/grades/order', { items: swapped });
    expect(res.statusCode).toBe(200);
    const after = res.json<{ items: GradeItem[] }>().items;
    expect(after.map((g) => g.code)).toEqual([codes[1], codes[0], ...codes.slice(2)]);
    expect(after.map((g) => g.rank)).toEqual(after.map((_, i) => i + 1));
    expect((await grades()).map((g) => g.code).slice(0, 2)).toEqual([codes[1], codes[0]]);

    // the versions of the first list are stale now
    const stale = await call('demo-hr', 'PUT', '/api/grades/order', {
      items: ladder.map((g) => ({ id: g.id, version: g.version })),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.items.map((g: GradeItem) => g.code)).toEqual(after.map((g) => g.code));
    const missing = await call('demo-hr', 'PUT', '/api/grades/order', {
      items: after.slice(1).map((g) => ({ id: g.id, version: g.version })),
    });
    expect(missing.statusCode).toBe(409);
    const twice = await call('demo-hr', 'PUT', '/api/grades/order', {
      items: [...after, after[0]].map((g) => ({ id: g?.id, version: g?.version })),
    });
    expect(twice.statusCode).toBe(400);
    expect((await grades(true)).map((g) => g.code)).toEqual(after.map((g) => g.code));

    const back = await call('demo-hr', 'PUT', '/api/grades/order', {
      items: [after[1], after[0], ...after.slice(2)].map((g) => ({ id: g?.id, version: g?.version })),
    });
    expect(back.statusCode).toBe(200);
    expect(back.json().items.map((g: GradeItem) => g.code)).toEqual(codes);
    const audit = await ctx().database.db.auditLog.count({ where: { action: 'grade.reorder' } });
    expect(audit).toBe(2);
  });

  it('a new grade is offered at once: the roster import places people in it and the career ladder shows it in order', async () => {
    const created = (
      await call('demo-hr', 'POST', '/api/grades', {
        code: 'sanji-ho',
        nameJa: '参事補',
        nameEn: 'Assistant counsellor',
      })
    ).json<GradeItem>();
    // between 課長・主幹 and 部長・参事
    const ladder = await grades(true);
    const ids = ladder.filter((g) => g.id !== created.id);
    const at = ids.findIndex((g) => g.code === 'bucho');
    const order = [...ids.slice(0, at), created, ...ids.slice(at)].map((g) => ({
      id: g.id,
      version: g.version,
    }));
    expect((await call('demo-hr', 'PUT', '/api/grades/order', { items: order })).statusCode).toBe(200);

    const { preview, applied } = await importRoster([person(1, { grade_code: 'sanji-ho' })]);
    expect(preview.errorCount).toBe(0);
    expect(applied).not.toBeNull();
    const staff = await ctx().database.db.staff.findUniqueOrThrow({ where: { employeeNumber: 'MD00001' } });
    const path = await call('demo-hr', 'GET', `/api/staff/${staff.id}/career-path`);
    expect(path.statusCode).toBe(200);
    const steps = path
      .json()
      .steps.map((s: { grade: { code: string }; state: string }) => [s.grade.code, s.state]);
    const codes = steps.map(([c]: [string]) => c);
    expect(codes.indexOf('sanji-ho')).toBe(codes.indexOf('kacho') + 1);
    expect(steps).toContainEqual(['sanji-ho', 'current']);

    const options = (await call('demo-hr', 'GET', '/api/trainings/options')).json();
    expect(options.grades.map((g: GradeItem) => g.code)).toContain('sanji-ho');
  });

  it('a retired grade stays on history and on the courses that have it, and is offered for nothing new', async () => {
    const { db } = ctx().database;
    const created = (
      await call('demo-hr', 'POST', '/api/grades', {
        code: 'tokubetsu',
        nameJa: '特別職位',
        nameEn: 'Special grade',
      })
    ).json<GradeItem>();
    // the one who holds it, and someone on a grade in use
    const placed = await importRoster([person(2, { grade_code: 'tokubetsu' }), person(4)]);
    expect(placed.preview.errorCount).toBe(0);
    const holder = await db.staff.findUniqueOrThrow({ where: { employeeNumber: 'MD00002' } });
    const other = await db.staff.findUniqueOrThrow({ where: { employeeNumber: 'MD00004' } });
    const course = await call('demo-hr', 'POST', '/api/trainings', {
      title: { ja: '特別研修', en: 'Special course' },
      kind: 'institute_elective',
      hours: 2,
      fiscalYears: [2026],
      targetGradeIds: [created.id],
    });
    expect(course.statusCode).toBe(201);

    const retired = await call('demo-hr', 'PUT', `/api/grades/${created.id}`, {
      version: created.version,
      nameJa: created.name.ja,
      nameEn: created.name.en,
      managerial: false,
      retired: true,
    });
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ retired: true, retiredAt: expect.any(String) });
    expect((await auditOf(created.id)).map((a) => a.action)).toEqual(['grade.create', 'grade.retire']);

    // not offered: the pickers, the course editor's options
    expect((await grades()).map((g) => g.code)).not.toContain('tokubetsu');
    expect((await grades(true)).find((g) => g.code === 'tokubetsu')?.retired).toBe(true);
    const options = (await call('demo-hr', 'GET', '/api/trainings/options')).json();
    expect(options.grades.map((g: GradeItem) => g.code)).not.toContain('tokubetsu');

    // kept: the person's post and the course's target
    const detail = (await call('demo-hr', 'GET', `/api/staff/${holder.id}`)).json();
    expect(JSON.stringify(detail)).toContain('特別職位');
    const saved = course.json();
    const kept = await call('demo-hr', 'PUT', `/api/trainings/${saved.id}`, {
      title: { ja: '特別研修（改）', en: 'Special course' },
      kind: 'institute_elective',
      hours: 2,
      fiscalYears: [2026],
      targetGradeIds: [created.id],
      version: saved.version,
    });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().targetGrades.map((g: GradeItem) => g.code)).toEqual(['tokubetsu']);
    // let go: the course saved without it; once gone, it cannot be ticked again
    const dropped = await call('demo-hr', 'PUT', `/api/trainings/${saved.id}`, {
      title: { ja: '特別研修（改）', en: 'Special course' },
      kind: 'institute_elective',
      hours: 2,
      fiscalYears: [2026],
      targetGradeIds: [],
      version: kept.json().version,
    });
    expect(dropped.statusCode).toBe(200);
    expect(dropped.json().targetGrades).toEqual([]);
    const readded = await call('demo-hr', 'PUT', `/api/trainings/${saved.id}`, {
      title: { ja: '特別研修（改）', en: 'Special course' },
      kind: 'institute_elective',
      hours: 2,
      fiscalYears: [2026],
      targetGradeIds: [created.id],
      version: dropped.json().version,
    });
    expect(readded.statusCode).toBe(400);
    expect(readded.json().errors).toEqual([
      expect.objectContaining({ field: 'body.targetGradeIds.0', code: 'retired' }),
    ]);
    // a new course cannot target it
    const refused = await call('demo-hr', 'POST', '/api/trainings', {
      title: { ja: '新しい研修' },
      kind: 'institute_elective',
      hours: 2,
      fiscalYears: [2026],
      targetGradeIds: [created.id],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: 'body.targetGradeIds.0', code: 'retired' }),
    ]);

    // the roster: the holder's unchanged row still imports; nobody is placed in it anew
    const again = await importRoster([person(2, { grade_code: 'tokubetsu' })]);
    expect(again.preview.errorCount).toBe(0);
    const refusedRow = await importRoster([person(3, { grade_code: 'tokubetsu' })]);
    expect(refusedRow.preview.errors).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'grade_code',
        code: 'retired_grade',
        params: { value: 'tokubetsu' },
      }),
    ]);
    expect(refusedRow.preview.errors[0].message).toContain('retired');

    // the career ladder: a step for the one who holds it, none for anyone else
    const holderPath = (await call('demo-hr', 'GET', `/api/staff/${holder.id}/career-path`)).json();
    expect(holderPath.steps.map((s: { grade: { code: string } }) => s.grade.code)).toContain('tokubetsu');
    const otherPath = (await call('demo-hr', 'GET', `/api/staff/${other.id}/career-path`)).json();
    expect(otherPath.steps.map((s: { grade: { code: string } }) => s.grade.code)).not.toContain('tokubetsu');

    // restoring it offers it again
    const restored = await call('demo-hr', 'PUT', `/api/grades/${created.id}`, {
      version: retired.json().version,
      nameJa: created.name.ja,
      nameEn: created.name.en,
      managerial: false,
      retired: false,
    });
    expect(restored.json()).toMatchObject({ retired: false, retiredAt: null });
    expect((await grades()).map((g) => g.code)).toContain('tokubetsu');
  });
});

describe('job families (職種)', () => {
  it('HR adds, renames, reorders and retires them; the roster import and course targeting follow', async () => {
    const list = await jobFamilies(true);
    expect(list.map((j) => j.position)).toEqual(list.map((_, i) => i + 1));
    const created = await call(
      'demo-hr',
      'POST',
      '/api/job-families',
      { code: 'joho', nameJa: '情報', nameEn: 'IT' },
      { 'idempotency-key': 'job-joho' },
    );
    expect(created.statusCode).toBe(201);
    const joho = created.json<JobItem>();
    expect(joho.position).toBe(list.length + 1);

    // to the front, then renamed
    const front = [joho, ...list].map((j) => ({ id: j.id, version: j.version }));
    const moved = await call('demo-hr', 'PUT', '/api/job-families/order', { items: front });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().items[0].code).toBe('joho');
    const now = moved.json().items[0] as JobItem;
    const renamed = await call('demo-hr', 'PUT', `/api/job-families/${joho.id}`, {
      version: now.version,
      nameJa: '情報（ICT）',
      nameEn: 'Information technology',
      retired: false,
    });
    expect(renamed.statusCode).toBe(200);
    const stale = await call('demo-hr', 'PUT', `/api/job-families/${joho.id}`, {
      version: now.version,
      nameJa: 'x',
      nameEn: 'x',
      retired: false,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.name.ja).toBe('情報（ICT）');
    const options = (await call('demo-hr', 'GET', '/api/trainings/options')).json();
    expect(options.jobFamilies[0].code).toBe('joho');

    // the roster: the new code is accepted
    expect((await importRoster([person(10, { job_family_code: 'joho' })])).preview.errorCount).toBe(0);

    // retired: hidden, refused anew, kept for its holder
    const version = renamed.json<JobItem>().version;
    const retired = await call('demo-hr', 'PUT', `/api/job-families/${joho.id}`, {
      version,
      nameJa: '情報（ICT）',
      nameEn: 'Information technology',
      retired: true,
    });
    expect(retired.statusCode).toBe(200);
    expect((await jobFamilies()).map((j) => j.code)).not.toContain('joho');
    expect((await importRoster([person(10, { job_family_code: 'joho' })])).preview.errorCount).toBe(0);
    const refused = await importRoster([person(11, { job_family_code: 'joho' })]);
    expect(refused.preview.errors).toEqual([
      expect.objectContaining({ field: 'job_family_code', code: 'retired_job_family' }),
    ]);
    const course = await call('demo-hr', 'POST', '/api/trainings', {
      title: { ja: '情報研修' },
      kind: 'institute_elective',
      hours: 2,
      fiscalYears: [2026],
      targetJobFamilyIds: [joho.id],
    });
    expect(course.statusCode).toBe(400);
    expect(course.json().errors[0]).toMatchObject({ field: 'body.targetJobFamilyIds.0', code: 'retired' });
    expect((await auditOf(joho.id)).map((a) => a.action)).toEqual([
      'job_family.create',
      'job_family.reorder',
      'job_family.update',
      'job_family.retire',
    ]);
    for (const who of ['demo-staff', 'demo-supervisor', 'demo-bureau', 'demo-exec']) {
      const res = await call(who, 'PUT', `/api/job-families/${joho.id}`, {
        version: retired.json().version,
        nameJa: '乗っ取り',
        nameEn: 'x',
        retired: false,
      });
      expect(res.statusCode).toBe(403);
    }
    expect((await jobFamilies(true)).find((j) => j.id === joho.id)?.name.ja).toBe('情報（ICT）');
  });
});
