import type { CareerPlan, CareerPlanVersionList, CareerPlanView, PolicyTree } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { actors, idOf, signablePersonIn } from './career.test-helpers.ts';
import { currentFiscalYear } from './career-plan.shared.ts';

const ctx = useTestApp();
const as = actors(() => ctx().app);
const fy = currentFiscalYear();

let staffId = '';
let otherSupervisor = '';
let images: string[] = [];
let initiatives: string[] = [];
const planUrl = (query = '') => `/api/staff/${staffId}/career-plan${query}`;

beforeAll(async () => {
  const { db } = ctx().database;
  staffId = await idOf(db, 'demo-staff');
  // The 係長 of 総務局's 庶務係: a supervisor, but of another unit (demo-staff-other's)
  otherSupervisor = await signablePersonIn(db, 'somu-1-1-1', true);
  const policy = (await as('demo-staff').get('/api/policy')).json<PolicyTree>();
  images = policy.staffImages.map((s) => s.id);
  initiatives = policy.policyAreas.flatMap((a) => a.initiatives.map((i) => i.id));
});

const content = (goal: string) => ({
  shortTermGoal: goal,
  midTermGoal: '係の中心になる',
  longTermGoal: '政策の企画に携わる',
  desiredExperiences: [
    { kind: 'secondment', text: '国への派遣' },
    { kind: 'exchange', text: '区と本庁の交流' },
  ],
  selfAssessments: images.map((staffImageId, i) => ({ staffImageId, level: i + 1, comment: `評価${i}` })),
  skillsToGain: ['簿記2級'],
  staffImageIds: images.slice(0, 1),
  initiativeIds: initiatives.slice(0, 2),
});

