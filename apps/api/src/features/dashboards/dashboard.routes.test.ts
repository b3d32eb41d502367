/**
 * The dashboards against a hand-counted organisation: this file's database is emptied of placements
 * and activity, then given one bureau of 10 people with known OJT, training and career plans in the
 * current 年度.
 */
import {
  fiscalYearOf,
  type OrgUnitDashboard,
  type PlanPeriodDetail,
  type RolloutDashboard,
} from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useTestApp } from '../../../test/app.ts';
import { today } from '../../access/access.ts';
import { evaluateMetrics } from '../plan/kpi-metrics.ts';
import { refreshDashboardRollup } from './dashboard-rollup.ts';

const ctx = useTestApp();
const FY = fiscalYearOf(today().toISOString().slice(0, 10));
const cookies: Record<string, string> = {};
let app: FastifyInstance;
const units: Record<string, string> = {};
const get = (who: string, url: string) =>
  app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });

beforeAll(async () => {
  app = ctx().app;
  const { db } = ctx().database;
  for (const who of ['demo-hr', 'demo-exec', 'demo-bureau', 'demo-staff', 'demo-supervisor']) {
    cookies[who] = await signIn(app, who);
  }
  await db.$executeRawUnsafe('DELETE FROM "ojt_session"');
  await db.$executeRawUnsafe('DELETE FROM "training_application"');
  await db.$executeRawUnsafe('DELETE FROM "career_plan"');
  await db.$executeRawUnsafe('DELETE FROM "assignment"');

  // 試験局 → 試験部 → 第一課 (s1–s4), 第二課 (s5–s8); s9, s10 directly in 試験部
  const mk = async (
    code: string,
    kind: 'bureau' | 'department' | 'division',
    parent: { id: string; path: string; bureauId: string } | null,
  ) => {
    const id = crypto.randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    await db.orgUnit.create({
      data: {
        id,
        code,
        kind,
        nameJa: code,
        nameEn: code,
        parentId: parent?.id ?? null,
        path,
        bureauId: parent?.bureauId ?? id,
      },
    });
    units[code] = id;
    return { id, path, bureauId: parent?.bureauId ?? id };
  };
  const bureau = await mk('t-bureau', 'bureau', null);
  const dept = await mk('t-dept', 'department', bureau);
  const div1 = await mk('t-div1', 'division', dept);
  const div2 = await mk('t-div2', 'division', dept);
  const job = await db.jobFamily.findFirstOrThrow();
  const grade = await db.grade.findFirstOrThrow({ orderBy: { rank: 'asc' } });
  const young = new Date(`${FY - 3}-04-01`);
  const old = new Date('2000-04-01');
  const people: [string, string, Date][] = [
    ['s1', div1.id, young],
    ['s2', div1.id, young],
    ['s3', div1.id, old],
    ['s4', div1.id, old],
    ['s5', div2.id, young],
    ['s6', div2.id, old],
    ['s7', div2.id, old],
    ['s8', div2.id, old],
    ['s9', dept.id, old],
    ['s10', dept.id, old],
  ];
  const ids: Record<string, string> = {};
  for (const [login, unitId, hired] of people) {
    const s = await db.staff.create({
      data: {
        employeeNumber: `T${login}`,
        nameJa: login,
        nameKana: login,
        nameEn: login,
        loginId: `t-${login}`,
        jobFamilyId: job.id,
        hireDate: hired,
        assignments: {
          create: { orgUnitId: unitId, gradeId: grade.id, startsOn: new Date(`${FY - 1}-04-01`) },
        },
      },
    });
    ids[login] = s.id;
  }
  const on = new Date(`${FY}-05-10`);
  const ojt = (trainee: string, minutes: number) => ({
    traineeId: ids[trainee] as string,
    supervisorId: ids.s4 as string,
    occurredOn: on,
    fiscalYear: FY,
    minutes,
    method: 'guidance' as const,
    topic: 'OJT',
  });
  await db.ojtSession.createMany({
    data: [ojt('s1', 30), ojt('s1', 60), ojt('s3', 45), ojt('s5', 20), ojt('s9', 15)],
  });

  const course = async (code: string, kind: 'institute_grade' | 'elearning') => {
    const t = await db.training.create({
      data: { code, titleJa: code, titleEn: code, kind, fiscalYears: [FY] },
    });
    return db.trainingSession.create({
      data: {
        trainingId: t.id,
        fiscalYear: FY,
        startsAt: new Date(`${FY}-06-01T01:00:00Z`),
        endsAt: new Date(`${FY}-06-01T08:00:00Z`),
        capacity: 30,
        applicationDeadline: new Date(`${FY}-05-20`),
      },
    });
  };
  const grad = await course('t-grade', 'institute_grade');
  const el = await course('t-el', 'elearning');
  const app_ = (sessionId: string, who: string, status: 'accepted' | 'applied', completed: boolean) => ({
    sessionId,
    staffId: ids[who] as string,
    fiscalYear: FY,
    status,
    completed,
  });
  await db.trainingApplication.createMany({
    data: [
      app_(grad.id, 's1', 'accepted', true),
      app_(grad.id, 's2', 'accepted', false),
      app_(grad.id, 's6', 'accepted', true),
      app_(grad.id, 's7', 'applied', false),
      app_(el.id, 's1', 'accepted', true),
    ],
  });
  const plan = (who: string, status: 'draft' | 'submitted' | 'commented' | 'changes_requested') => ({
    staffId: ids[who] as string,
    fiscalYear: FY,
    status,
  });
  await db.careerPlan.createMany({
    data: [
      plan('s1', 'submitted'),
      plan('s2', 'draft'),
      plan('s3', 'commented'),
      plan('s5', 'changes_requested'),
    ],
  });
  await refreshDashboardRollup(db);
});

