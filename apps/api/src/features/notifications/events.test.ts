/**
 * Each event tells exactly the right people, through the real app: who is told, about what — and
 * nobody when the write is refused. Reminders run twice tell each person once.
 */
import type { PolicyTree } from '@portal/contracts';
import { fiscalYearOf } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import {
  apply,
  caller,
  dayFromToday,
  decide,
  enableSignIn,
  expectStatus,
  idOf,
  makeCourse,
  makeSession,
  peopleIn,
  todayIso,
} from '../training/training.test-helpers.ts';
import { runReminders } from './reminders.ts';

const ctx = useTestApp();
const app = () => ctx().app;
const db = () => ctx().database.db;
const call = caller(app);

let staff = '';
let supervisor = '';
let hr: string[] = [];
let mateLogin = '';
let mate = '';

beforeAll(async () => {
  staff = await idOf(db(), 'demo-staff');
  supervisor = await idOf(db(), 'demo-supervisor');
  // a second HR administrator, so that "HR" is more than the one who acts
  const second = (await peopleIn(db(), 'somu-1-1-1', false))[0] ?? '';
  await db().staff.update({ where: { id: second }, data: { systemRoles: ['hr_admin'] } });
  hr = (
    await db().staff.findMany({
      where: { systemRoles: { has: 'hr_admin' }, disabledAt: null },
      select: { id: true },
    })
  ).map((s) => s.id);
  mate = (await peopleIn(db(), 'aoba-1-1-1', false)).find((id) => id !== staff) ?? '';
  mateLogin = await enableSignIn(db(), mate);
});

/** What was written while `action` ran, as `kind → recipients` (sorted). */
async function told(action: () => Promise<unknown>): Promise<Record<string, string[]>> {
  const since = new Date(Date.now() - 1);
  await action();
  const rows = await db().notification.findMany({
    where: { createdAt: { gte: since } },
    select: { kind: true, recipientId: true },
  });
  const out: Record<string, string[]> = {};
  for (const r of rows) out[r.kind] = [...(out[r.kind] ?? []), r.recipientId].sort();
  return out;
}
const sorted = (ids: string[]) => [...ids].sort();

/** Who holds notifications of `kind` whose reminder key is `dedupeKey` (sorted). */
async function holders(kind: string, dedupeKey: string): Promise<string[]> {
  const rows = await db().notification.findMany({
    where: { kind, dedupeKey },
    select: { recipientId: true },
  });
  return rows.map((r) => r.recipientId).sort();
}

