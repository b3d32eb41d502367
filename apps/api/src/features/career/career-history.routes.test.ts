import type { CareerPath, MyDashboard, PolicyTree, TimelinePage } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { actors, idOf, signablePersonIn } from './career.test-helpers.ts';
import { currentFiscalYear } from './career-plan.shared.ts';

const ctx = useTestApp();
const as = actors(() => ctx().app);
const fy = currentFiscalYear();

let staffId = '';
let otherSupervisor = '';
let policy: PolicyTree;

/** Grade-based courses of our own (the catalogue's demo courses belong to the training feature). */
async function fixtureCourses() {
  const { db } = ctx().database;
  // This file's own catalogue: the demo's courses and enrolments are set aside
  await db.training.updateMany({ where: { kind: 'institute_grade' }, data: { active: false } });
  await db.trainingApplication.deleteMany({ where: { staffId } });
  const grades = new Map((await db.grade.findMany()).map((g) => [g.code, g.id]));
  const young = policy.policyAreas[0]?.initiatives[0]?.id ?? '';
  const course = (code: string, title: string, grade: string, extra = {}) =>
    db.training.create({
      data: {
        code,
        titleJa: title,
        titleEn: `${title} (en)`,
        kind: 'institute_grade',
        targetGradeIds: [grades.get(grade) ?? ''],
        hours: 6,
        initiativeIds: [young],
        staffImageIds: [policy.staffImages[0]?.id ?? ''],
        ...extra,
      },
      select: { id: true },
    });
  const first = await course('t-new', 'テスト新規採用職員研修', 'shuji');
  const second = await course('t-2nd', 'テスト2年目職員研修', 'shuji');
  await course('t-shunin', 'テスト主任研修', 'shunin');
  await course('t-kakari', 'テスト新任係長研修', 'kakaricho');
  await course('t-kacho', 'テスト新任課長研修', 'kacho');
  await course('t-off', 'テスト廃止研修', 'shuji', { active: false });
  const doboku = await db.jobFamily.findFirstOrThrow({ where: { code: 'doboku' } });
  await course('t-doboku', 'テスト土木職研修', 'shuji', { targetJobFamilyIds: [doboku.id] });

  const session = (trainingId: string, startsAt: string) =>
    db.trainingSession.create({
      data: {
        trainingId,
        fiscalYear: 2024,
        startsAt: new Date(startsAt),
        endsAt: new Date(startsAt),
        capacity: 30,
        applicationDeadline: new Date('2024-04-01'),
        status: 'finished',
      },
      select: { id: true },
    });
  const s1 = await session(first.id, '2024-04-10T00:30:00Z');
  const s2 = await session(second.id, '2025-06-10T00:30:00Z');
  await db.trainingApplication.create({
    data: {
      sessionId: s1.id,
      staffId,
      fiscalYear: 2024,
      status: 'accepted',
      completed: true,
      completedOn: new Date('2024-04-12'),
    },
  });
  await db.trainingApplication.create({
    data: { sessionId: s2.id, staffId, fiscalYear: 2025, status: 'accepted' },
  });
}

beforeAll(async () => {
  const { db } = ctx().database;
  staffId = await idOf(db, 'demo-staff');
  otherSupervisor = await signablePersonIn(db, 'somu-1-1-1', true);
  policy = (await as('demo-staff').get('/api/policy')).json<PolicyTree>();
  await fixtureCourses();
});