describe('computed KPIs', () => {
  it('match the hand count', async () => {
    const { db } = ctx().database;
    const metrics = [
      'career_plan_submitted_share', // 3 of 10
      'career_plan_submitted_share_young', // s1, s5 of s1, s2, s5
      'ojt_coverage', // s1, s3, s5, s9 of 10
      'ojt_coverage_young', // s1, s5 of 3
      'ojt_minutes_per_person', // 170 / 10
      'training_completion_rate', // 3 completed of 4 accepted
      'training_staff_completed_share', // s1, s6 of 10
    ] as const;
    const got = await evaluateMetrics(
      db,
      metrics.map((metric) => ({ kpiId: metric, metric, params: null, fiscalYears: [FY] })),
    );
    expect(Object.fromEntries(metrics.map((m) => [m, got.get(m)?.get(FY)]))).toEqual({
      career_plan_submitted_share: 30,
      career_plan_submitted_share_young: 66.7,
      ojt_coverage: 40,
      ojt_coverage_young: 66.7,
      ojt_minutes_per_person: 17,
      training_completion_rate: 75,
      training_staff_completed_share: 20,
    });
    const group = await evaluateMetrics(db, [
      {
        kpiId: 'a',
        metric: 'training_completion_rate',
        params: { trainingKinds: ['institute_grade'] },
        fiscalYears: [FY],
      },
      {
        kpiId: 'b',
        metric: 'training_staff_completed_share',
        params: { trainingKinds: ['elearning'] },
        fiscalYears: [FY],
      },
    ]);
    expect(group.get('a')?.get(FY)).toBe(66.7); // 2 of 3
    expect(group.get('b')?.get(FY)).toBe(10); // s1 of 10
  });

  it('show as the actuals of computed KPIs in the published period', async () => {
    const { db } = ctx().database;
    const period = await db.planPeriod.findFirstOrThrow({
      where: { status: 'published', startFiscalYear: { lte: FY }, endFiscalYear: { gte: FY } },
    });
    const detail = (await get('demo-staff', `/api/plan-periods/${period.id}`)).json<PlanPeriodDetail>();
    const kpi = detail.items.flatMap((i) => i.kpis).find((k) => k.metric === 'ojt_coverage_young');
    expect(kpi?.actuals.find((a) => a.fiscalYear === FY)).toMatchObject({ value: 66.7, origin: 'computed' });
  });
});