describe('training applications', () => {
  it('apply → approve → accept, the waiting list and moving up; a refused write tells nobody', async () => {
    const course = await makeCourse(call);
    const session = await makeSession(call, course.id, { capacity: 1 });
    let mine = '';
    expect(
      await told(async () => {
        mine = (await apply(call, 'demo-staff', session.id)).id;
      }),
    ).toEqual({ 'training.application.submitted': [supervisor] });
    // the same application again is refused: nobody is told
    expect(
      await told(async () => {
        const dup = await call('demo-staff', {
          method: 'POST',
          url: `/api/training-sessions/${session.id}/applications`,
          payload: { reason: 'もう一度' },
        });
        expectStatus(dup, 409);
      }),
    ).toEqual({});
    expect(
      await told(async () => expectStatus(await decide(call, 'demo-supervisor', mine, 'approve'), 200)),
    ).toEqual({
      'training.application.approved': [staff],
      'training.application.awaiting_acceptance': sorted(hr),
    });
    expect(await told(async () => expectStatus(await decide(call, 'demo-hr', mine, 'accept'), 200))).toEqual({
      'training.application.accepted': [staff],
    });
    // a stale decision is refused: nobody is told
    expect(
      await told(async () =>
        expectStatus(
          await call('demo-hr', {
            method: 'POST',
            url: `/api/applications/${mine}/decision`,
            payload: { decision: 'reject', reason: '重複', version: 1 },
          }),
          409,
        ),
      ),
    ).toEqual({});

    const theirs = (await apply(call, mateLogin, session.id)).id;
    await decide(call, 'demo-supervisor', theirs, 'approve');
    expect(
      await told(async () => expectStatus(await decide(call, 'demo-hr', theirs, 'accept'), 200)),
    ).toEqual({ 'training.application.waitlisted': [mate] });
    expect(
      await told(async () =>
        expectStatus(
          await call('demo-staff', { method: 'POST', url: `/api/applications/${mine}/withdraw` }),
          200,
        ),
      ),
    ).toEqual({ 'training.application.promoted': [mate] });
  });

  it('the application that makes a session over capacity tells its managers at once, once per session', async () => {
    const course = await makeCourse(call);
    const session = await makeSession(call, course.id, { capacity: 1 });
    expect(await told(async () => apply(call, 'demo-staff', session.id))).toEqual({
      'training.application.submitted': [supervisor],
    });
    // the second live application for the one seat: HR (the course has no owning bureau) is told now
    const second = await told(async () => apply(call, mateLogin, session.id));
    expect(second['training.session.over_capacity']).toEqual(sorted(hr));
    const third = (await peopleIn(db(), 'aoba-1-1-1', false)).find((id) => id !== staff && id !== mate) ?? '';
    const thirdLogin = await enableSignIn(db(), third);
    // further applications, and the hourly sweep (the same key), tell nobody again
    expect(
      (await told(async () => apply(call, thirdLogin, session.id)))['training.session.over_capacity'],
    ).toBe(undefined);
    await runReminders(db());
    expect(await holders('training.session.over_capacity', `session-over:${session.id}`)).toEqual(sorted(hr));
    const [notice] = await db().notification.findMany({
      where: { kind: 'training.session.over_capacity', dedupeKey: `session-over:${session.id}` },
      select: { link: true, params: true },
      take: 1,
    });
    expect(notice?.link).toBe(`/training/sessions/${session.id}`);
    expect(notice?.params).toMatchObject({ capacity: 1, count: 2 });
  });

  it('declined; after the course the survey is due; the practice report waits for the supervisor', async () => {
    const course = await makeCourse(call);
    const session = await makeSession(call, course.id, { capacity: 5 });
    const declined = (await apply(call, mateLogin, session.id)).id;
    expect(
      await told(async () =>
        expectStatus(await decide(call, 'demo-supervisor', declined, 'decline', '今回は見送り'), 200),
      ),
    ).toEqual({ 'training.application.declined': [mate] });

    const mine = (await apply(call, 'demo-staff', session.id)).id;
    await decide(call, 'demo-supervisor', mine, 'approve');
    await decide(call, 'demo-hr', mine, 'accept');
    // the course took place
    await db().trainingSession.update({
      where: { id: session.id },
      data: {
        startsAt: new Date(Date.now() - 3 * 86_400_000),
        endsAt: new Date(Date.now() - 2 * 86_400_000),
      },
    });
    expect(
      await told(async () =>
        expectStatus(
          await call('demo-hr', {
            method: 'POST',
            url: `/api/training-sessions/${session.id}/attendance`,
            payload: { rows: [{ applicationId: mine, attendance: 'present', completed: true }] },
          }),
          200,
        ),
      ),
    ).toEqual({ 'training.after_course.due': [staff] });
    expect(
      await told(async () =>
        expectStatus(
          await call('demo-staff', {
            method: 'POST',
            url: `/api/applications/${mine}/practice-report`,
            payload: { body: '窓口で学んだ説明の順序を試した' },
          }),
          201,
        ),
      ),
    ).toEqual({ 'training.practice_report.submitted': [supervisor] });
  });
});

describe('self-development, career plan, OJT, the plan', () => {
  it('a support request waits for the supervisor; the decision goes back to the person', async () => {
    const url = `/api/staff/${staff}/self-development`;
    let id = '';
    expect(
      await told(async () => {
        const res = await call('demo-staff', {
          method: 'POST',
          url,
          payload: {
            kind: 'correspondence',
            title: '簿記 通信講座',
            startedOn: todayIso(),
            initiativeIds: [],
            supportRequest: { detail: '受講料補助', amountYen: 10000 },
          },
        });
        expectStatus(res, 201);
        id = res.json().id;
      }),
    ).toEqual({ 'selfdev.support.requested': [supervisor] });
    expect(
      await told(async () =>
        expectStatus(
          await call('demo-supervisor', {
            method: 'POST',
            url: `${url}/${id}/decision`,
            payload: { decision: 'approved', version: 1 },
          }),
          200,
        ),
      ),
    ).toEqual({ 'selfdev.support.decided': [staff] });
  });

  it('a submitted career plan goes to the supervisor; a comment back to the person', async () => {
    const url = `/api/staff/${staff}/career-plan`;
    const view = (await call('demo-staff', { url })).json();
    const saved = await call('demo-staff', {
      method: 'PUT',
      url,
      payload: {
        version: view.plan.version,
        shortTermGoal: '窓口で自信を持って説明する',
        midTermGoal: '',
        longTermGoal: '',
        desiredExperiences: [],
        selfAssessments: [],
        skillsToGain: [],
        staffImageIds: [],
        initiativeIds: [],
      },
    });
    expectStatus(saved, 200);
    const version = saved.json().plan.version;
    expect(
      await told(async () =>
        expectStatus(
          await call('demo-staff', { method: 'POST', url: `${url}/submit`, payload: { version } }),
          200,
        ),
      ),
    ).toEqual({ 'career.plan.submitted': [supervisor] });
    expect(
      await told(async () =>
        expectStatus(
          await call('demo-supervisor', {
            method: 'POST',
            url: `${url}/comments`,
            payload: { version: version + 1, body: '目標を具体的に', requestsChanges: true },
          }),
          201,
        ),
      ),
    ).toEqual({ 'career.plan.changes_requested': [staff] });
  });

  it('an OJT session logged for two people asks each of them to acknowledge it', async () => {
    const policy = (await call('demo-staff', { url: '/api/policy' })).json<PolicyTree>();
    expect(
      await told(async () =>
        expectStatus(
          await call('demo-supervisor', {
            method: 'POST',
            url: '/api/ojt-sessions/batch',
            payload: {
              traineeIds: [staff, mate],
              minutes: 30,
              method: 'review',
              topic: '振り返り',
              staffImageIds: [policy.staffImages[0]?.id],
              initiativeIds: [],
            },
          }),
          201,
        ),
      ),
    ).toEqual({ 'ojt.session.logged': sorted([staff, mate]) });
  });

  it('a plan period moved to review tells HR (not the one who moved it)', async () => {
    const period = await db().planPeriod.findFirstOrThrow({ where: { status: 'draft' } });
    const hrId = await idOf(db(), 'demo-hr');
    expect(
      await told(async () =>
        expectStatus(
          await call('demo-hr', {
            method: 'PUT',
            url: `/api/plan-periods/${period.id}`,
            payload: { version: period.version, status: 'review' },
          }),
          200,
        ),
      ),
    ).toEqual({ 'plan.period.review': sorted(hr.filter((id) => id !== hrId)) });
  });
});