describe('career plan', () => {
  it("carries last year's plan forward as a draft on the person's first look, and only then", async () => {
    // Another reader first: nothing is created by their read.
    const bySupervisor = (await as('demo-supervisor').get(planUrl())).json<CareerPlanView>();
    expect(bySupervisor.plan).toBeNull();
    expect(bySupervisor.can).toEqual({ edit: false, submit: false, comment: false });

    const res = await as('demo-staff').get(planUrl());
    expect(res.statusCode).toBe(200);
    const view = res.json<CareerPlanView>();
    expect(view.fiscalYear).toBe(fy);
    expect(view.plan).toMatchObject({ status: 'draft', version: 1, carriedFrom: { fiscalYear: fy - 1 } });
    expect(view.plan?.shortTermGoal).not.toBe('');
    expect(view.plan?.comments).toEqual([]);
    expect(view.fiscalYears).toEqual([fy, fy - 1]);
    expect(view.can).toEqual({ edit: true, submit: true, comment: false });

    // Last year's plan keeps its supervisor's comment, and is read-only now
    const last = (await as('demo-staff').get(planUrl(`?fiscalYear=${fy - 1}`))).json<CareerPlanView>();
    expect(last.plan?.status).toBe('commented');
    expect(last.plan?.comments[0]?.author.nameEn).toBe('Naoko Aoki');
    expect(last.can.edit).toBe(false);
    const again = (await as('demo-staff').get(planUrl())).json<CareerPlanView>();
    expect(again.plan?.id).toBe(view.plan?.id);
  });

  it('saves a version on every save; a stale save is 409 with the current plan and loses nothing', async () => {
    const v1 = (await as('demo-staff').get(planUrl())).json<CareerPlanView>().plan;
    const first = await as('demo-staff').put(planUrl(), {
      ...content('窓口で自信を持って説明する'),
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    const saved = first.json<CareerPlanView>().plan;
    expect(saved).toMatchObject({ version: 2, status: 'draft', shortTermGoal: '窓口で自信を持って説明する' });
    expect(saved?.links.staffImages).toHaveLength(1);
    expect(saved?.links.initiatives).toHaveLength(2);
    expect(saved?.selfAssessments).toHaveLength(4);
    expect(saved?.updatedBy?.nameEn).toBe('Tsubasa Wakabayashi');

    // A second tab still holding version 1
    const stale = await as('demo-staff').put(planUrl(), { ...content('上書きされてはいけない'), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'stale_version',
      current: { version: 2, shortTermGoal: '窓口で自信を持って説明する' },
    });
    const now = (await as('demo-staff').get(planUrl())).json<CareerPlanView>().plan;
    expect(now?.version).toBe(2);
    expect(now?.shortTermGoal).toBe('窓口で自信を持って説明する');

    const versions = (await as('demo-staff').get(`${planUrl()}/versions`)).json<CareerPlanVersionList>();
    expect(versions.items.map((v) => v.version)).toEqual([2, 1]);
    expect(versions.items[1]?.content.shortTermGoal).toBe(v1?.shortTermGoal);
    expect(versions.items[0]?.savedBy?.nameEn).toBe('Tsubasa Wakabayashi');
  });

  it('names the bad field and writes nothing', async () => {
    const bad = async (body: object, field: string) => {
      const res = await as('demo-staff').put(planUrl(), { ...content('x'), version: 2, ...body });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad({ shortTermGoal: 'あ'.repeat(2001) }, 'body.shortTermGoal');
    await bad({ selfAssessments: [{ staffImageId: images[0], level: 6 }] }, 'body.selfAssessments.0.level');
    await bad(
      { selfAssessments: [{ staffImageId: initiatives[0], level: 3 }] },
      'body.selfAssessments.0.staffImageId',
    );
    await bad(
      {
        selfAssessments: [
          { staffImageId: images[0], level: 3 },
          { staffImageId: images[0], level: 2 },
        ],
      },
      'body.selfAssessments.1.staffImageId',
    );
    await bad({ initiativeIds: [images[0]] }, 'body.initiativeIds.0');
    await bad({ desiredExperiences: [{ kind: 'travel', text: 'x' }] }, 'body.desiredExperiences.0.kind');
    await bad({ version: undefined }, 'body.version');
    const past = await as('demo-staff').put(planUrl(`?fiscalYear=${fy - 1}`), {
      ...content('x'),
      version: 3,
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].field).toBe('query.fiscalYear');
    const now = (await as('demo-staff').get(planUrl())).json<CareerPlanView>().plan;
    expect(now?.version).toBe(2);
  });

  it('is submitted by the person, commented on by their supervisor, and the person sees the comment', async () => {
    const submit = await as('demo-staff').post(`${planUrl()}/submit`, { version: 2 });
    expect(submit.statusCode).toBe(200);
    expect(submit.json<CareerPlanView>().plan).toMatchObject({ status: 'submitted', version: 3 });
    const twice = await as('demo-staff').post(`${planUrl()}/submit`, { version: 3 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_submitted');

    const supView = (await as('demo-supervisor').get(planUrl())).json<CareerPlanView>();
    expect(supView.can).toEqual({ edit: false, submit: false, comment: true });

    const stale = await as('demo-supervisor').post(`${planUrl()}/comments`, { body: '古い版へ', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(3);

    const key = { 'idempotency-key': 'comment-1' };
    const body = { body: '中期目標をもう少し具体的に。', requestsChanges: true, version: 3 };
    const res = await as('demo-supervisor').post(`${planUrl()}/comments`, body, key);
    expect(res.statusCode).toBe(201);
    expect(res.json<CareerPlan>()).toMatchObject({ status: 'changes_requested', version: 4 });
    const retry = await as('demo-supervisor').post(`${planUrl()}/comments`, body, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.json<CareerPlan>().comments).toHaveLength(1);

    const mine = (await as('demo-staff').get(planUrl())).json<CareerPlanView>().plan;
    expect(mine?.status).toBe('changes_requested');
    expect(mine?.comments).toEqual([
      expect.objectContaining({
        body: '中期目標をもう少し具体的に。',
        requestsChanges: true,
        author: expect.objectContaining({ nameEn: 'Naoko Aoki' }),
      }),
    ]);

    // Saving again makes it a draft to submit again; then a plain comment
    const resaved = await as('demo-staff').put(planUrl(), { ...content('具体的に'), version: 4 });
    expect(resaved.json<CareerPlanView>().plan?.status).toBe('draft');
    const onDraft = await as('demo-supervisor').post(`${planUrl()}/comments`, { body: 'x', version: 5 });
    expect(onDraft.statusCode).toBe(409);
    expect(onDraft.json().code).toBe('plan_not_submitted');
    await as('demo-staff').post(`${planUrl()}/submit`, { version: 5 });
    const plain = await as('demo-supervisor').post(`${planUrl()}/comments`, {
      body: '良いと思います。',
      version: 6,
    });
    expect(plain.json<CareerPlan>().status).toBe('commented');

    const audit = await ctx().database.db.auditLog.findMany({
      where: { entityType: 'career_plan' },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'career_plan.carry_forward',
        'career_plan.update',
        'career_plan.submit',
        'career_plan.comment',
      ]),
    );
  });

  it('lets a new person start from nothing with version 0, once', async () => {
    const mate = await signablePersonIn(ctx().database.db, 'aoba-1-1-1', false);
    const mateId = await idOf(ctx().database.db, mate);
    const url = `/api/staff/${mateId}/career-plan?fiscalYear=${fy + 1}`;
    const empty = (await as(mate).get(url)).json<CareerPlanView>();
    expect(empty.plan).toBeNull();
    expect(empty.can.edit).toBe(true);
    const created = await as(mate).put(url, { shortTermGoal: '来年度の目標', version: 0 });
    expect(created.statusCode).toBe(200);
    expect(created.json<CareerPlanView>().plan).toMatchObject({ version: 1, carriedFrom: null });
    const again = await as(mate).put(url, { shortTermGoal: '別の画面から', version: 0 });
    expect(again.statusCode).toBe(409);
    expect(again.json().current.shortTermGoal).toBe('来年度の目標');
  });
});

describe('career plan access', () => {
  it('hides A’s plan from staff B and from the supervisor of another unit (404 on everything)', async () => {
    for (const who of ['demo-staff-other', otherSupervisor, 'demo-bureau']) {
      const r = as(who);
      const answers = [
        await r.get(planUrl()),
        await r.get(`${planUrl()}/versions`),
        await r.put(planUrl(), { version: 1 }),
        await r.post(`${planUrl()}/submit`, { version: 1 }),
        await r.post(`${planUrl()}/comments`, { body: 'x', version: 1 }),
      ];
      expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404]);
    }
  });

  it('lets HR read but not write or comment; executives neither; the supervisor may not write', async () => {
    expect((await as('demo-hr').get(planUrl())).statusCode).toBe(200);
    const exec = await as('demo-exec').get(planUrl());
    expect(exec.statusCode).toBe(403);
    expect(exec.json().code).toBe('career_records_restricted');
    expect((await as('demo-exec').get(`${planUrl()}/versions`)).statusCode).toBe(403);
    for (const who of ['demo-hr', 'demo-exec']) {
      expect((await as(who).put(planUrl(), { version: 1 })).statusCode).toBe(403);
      expect((await as(who).post(`${planUrl()}/comments`, { body: 'x', version: 1 })).statusCode).toBe(403);
    }
    expect((await as('demo-supervisor').put(planUrl(), { version: 1 })).statusCode).toBe(403);
    expect((await as('demo-supervisor').post(`${planUrl()}/submit`, { version: 1 })).statusCode).toBe(403);
    expect((await as('demo-staff').post(`${planUrl()}/comments`, { body: 'x', version: 1 })).statusCode).toBe(
      403,
    );
  });

  it('answers 401 without a session', async () => {
    const res = await ctx().app.inject({ url: planUrl() });
    expect(res.statusCode).toBe(401);
  });
});