describe('GET /api/dashboards/rollout', () => {
  it('sums the hand-counted bureau and the city', async () => {
    const res = await get('demo-exec', `/api/dashboards/rollout?fiscalYear=${FY}`);
    expect(res.statusCode).toBe(200);
    const d = res.json<RolloutDashboard>();
    expect(d.summary).toMatchObject({
      staff: 10,
      youngStaff: 3,
      ojtCovered: 4,
      ojtCoverage: 40,
      ojtMinutes: 170,
      ojtMinutesPerPerson: 17,
      youngOjtCoverage: 66.7,
      trainingAccepted: 4,
      trainingCompleted: 3,
      trainingCompletion: 75,
      careerSubmitted: 3,
      careerUptake: 30,
    });
    const unit = d.units.find((u) => u.unit?.id === units['t-bureau']);
    expect(unit).toMatchObject({ staff: 10, ojtCovered: 4 });
    expect(d.units.filter((u) => u.unit?.code !== 't-bureau').every((u) => u.staff === 0)).toBe(true);
    expect(d.initiatives).toHaveLength(13);
    expect(d.tags.map((t) => t.tagCode)).toEqual(['young', 'workplace', 'combined']);
    expect(d.period?.startFiscalYear).toBeLessThanOrEqual(FY);
    const young = d.kpis.find((k) => k.name.ja === '若手職員のOJT実施率');
    expect(young?.actual).toBe(66.7);
    expect(young?.achievementRate).toBe(Math.round((66.7 / (young?.target ?? 1)) * 1000) / 10);
    expect(d.trend.at(-1)).toMatchObject({ fiscalYear: FY, staff: 10 });
    expect(d.fiscalYears[0]).toBe(FY);
  });

  it('shows an entered actual as soon as HR records it', async () => {
    const { db } = ctx().database;
    const kpi = await db.kpi.findFirstOrThrow({
      where: {
        source: 'entered',
        item: { period: { status: 'published', startFiscalYear: { lte: FY }, endFiscalYear: { gte: FY } } },
      },
    });
    const put = await app.inject({
      method: 'PUT',
      url: `/api/kpis/${kpi.id}/actuals/${FY}`,
      headers: { cookie: cookies['demo-hr'] ?? '' },
      payload: { value: 42 },
    });
    expect(put.statusCode).toBe(200);
    const d = (await get('demo-hr', `/api/dashboards/rollout?fiscalYear=${FY}`)).json<RolloutDashboard>();
    expect(d.kpis.find((k) => k.id === kpi.id)?.actual).toBe(42);
  });

  it('is for executives and HR only', async () => {
    for (const who of ['demo-bureau', 'demo-staff', 'demo-supervisor']) {
      expect((await get(who, '/api/dashboards/rollout')).statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: '/api/dashboards/rollout' })).statusCode).toBe(401);
  });
});