describe('reminders', () => {
  it('course in 3 days, sessions over and under capacity: once each, however often they run', async () => {
    const course = await makeCourse(call);
    const soon = await makeSession(call, course.id, {
      startsAt: `${dayFromToday(2)}T09:30:00+09:00`,
      endsAt: `${dayFromToday(2)}T17:00:00+09:00`,
      applicationDeadline: todayIso(),
      capacity: 1,
    });
    const mine = (await apply(call, 'demo-staff', soon.id)).id;
    await decide(call, 'demo-supervisor', mine, 'approve');
    await decide(call, 'demo-hr', mine, 'accept');
    const over = await makeSession(call, course.id, { capacity: 1 });
    await apply(call, 'demo-staff', over.id);
    await apply(call, mateLogin, over.id);
    const under = await makeSession(call, course.id, { capacity: 10 });
    const fine = await makeSession(call, course.id, { capacity: 2 });
    await apply(call, 'demo-staff', fine.id);

    await runReminders(db());
    await Promise.all([runReminders(db()), runReminders(db())]);
    expect(await holders('training.course.soon', `course-soon:${mine}`)).toEqual([staff]);
    expect(await holders('training.session.over_capacity', `session-over:${over.id}`)).toEqual(sorted(hr));
    expect(await holders('training.session.under_booked', `session-under:${under.id}`)).toEqual(sorted(hr));
    const about = (id: string) =>
      db().notification.count({
        where: { kind: { startsWith: 'training.session.' }, link: { contains: id } },
      });
    expect(await about(over.id)).toBe(hr.length);
    expect(await about(fine.id)).toBe(0);
    // the place's holder only: nobody else is told of this course
    expect(await db().notification.count({ where: { dedupeKey: `course-soon:${mine}` } })).toBe(1);
  });

  it('KPI actuals due from 1 March; no OJT for longer than the plan implies', async () => {
    const fy = fiscalYearOf(todayIso());
    // a plan of 12 sessions a year: a month without one is too long
    await db().ojtPlan.upsert({
      where: { staffId_fiscalYear: { staffId: mate, fiscalYear: fy } },
      create: { staffId: mate, fiscalYear: fy, plannedSessions: 12 },
      update: { plannedSessions: 12 },
    });
    await db().ojtSession.deleteMany({ where: { traineeId: mate } });
    const june = new Date(`${fy}-06-15T00:00:00Z`);
    await runReminders(db(), june);
    await runReminders(db(), june);
    expect(await holders('ojt.overdue', `ojt-overdue:${mate}:${fy}-04-01`)).toEqual([supervisor]);
    expect(await db().notification.count({ where: { kind: 'plan.kpi.actuals_due' } })).toBe(0);

    await runReminders(db(), new Date(`${fy + 1}-03-02T00:00:00Z`));
    await runReminders(db(), new Date(`${fy + 1}-03-03T00:00:00Z`));
    const due = await db().notification.findMany({
      where: { kind: 'plan.kpi.actuals_due' },
      select: { recipientId: true, dedupeKey: true },
    });
    expect(due.length).toBeGreaterThan(0);
    // once per person and bureau; bureau officers hold the right to enter actuals
    expect(new Set(due.map((d) => `${d.recipientId}:${d.dedupeKey}`)).size).toBe(due.length);
    const bureauOfficer = await idOf(db(), 'demo-bureau');
    expect(due.map((d) => d.recipientId)).toContain(bureauOfficer);
  });
});
