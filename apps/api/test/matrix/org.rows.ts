/**
 * The grade ladder (職位) and the job families (職種): everyone signed in reads the ones in use (the
 * retired ones only when asked); only HR adds, renames, retires and reorders them.
 */
import { all, type MatrixRows } from './types.ts';

const hrOnly = (hr: number) => ({
  anon: 401,
  staff: 403,
  supervisor: 403,
  staffOther: 403,
  bureau: 403,
  hr,
  exec: 403,
});

const order = (rows: { id: string; version: number }[]) =>
  JSON.stringify(rows.map((r) => ({ id: r.id, version: r.version })));

export const orgRows: MatrixRows = {
  async prepare(db) {
    const top = await db.grade.aggregate({ _max: { rank: true } });
    const retiredGrade = await db.grade.create({
      data: {
        code: 'matrix-retired',
        rank: (top._max.rank ?? 0) + 1,
        nameJa: '廃止職位',
        nameEn: 'Retired grade',
        retiredAt: new Date(),
      },
    });
    const retiredJob = await db.jobFamily.create({
      data: {
        code: 'matrix-retired',
        nameJa: '廃止職種',
        nameEn: 'Retired job family',
        position: 999,
        retiredAt: new Date(),
      },
    });
    const grades = await db.grade.findMany({ orderBy: { rank: 'asc' } });
    const jobs = await db.jobFamily.findMany({ orderBy: [{ position: 'asc' }, { code: 'asc' }] });
    const lowest = grades[0];
    const firstJob = jobs[0];
    return {
      retiredGrade: retiredGrade.id,
      retiredJobFamily: retiredJob.id,
      lowestGrade: lowest?.id ?? '',
      lowestGradeBody: JSON.stringify({
        version: lowest?.version,
        nameJa: lowest?.nameJa,
        nameEn: lowest?.nameEn,
        managerial: lowest?.managerial,
        retired: false,
      }),
      firstJobFamily: firstJob?.id ?? '',
      firstJobFamilyBody: JSON.stringify({
        version: firstJob?.version,
        nameJa: firstJob?.nameJa,
        nameEn: firstJob?.nameEn,
        retired: false,
      }),
      gradeOrder: order(grades),
      jobFamilyOrder: order(jobs),
    };
  },
  rows: [
    {
      method: 'GET',
      route: '/api/grades',
      url: () => '/api/grades',
      expect: all(200),
      returns: Object.fromEntries(
        (['staff', 'supervisor', 'bureau', 'hr', 'exec'] as const).map((w) => [
          w,
          { in: ['lowestGrade'], out: ['retiredGrade'] },
        ]),
      ),
    },
    {
      method: 'GET',
      route: '/api/grades',
      url: () => '/api/grades?includeRetired=true',
      expect: all(200),
      returns: {
        staff: { in: ['lowestGrade', 'retiredGrade'] },
        hr: { in: ['lowestGrade', 'retiredGrade'] },
      },
    },
    {
      method: 'GET',
      route: '/api/job-families',
      url: () => '/api/job-families',
      expect: all(200),
      returns: Object.fromEntries(
        (['staff', 'supervisor', 'bureau', 'hr', 'exec'] as const).map((w) => [
          w,
          { in: ['firstJobFamily'], out: ['retiredJobFamily'] },
        ]),
      ),
    },
    {
      method: 'GET',
      route: '/api/job-families',
      url: () => '/api/job-families?includeRetired=true',
      expect: all(200),
      returns: { exec: { in: ['firstJobFamily', 'retiredJobFamily'] } },
    },
    // the same order again: HR's answer is the ladder (the lowest grade keeps its rank and version)
    {
      method: 'PUT',
      route: '/api/grades/order',
      url: () => '/api/grades/order',
      body: (t: Record<string, string>) => ({ items: JSON.parse(t.gradeOrder ?? '[]') }),
      expect: hrOnly(200),
      returns: { hr: { in: ['lowestGrade', 'retiredGrade'] } },
    },
    {
      method: 'PUT',
      route: '/api/grades/{id}',
      url: (t) => `/api/grades/${t.lowestGrade}`,
      body: (t: Record<string, string>) => JSON.parse(t.lowestGradeBody ?? '{}'),
      expect: hrOnly(200),
      returns: { hr: { in: ['lowestGrade'] } },
    },
    {
      method: 'POST',
      route: '/api/grades',
      url: () => '/api/grades',
      body: { code: 'matrix-new', nameJa: '新職位', nameEn: 'New grade' },
      expect: hrOnly(201),
    },
    {
      method: 'PUT',
      route: '/api/job-families/order',
      url: () => '/api/job-families/order',
      body: (t: Record<string, string>) => ({ items: JSON.parse(t.jobFamilyOrder ?? '[]') }),
      expect: hrOnly(200),
      returns: { hr: { in: ['firstJobFamily', 'retiredJobFamily'] } },
    },
    {
      method: 'PUT',
      route: '/api/job-families/{id}',
      url: (t) => `/api/job-families/${t.firstJobFamily}`,
      body: (t: Record<string, string>) => JSON.parse(t.firstJobFamilyBody ?? '{}'),
      expect: hrOnly(200),
      returns: { hr: { in: ['firstJobFamily'] } },
    },
    {
      method: 'POST',
      route: '/api/job-families',
      url: () => '/api/job-families',
      body: { code: 'matrix-new', nameJa: '新職種', nameEn: 'New job family' },
      expect: hrOnly(201),
    },
  ],
};