describe('GET /api/dashboards/org-units/{id}', () => {
  it('drills down to the children, with the people placed directly in the unit apart', async () => {
    const res = await get('demo-hr', `/api/dashboards/org-units/${units['t-dept']}?fiscalYear=${FY}`);
    expect(res.statusCode).toBe(200);
    const d = res.json<OrgUnitDashboard>();
    expect(d.summary).toMatchObject({ staff: 10, ojtCovered: 4 });
    expect(d.path.map((u) => u.code)).toEqual(['t-bureau', 't-dept']);
    expect(d.children.map((c) => [c.unit?.code ?? null, c.staff, c.ojtCovered, c.youngStaff])).toEqual([
      [null, 2, 1, 0],
      ['t-div1', 4, 2, 2],
      ['t-div2', 4, 1, 1],
    ]);
    const div1 = d.children.find((c) => c.unit?.code === 't-div1');
    expect(div1).toMatchObject({
      ojtCoverage: 50,
      ojtMinutes: 135,
      trainingCompleted: 2,
      careerSubmitted: 2,
    });
  });

  it('a bureau officer sees their own bureau, and another bureau is 404; plain staff 403', async () => {
    const { db } = ctx().database;
    const somu = await db.orgUnit.findUniqueOrThrow({ where: { code: 'somu-1-2' } });
    expect((await get('demo-bureau', `/api/dashboards/org-units/${somu.id}`)).statusCode).toBe(200);
    expect((await get('demo-bureau', `/api/dashboards/org-units/${units['t-div1']}`)).statusCode).toBe(404);
    expect((await get('demo-bureau', `/api/dashboards/org-units/${crypto.randomUUID()}`)).statusCode).toBe(
      404,
    );
    expect((await get('demo-staff', `/api/dashboards/org-units/${somu.id}`)).statusCode).toBe(403);
    expect((await get('demo-supervisor', `/api/dashboards/org-units/${somu.id}`)).statusCode).toBe(403);
    expect((await get('demo-exec', `/api/dashboards/org-units/${units['t-div1']}`)).statusCode).toBe(200);
  });
});