describe('timeline', () => {
  it('merges assignments, completed training, OJT and self-development, newest first, paginated', async () => {
    const res = await as('demo-staff').get(`/api/staff/${staffId}/timeline?pageSize=100`);
    expect(res.statusCode).toBe(200);
    const page = res.json<TimelinePage>();
    const kinds = new Set(page.items.map((i) => i.kind));
    expect([...kinds]).toEqual(
      expect.arrayContaining(['assignment', 'training', 'self_development', 'qualification']),
    );
    const dates = page.items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(page.total).toBe(page.items.length);
    const assignment = page.items.find((i) => i.kind === 'assignment' && i.endsOn === null);
    expect(assignment).toMatchObject({ date: '2026-04-01', grade: { code: 'shuji' } });
    if (assignment?.kind === 'assignment') {
      expect(assignment.orgPath.map((u) => u.name.ja)).toEqual(['青葉区', '区民部', '戸籍住民課', '戸籍係']);
    }
    // Only the completed course
    const training = page.items.filter((i) => i.kind === 'training');
    expect(training).toEqual([
      expect.objectContaining({
        date: '2024-04-12',
        fiscalYear: 2024,
        title: expect.objectContaining({ ja: 'テスト新規採用職員研修' }),
      }),
    ]);

    const second = (
      await as('demo-staff').get(`/api/staff/${staffId}/timeline?pageSize=2&page=2`)
    ).json<TimelinePage>();
    expect(second.items.map((i) => i.id)).toEqual(page.items.slice(2, 4).map((i) => i.id));
    expect(second.total).toBe(page.total);

    // A page past the end is empty and still says how many there are.
    const beyond = (
      await as('demo-staff').get(`/api/staff/${staffId}/timeline?pageSize=2&page=${page.total + 1}`)
    ).json<TimelinePage>();
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(page.total);
  });

  it('filters by kind, by 職員像, by initiative and tag, and by 年度', async () => {
    const get = async (q: string) =>
      (await as('demo-staff').get(`/api/staff/${staffId}/timeline?pageSize=100&${q}`)).json<TimelinePage>();
    const onlyAssignments = await get('kind=assignment');
    expect(onlyAssignments.items.map((i) => i.kind)).toEqual(['assignment', 'assignment']);
    const two = await get('kind=assignment,qualification');
    expect(new Set(two.items.map((i) => i.kind))).toEqual(new Set(['assignment', 'qualification']));

    const pride = policy.staffImages[0]?.id ?? '';
    const byImage = await get(`staffImageId=${pride}`);
    expect(byImage.items.length).toBeGreaterThan(0);
    expect(byImage.items.every((i) => i.links.staffImages.some((s) => s.id === pride))).toBe(true);

    const careerSupport = policy.policyAreas[0]?.initiatives[0]?.id ?? '';
    const byInitiative = await get(`initiativeId=${careerSupport}`);
    expect(byInitiative.items.map((i) => i.kind)).toContain('training');
    expect(byInitiative.items.every((i) => i.links.initiatives.some((x) => x.id === careerSupport))).toBe(
      true,
    );
    const young = await get('tag=young');
    expect(young.items.every((i) => i.links.tagCodes.includes('young'))).toBe(true);
    expect(young.items.length).toBeGreaterThan(byInitiative.items.length);
    const combined = await get(`tag=combined&initiativeId=${careerSupport}`);
    expect(combined.items).toEqual([]);

    const lastYear = await get(`fiscalYear=${fy - 1}`);
    expect(lastYear.items.every((i) => i.fiscalYear === fy - 1)).toBe(true);

    const bad = await as('demo-staff').get(`/api/staff/${staffId}/timeline?kind=holiday`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/^query\.kind/);
    const big = await as('demo-staff').get(`/api/staff/${staffId}/timeline?pageSize=500`);
    expect(big.statusCode).toBe(400);
  });
});

describe('career path', () => {
  it('shows the ladder up to the highest grade with courses, what is done and what comes next', async () => {
    const res = await as('demo-staff').get(`/api/staff/${staffId}/career-path`);
    expect(res.statusCode).toBe(200);
    const path = res.json<CareerPath>();
    expect(path.currentGrade?.code).toBe('shuji');
    expect(path.currentGradeSince).toBe('2024-04-01');
    expect(path.steps.map((s) => [s.grade.code, s.state])).toEqual([
      ['shuji', 'current'],
      ['shunin', 'next'],
      ['kakaricho', 'future'],
      ['kacho-hosa', 'future'],
      ['kacho', 'future'],
    ]);
    const shuji = path.steps[0];
    expect(shuji?.reachedOn).toBe('2024-04-01');
    expect(shuji?.courses.map((c) => [c.code, c.progress])).toEqual([
      ['t-2nd', 'enrolled'],
      ['t-new', 'completed'],
    ]);
    expect(shuji?.courses[1]?.completedOn).toBe('2024-04-12');
    expect(shuji?.courses[0]?.links.tagCodes).toEqual(['young']);
    expect(path.nextCourses.map((c) => [c.code, c.grade.code])).toEqual([
      ['t-2nd', 'shuji'],
      ['t-shunin', 'shunin'],
    ]);
  });

  it('is visible like the person: the supervisor and HR see it, staff B does not', async () => {
    const get = (who: string) => as(who).get(`/api/staff/${staffId}/career-path`);
    expect((await get('demo-supervisor')).statusCode).toBe(200);
    expect((await get('demo-hr')).statusCode).toBe(200);
    for (const who of ['demo-staff-other', otherSupervisor, 'demo-bureau']) {
      expect((await get(who)).statusCode).toBe(404);
      expect((await as(who).get(`/api/staff/${staffId}/timeline`)).statusCode).toBe(404);
    }
  });
});

describe('my figures', () => {
  it("shows the person's own year: OJT received, plan status, self-development, training", async () => {
    const res = await as('demo-staff').get('/api/dashboards/me');
    expect(res.statusCode).toBe(200);
    const me = res.json<MyDashboard>();
    expect(me.fiscalYear).toBe(fy);
    expect(me.careerPlan.status).toBe('none');
    expect(me.selfDevelopment.records).toBeGreaterThanOrEqual(1);
    expect(me.awaitingMe).toEqual([]);
    const { db } = ctx().database;
    const ojt = await db.ojtStaffYear.findUnique({
      where: { staffId_fiscalYear: { staffId, fiscalYear: fy } },
    });
    expect(me.ojt.sessions).toBe(ojt?.sessions ?? 0);
    expect(me.ojt.minutes).toBe(ojt?.minutes ?? 0);
  });

  it('tells a supervisor what waits for them', async () => {
    const me = (await as('demo-supervisor').get('/api/dashboards/me')).json<MyDashboard>();
    expect(me.awaitingMe.map((a) => a.kind).sort()).toEqual(['career_plan', 'support_request']);
    expect((await ctx().app.inject({ url: '/api/dashboards/me' })).statusCode).toBe(401);
  });
});