describe('exports', () => {
  it('serves one table as CSV with a BOM, and the whole dashboard as an Excel workbook', async () => {
    const csv = await get(
      'demo-hr',
      `/api/dashboards/rollout/export?fiscalYear=${FY}&format=csv&table=units`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain('t-bureau,10,3,40,5,17');
    const xlsx = await get('demo-exec', `/api/dashboards/rollout/export?fiscalYear=${FY}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const noTable = await get('demo-hr', `/api/dashboards/rollout/export?format=csv`);
    expect(noTable.statusCode).toBe(400);
    const unit = await get(
      'demo-hr',
      `/api/dashboards/org-units/${units['t-dept']}/export?format=csv&table=units&lang=en`,
    );
    expect(unit.body).toContain('(directly in the unit),2,0');
    expect((await get('demo-staff', `/api/dashboards/rollout/export?format=xlsx`)).statusCode).toBe(403);
  });
});

describe('OJT by initiative and 重点取組方針 tag', () => {
  // 1-1 carries 若手 (young), 1-2 職場 (workplace), 2-4 both 若手 and 総合力 (combined), 2-1 and 3-1 総合力.
  // A tag's figure is the sum over its initiatives: a session linked to two of them counts for each,
  // and an initiative with two tags counts for both.
  const initiativeIds: Record<string, string> = {};
  const figures = (d: { tags: { tagCode: string; ojtSessions: number; ojtMinutes: number }[] }) =>
    Object.fromEntries(d.tags.map((t) => [t.tagCode, [t.ojtSessions, t.ojtMinutes]]));
  const byCode = (d: RolloutDashboard) =>
    Object.fromEntries(
      d.initiatives.filter((i) => i.ojtSessions > 0).map((i) => [i.code, [i.ojtSessions, i.ojtMinutes]]),
    );

  beforeAll(async () => {
    const { db } = ctx().database;
    const rows = await db.initiative.findMany({
      where: { area: { policy: { inForce: true } } },
      select: { id: true, code: true },
    });
    for (const r of rows) initiativeIds[r.code] = r.id;
  });

  it('follows the sessions through the trigger: links, edits, deletes, trainees without a post', async () => {
    const { db } = ctx().database;
    const link = async (trainee: string, minutes: number, codes: string[]) => {
      const s = await db.ojtSession.findFirstOrThrow({
        where: { trainee: { loginId: `t-${trainee}` }, minutes, fiscalYear: FY },
      });
      return db.ojtSession.update({
        where: { id: s.id },
        data: { initiativeIds: codes.map((c) => initiativeIds[c] as string) },
      });
    };
    // the setup's sessions: s1 30 + 60 and s3 45 in 第一課, s5 20 in 第二課, s9 15 in 試験部
    await link('s1', 30, ['1-1']);
    const long = await link('s1', 60, ['1-1', '2-4']);
    await link('s3', 45, ['1-2']);
    const s5 = await link('s5', 20, ['2-4']);
    await link('s9', 15, []);

    let d = (await get('demo-exec', `/api/dashboards/rollout?fiscalYear=${FY}`)).json<RolloutDashboard>();
    expect(byCode(d)).toEqual({ '1-1': [2, 90], '1-2': [1, 45], '2-4': [2, 80] });
    expect(figures(d)).toEqual({ young: [4, 170], workplace: [1, 45], combined: [2, 80] });
    let div1 = (
      await get('demo-hr', `/api/dashboards/org-units/${units['t-div1']}?fiscalYear=${FY}`)
    ).json<OrgUnitDashboard>();
    expect(figures(div1)).toEqual({ young: [3, 150], workplace: [1, 45], combined: [1, 60] });
    const div2 = (
      await get('demo-hr', `/api/dashboards/org-units/${units['t-div2']}?fiscalYear=${FY}`)
    ).json<OrgUnitDashboard>();
    expect(figures(div2)).toEqual({ young: [1, 20], workplace: [0, 0], combined: [1, 20] });

    // an edit moves the session's minutes and links; a delete takes it away; a new one adds
    await db.ojtSession.update({
      where: { id: long.id },
      data: { minutes: 90, initiativeIds: [initiativeIds['1-2'] as string] },
    });
    await db.ojtSession.delete({ where: { id: s5.id } });
    const base = {
      supervisorId: long.supervisorId,
      occurredOn: new Date(`${FY}-06-01`),
      fiscalYear: FY,
      method: 'guidance' as const,
      topic: 'OJT',
    };
    const s9 = await db.staff.findUniqueOrThrow({ where: { loginId: 't-s9' } });
    await db.ojtSession.create({
      data: { ...base, traineeId: s9.id, minutes: 10, initiativeIds: [initiativeIds['2-1'] as string] },
    });
    // demo-staff holds no post in this file's database: counted city-wide, in no unit
    const noPost = await db.staff.findUniqueOrThrow({ where: { loginId: 'demo-staff' } });
    const np = {
      ...base,
      traineeId: noPost.id,
      minutes: 25,
      initiativeIds: [initiativeIds['3-1'] as string],
    };
    await db.ojtSession.create({ data: np });
    const gone = await db.ojtSession.create({ data: np });
    await db.ojtSession.delete({ where: { id: gone.id } });
    // another 年度 stays apart
    await db.ojtSession.create({
      data: {
        ...base,
        traineeId: s9.id,
        minutes: 40,
        occurredOn: new Date(`${FY - 1}-06-01`),
        fiscalYear: FY - 1,
        initiativeIds: [initiativeIds['1-1'] as string],
      },
    });

    d = (await get('demo-exec', `/api/dashboards/rollout?fiscalYear=${FY}`)).json<RolloutDashboard>();
    expect(byCode(d)).toEqual({ '1-1': [1, 30], '1-2': [2, 135], '2-1': [1, 10], '3-1': [1, 25] });
    expect(figures(d)).toEqual({ young: [1, 30], workplace: [2, 135], combined: [2, 35] });
    div1 = (
      await get('demo-hr', `/api/dashboards/org-units/${units['t-div1']}?fiscalYear=${FY}`)
    ).json<OrgUnitDashboard>();
    expect(figures(div1)).toEqual({ young: [1, 30], workplace: [2, 135], combined: [0, 0] });
    const dept = (
      await get('demo-hr', `/api/dashboards/org-units/${units['t-dept']}?fiscalYear=${FY}`)
    ).json<OrgUnitDashboard>();
    expect(figures(dept)).toEqual({ young: [1, 30], workplace: [2, 135], combined: [1, 10] });
    const last = (
      await get('demo-exec', `/api/dashboards/rollout?fiscalYear=${FY - 1}`)
    ).json<RolloutDashboard>();
    expect(figures(last)).toEqual({ young: [1, 40], workplace: [0, 0], combined: [0, 0] });

    // the rollup agrees with a count from the sessions themselves
    const recount = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT COUNT(*)::int AS n FROM (
         SELECT "fiscalYear", i, SUM("minutes")::bigint AS m, COUNT(*)::int AS c
         FROM "ojt_session", unnest("initiativeIds") i GROUP BY 1, 2
       ) s FULL JOIN (
         SELECT "fiscalYear", "initiativeId" AS i, SUM("minutes")::bigint AS m, SUM("sessions")::int AS c
         FROM "ojt_initiative_year" GROUP BY 1, 2 HAVING SUM("sessions") <> 0
       ) r USING ("fiscalYear", i)
       WHERE s.m IS DISTINCT FROM r.m OR s.c IS DISTINCT FROM r.c`,
    );
    expect(recount[0]?.n).toBe(0);

    const csv = await get(
      'demo-hr',
      `/api/dashboards/rollout/export?fiscalYear=${FY}&format=csv&table=tags&lang=en`,
    );
    expect(csv.body).toContain('OJT sessions,OJT minutes');
    expect(csv.body).toMatch(/workplace[^\r\n]*,2,135\r\n/i);
  });
});

describe('the policy and plan as the dashboards show them', () => {
  it("follow HR's edit of a plan item and a new wording of the policy on the very next read", async () => {
    const { db } = ctx().database;
    const item = await db.planItem.findFirstOrThrow({
      where: { period: { status: 'published', startFiscalYear: { lte: FY }, endFiscalYear: { gte: FY } } },
      orderBy: { id: 'asc' },
    });
    const other = await db.initiative.findFirstOrThrow({
      where: { id: { not: item.initiativeId }, area: { policy: { inForce: true } } },
      include: { tags: { include: { priorityPolicy: true } } },
      orderBy: { code: 'asc' },
    });
    const tag = other.tags[0]?.priorityPolicy;
    if (!tag) throw new Error('demo initiative without a tag');
    const rollout = async () =>
      (await get('demo-exec', `/api/dashboards/rollout?fiscalYear=${FY}`)).json<RolloutDashboard>();
    const before = await rollout();
    expect(before.initiatives.find((i) => i.id === other.id)?.items.map((i) => i.id)).not.toContain(item.id);

    // HR moves the item to another initiative and marks it delayed through the API
    const put = await app.inject({
      method: 'PUT',
      url: `/api/plan-items/${item.id}`,
      headers: { cookie: cookies['demo-hr'] ?? '' },
      payload: { version: item.version, initiativeId: other.id, status: 'delayed' },
    });
    expect(put.statusCode).toBe(200);
    // … and a new wording of the policy is loaded (no API writes it: a revision is loaded into the database)
    await db.initiative.update({ where: { id: other.id }, data: { titleEn: 'Reworded initiative' } });
    await db.priorityPolicy.update({ where: { id: tag.id }, data: { tagLabelEn: 'Reworded tag' } });
    try {
      const after = await rollout();
      const moved = after.initiatives.find((i) => i.id === other.id);
      expect(moved?.title.en).toBe('Reworded initiative');
      expect(moved?.items.find((i) => i.id === item.id)?.status).toBe('delayed');
      expect(after.tags.find((t) => t.tagCode === tag.tagCode)?.label.en).toBe('Reworded tag');
      const unit = (
        await get('demo-hr', `/api/dashboards/org-units/${units['t-bureau']}?fiscalYear=${FY}`)
      ).json<OrgUnitDashboard>();
      expect(unit.tags.find((t) => t.tagCode === tag.tagCode)?.label.en).toBe('Reworded tag');
    } finally {
      await db.initiative.update({ where: { id: other.id }, data: { titleEn: other.titleEn } });
      await db.priorityPolicy.update({ where: { id: tag.id }, data: { tagLabelEn: tag.tagLabelEn } });
    }
  });
});
