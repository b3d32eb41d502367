/**
 * Training over HTTP, through the real app and database: the catalogue and its filters, versioned
 * course edits, sessions, the whole application flow (apply → supervisor → HR → attendance →
 * survey → practice report), capacity with its waiting list under concurrent acceptances,
 * withdrawal, bulk enrolment, rosters and their export.
 */
import {
  fiscalYearOf,
  type Training,
  type TrainingApplication,
  type TrainingApplicationPage,
  type TrainingPage,
  type TrainingRecommendations,
  type TrainingSessionPage,
  type TrainingSessionRoster,
} from '@portal/contracts';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { today } from '../../access/scope.ts';
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
} from './training.test-helpers.ts';

const ctx = useTestApp();
const app = () => ctx().app;
const db = () => ctx().database.db;
const call = caller(app);
const fy = fiscalYearOf(todayIso());

let mate = ''; // a colleague of demo-staff in the same 係 (demo-supervisor's staff)
let mate2 = '';
let staffId = '';
let somu = '';
let kenkofukushi = '';
let shujiGrade = '';
let pride = '';
let initiative13 = '';

beforeAll(async () => {
  staffId = await idOf(db(), 'demo-staff');
  const mates = (await peopleIn(db(), 'aoba-1-1-1', false)).filter((id) => id !== staffId);
  mate = await enableSignIn(db(), mates[0] ?? '');
  mate2 = await enableSignIn(db(), mates[1] ?? '');
  const units = await db().orgUnit.findMany({
    where: { code: { in: ['somu', 'kenkofukushi'] } },
    select: { id: true, code: true },
  });
  somu = units.find((u) => u.code === 'somu')?.id ?? '';
  kenkofukushi = units.find((u) => u.code === 'kenkofukushi')?.id ?? '';
  shujiGrade = (await db().grade.findUniqueOrThrow({ where: { code: 'shuji' } })).id;
  pride = (await db().staffImage.findFirstOrThrow({ where: { code: 'pride' } })).id;
  initiative13 = (await db().initiative.findFirstOrThrow({ where: { code: '1-3' } })).id;
});

describe('the catalogue', () => {
  it('lists the demo courses for everyone, filtered by kind, grade, tag, 年度 and text', async () => {
    const all = (await call('demo-staff', { url: '/api/trainings?pageSize=100' })).json<TrainingPage>();
    expect(all.total).toBeGreaterThanOrEqual(20);
    const grade = (
      await call('demo-staff', { url: `/api/trainings?kind=institute_grade&gradeId=${shujiGrade}` })
    ).json<TrainingPage>();
    expect(grade.items.map((t) => t.title.ja)).toEqual(['新規採用職員研修', '2年目職員研修']);
    expect(grade.items.every((t) => t.targetGrades.some((g) => g.code === 'shuji'))).toBe(true);
    const departmental = (
      await call('demo-staff', { url: '/api/trainings?kind=departmental&kind=dispatch' })
    ).json<TrainingPage>();
    expect(new Set(departmental.items.map((t) => t.kind))).toEqual(new Set(['departmental', 'dispatch']));
    const young = (
      await call('demo-staff', { url: '/api/trainings?tag=young&pageSize=100' })
    ).json<TrainingPage>();
    expect(young.items.length).toBeGreaterThan(0);
    expect(young.items.every((t) => t.links.tagCodes.includes('young'))).toBe(true);
    const byInitiative = (
      await call('demo-staff', { url: `/api/trainings?initiativeId=${initiative13}&pageSize=100` })
    ).json<TrainingPage>();
    expect(byInitiative.items.every((t) => t.links.initiatives.some((i) => i.code === '1-3'))).toBe(true);
    const text = (
      await call('demo-staff', { url: `/api/trainings?q=${encodeURIComponent('ファシリテーション')}` })
    ).json<TrainingPage>();
    expect(text.items.map((t) => t.code)).toEqual(['S02']);
    const nextYear = (
      await call('demo-staff', { url: `/api/trainings?fiscalYear=${fy - 2}` })
    ).json<TrainingPage>();
    expect(nextYear.items.length).toBeGreaterThan(0);
    expect(nextYear.items.every((t) => t.fiscalYears.includes(fy - 2))).toBe(true);
    // the reader's own standing shows on each course
    expect(all.items.find((t) => t.code === 'K02')?.myProgress).toBe('completed');
    expect(all.items.find((t) => t.code === 'S03')?.myProgress).toBe('pending');
  });

  it('offers the filters’ and the editor’s choices', async () => {
    const options = (await call('demo-staff', { url: '/api/trainings/options' })).json();
    expect(options.currentFiscalYear).toBe(fy);
    expect(options.fiscalYears).toEqual(expect.arrayContaining([fy - 2, fy - 1, fy, fy + 1]));
    expect(options.grades[0].code).toBe('shuji');
    expect(options.jobFamilies.map((j: { code: string }) => j.code)).toContain('hokenshi');
    expect(options.bureaus.map((b: { code: string }) => b.code)).toEqual(
      expect.arrayContaining(['somu', 'aoba']),
    );
  });

  it('caps the page size and names bad parameters', async () => {
    const res = await call('demo-staff', { url: '/api/trainings?pageSize=500&kind=nope' });
    expectStatus(res, 400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['query.kind', 'query.pageSize']);
  });

  it('recommends courses for my grade that I have not taken, with the reasons', async () => {
    const rec = (
      await call('demo-staff', { url: '/api/trainings/recommended' })
    ).json<TrainingRecommendations>();
    expect(rec.grade?.code).toBe('shuji');
    const codes = rec.items.map((i) => i.training.code);
    expect(codes).not.toContain('K02'); // completed
    expect(codes).not.toContain('S03'); // applied
    expect(codes).not.toContain('K03'); // another grade's
    expect(codes).toContain('B01');
    expect(rec.items.find((i) => i.training.code === 'B01')?.reasons).toEqual(
      expect.arrayContaining(['grade', 'job_family']),
    );
  });

  it('lets HR add and edit courses, versioned, and refuses bad input field by field', async () => {
    const bad = await call('demo-hr', {
      method: 'POST',
      url: '/api/trainings',
      payload: {
        title: { ja: '' },
        kind: 'departmental',
        hours: -1,
        fiscalYears: [],
      },
    });
    expectStatus(bad, 400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.fiscalYears', 'body.hours', 'body.title.ja']);
    const noOwner = await call('demo-hr', {
      method: 'POST',
      url: '/api/trainings',
      payload: { title: { ja: '部門研修' }, kind: 'departmental', hours: 2, fiscalYears: [fy] },
    });
    expectStatus(noOwner, 400);
    expect(noOwner.json().errors[0].field).toBe('body.ownerBureauId');
    const unknownLink = await call('demo-hr', {
      method: 'POST',
      url: '/api/trainings',
      payload: {
        title: { ja: '研修' },
        kind: 'institute_elective',
        hours: 2,
        fiscalYears: [fy],
        initiativeIds: [crypto.randomUUID()],
      },
    });
    expectStatus(unknownLink, 400);
    expect(unknownLink.json().errors[0].field).toBe('body.initiativeIds.0');

    const key = `course-${crypto.randomUUID()}`;
    const payload = {
      code: 'TEST-01',
      title: { ja: '若手職員のための政策法務', en: 'Policy law for young staff' },
      kind: 'institute_elective',
      hours: 6,
      fiscalYears: [fy],
      targetGradeIds: [shujiGrade],
      staffImageIds: [pride],
      initiativeIds: [initiative13],
    };
    const first = await call('demo-hr', {
      method: 'POST',
      url: '/api/trainings',
      payload,
      headers: { 'idempotency-key': key },
    });
    expectStatus(first, 201);
    const again = await call('demo-hr', {
      method: 'POST',
      url: '/api/trainings',
      payload,
      headers: { 'idempotency-key': key },
    });
    expectStatus(again, 201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const course = first.json<Training>();
    expect(again.json<Training>().id).toBe(course.id);
    expect(course.links.staffImages[0]?.code).toBe('pride');
    expect(course.canManage).toBe(true);

    const update = { ...payload, hours: 7, version: course.version };
    const edited = await call('demo-hr', {
      method: 'PUT',
      url: `/api/trainings/${course.id}`,
      payload: update,
    });
    expectStatus(edited, 200);
    expect(edited.json<Training>()).toMatchObject({ hours: 7, version: 2 });
    const stale = await call('demo-hr', {
      method: 'PUT',
      url: `/api/trainings/${course.id}`,
      payload: { ...update, hours: 9 },
    });
    expectStatus(stale, 409);
    expect(stale.json().current).toMatchObject({ id: course.id, hours: 7, version: 2 });
    const audit = await db().auditLog.findMany({ where: { entityId: course.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['training.create', 'training.update']);
  });

  it("lets a bureau officer manage their own bureau's 部門別研修 only", async () => {
    const own = await call('demo-bureau', {
      method: 'POST',
      url: '/api/trainings',
      payload: {
        title: { ja: '総務局 契約事務研修' },
        kind: 'departmental',
        ownerBureauId: somu,
        hours: 3,
        fiscalYears: [fy],
      },
    });
    expectStatus(own, 201);
    expect(own.json<Training>().ownerBureau?.code).toBe('somu');
    const other = await call('demo-bureau', {
      method: 'POST',
      url: '/api/trainings',
      payload: {
        title: { ja: '他局の研修' },
        kind: 'departmental',
        ownerBureauId: kenkofukushi,
        hours: 3,
        fiscalYears: [fy],
      },
    });
    expectStatus(other, 403);
    const institute = await call('demo-bureau', {
      method: 'POST',
      url: '/api/trainings',
      payload: { title: { ja: '研修所研修' }, kind: 'institute_elective', hours: 3, fiscalYears: [fy] },
    });
    expectStatus(institute, 403);
    const staff = await call('demo-staff', {
      method: 'POST',
      url: '/api/trainings',
      payload: { title: { ja: '研修' }, kind: 'institute_elective', hours: 3, fiscalYears: [fy] },
    });
    expectStatus(staff, 403);
    // its sessions too
    await makeSession(call, own.json<Training>().id, {}, 'demo-bureau');
    const k01 = await db().training.findUniqueOrThrow({ where: { code: 'K01' } });
    const notOwn = await call('demo-bureau', {
      method: 'POST',
      url: `/api/trainings/${k01.id}/sessions`,
      payload: {
        startsAt: `${dayFromToday(20)}T09:00:00+09:00`,
        endsAt: `${dayFromToday(20)}T12:00:00+09:00`,
        capacity: 5,
        applicationDeadline: dayFromToday(10),
      },
    });
    expectStatus(notOwn, 403);
  });

  it('checks a session’s dates and 年度', async () => {
    const course = await makeCourse(call, { fiscalYears: [fy] });
    const res = await call('demo-hr', {
      method: 'POST',
      url: `/api/trainings/${course.id}/sessions`,
      payload: {
        startsAt: `${fy + 3}-05-01T09:00:00+09:00`,
        endsAt: `${fy + 3}-05-01T08:00:00+09:00`,
        capacity: 0,
        applicationDeadline: `${fy + 3}-05-02`,
      },
    });
    expectStatus(res, 400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.applicationDeadline', 'body.capacity', 'body.endsAt']);
    const wrongYear = await call('demo-hr', {
      method: 'POST',
      url: `/api/trainings/${course.id}/sessions`,
      payload: {
        startsAt: `${fy + 3}-05-01T09:00:00+09:00`,
        endsAt: `${fy + 3}-05-01T12:00:00+09:00`,
        capacity: 10,
        applicationDeadline: `${fy + 3}-04-20`,
      },
    });
    expectStatus(wrongYear, 400);
    expect(wrongYear.json().errors[0].field).toBe('body.startsAt');
  });
});

describe('applications', () => {
  it('runs apply → approve → accept, with the waiting list and withdrawal', async () => {
    const course = await makeCourse(call);
    const session = await makeSession(call, course.id, { capacity: 1 });

    // demo-staff applies; a retry with the same key is the same application; a second one is 409
    const key = `apply-${crypto.randomUUID()}`;
    const applyReq = {
      method: 'POST' as const,
      url: `/api/training-sessions/${session.id}/applications`,
      payload: { reason: '窓口業務の改善に生かしたい' },
      headers: { 'idempotency-key': key },
    };
    const first = await call('demo-staff', applyReq);
    expectStatus(first, 201);
    const mine = first.json<TrainingApplication>();
    expect(mine).toMatchObject({ status: 'applied', reason: '窓口業務の改善に生かしたい' });
    expect(mine.actions.withdraw).toBe(true);
    const replay = await call('demo-staff', applyReq);
    expectStatus(replay, 201);
    expect(replay.json<TrainingApplication>().id).toBe(mine.id);
    const dup = await call('demo-staff', { ...applyReq, headers: {} });
    expectStatus(dup, 409);
    expect(dup.json().code).toBe('duplicate_application');
    const noReason = await call('demo-staff', { ...applyReq, headers: {}, payload: { reason: ' ' } });
    expectStatus(noReason, 400);

    // HR cannot skip the supervisor; another bureau's staff does not see it; the supervisor's inbox has it
    const early = await decide(call, 'demo-hr', mine.id, 'accept');
    expectStatus(early, 409);
    expect(early.json().code).toBe('awaiting_supervisor');
    expectStatus(await decide(call, 'demo-staff-other', mine.id, 'approve'), 404);
    expectStatus(await decide(call, 'demo-hr', mine.id, 'approve'), 403);
    expectStatus(await decide(call, 'demo-staff', mine.id, 'approve'), 403);
    const inbox = (
      await call('demo-supervisor', { url: '/api/applications?inbox=supervisor&pageSize=100' })
    ).json<TrainingApplicationPage>();
    const inInbox = inbox.items.find((a) => a.id === mine.id);
    expect(inInbox?.actions.supervise).toBe(true);
    expect(inbox.items.every((a) => a.status === 'applied' && a.staff.orgUnit?.code === 'aoba-1-1-1')).toBe(
      true,
    );
    const declineNoReason = await decide(call, 'demo-supervisor', mine.id, 'decline');
    expectStatus(declineNoReason, 400);
    expect(declineNoReason.json().errors[0].field).toBe('body.reason');
    const approved = await decide(call, 'demo-supervisor', mine.id, 'approve', '頑張ってください');
    expectStatus(approved, 200);
    expect(approved.json<TrainingApplication>()).toMatchObject({
      status: 'approved',
      supervisorDecision: { by: { name: '青木 直子' }, reason: '頑張ってください' },
    });
    expectStatus(await decide(call, 'demo-supervisor', mine.id, 'approve'), 409);

    // HR's acceptance inbox, then accept: the one seat is taken
    const acceptance = (
      await call('demo-hr', { url: '/api/applications?inbox=acceptance&pageSize=100' })
    ).json<TrainingApplicationPage>();
    expect(acceptance.items.map((a) => a.id)).toContain(mine.id);
    expectStatus(await call('demo-staff', { url: '/api/applications?inbox=acceptance' }), 403);
    expectStatus(await call('demo-staff', { url: '/api/applications?inbox=supervisor' }), 403);
    const accepted = await decide(call, 'demo-hr', mine.id, 'accept');
    expect(accepted.json<TrainingApplication>().status).toBe('accepted');

    // a colleague applies too: approved, then waitlisted (the session is full)
    const theirs = await apply(call, mate, session.id);
    await decide(call, 'demo-supervisor', theirs.id, 'approve');
    const waiting = (await decide(call, 'demo-hr', theirs.id, 'accept')).json<TrainingApplication>();
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const full = await decide(call, 'demo-hr', theirs.id, 'accept');
    expectStatus(full, 409);
    expect(full.json().code).toBe('session_full');

    // sessions show my own status; the supervisor cannot read the roster, HR can
    const sessions = (
      await call('demo-staff', { url: `/api/trainings/${course.id}/sessions` })
    ).json<TrainingSessionPage>();
    expect(sessions.items[0]).toMatchObject({
      acceptedCount: 1,
      waitlistedCount: 1,
      myApplication: { id: mine.id, status: 'accepted' },
    });
    expectStatus(await call('demo-supervisor', { url: `/api/training-sessions/${session.id}/roster` }), 403);

    // withdrawal frees the seat and moves the colleague up, in the same transaction
    // a colleague does not even see it; the supervisor sees it but may not withdraw it
    expectStatus(
      await call(mate, { method: 'POST', url: `/api/applications/${mine.id}/withdraw`, payload: {} }),
      404,
    );
    expectStatus(
      await call('demo-supervisor', {
        method: 'POST',
        url: `/api/applications/${mine.id}/withdraw`,
        payload: {},
      }),
      403,
    );
    const withdrawn = await call('demo-staff', {
      method: 'POST',
      url: `/api/applications/${mine.id}/withdraw`,
      payload: {},
    });
    expectStatus(withdrawn, 200);
    expect(withdrawn.json<TrainingApplication>().status).toBe('withdrawn');
    const roster = (
      await call('demo-hr', { url: `/api/training-sessions/${session.id}/roster` })
    ).json<TrainingSessionRoster>();
    expect(roster.items.map((a) => [a.staff.id, a.status])).toEqual([[theirs.staff.id, 'accepted']]);
    expect(roster.session.acceptedCount).toBe(1);

    // withdrawn: one may apply again
    const reapplied = await apply(call, 'demo-staff', session.id);
    expect(reapplied).toMatchObject({ id: mine.id, status: 'applied' });
  });

  it('never overbooks when two HR officers accept the last seat at once', async () => {
    const course = await makeCourse(call);
    const session = await makeSession(call, course.id, { capacity: 1 });
    const a = await apply(call, mate, session.id);
    const b = await apply(call, mate2, session.id);
    await decide(call, 'demo-supervisor', a.id, 'approve');
    await decide(call, 'demo-supervisor', b.id, 'approve');
    // a second HR officer
    const hr2 = await enableSignIn(db(), (await peopleIn(db(), 'somu-1-2-2', false))[0] ?? '');
    await db().staff.update({ where: { loginId: hr2 }, data: { systemRoles: ['hr_admin'] } });
    const [ra, rb] = await Promise.all([
      decide(call, 'demo-hr', a.id, 'accept'),
      decide(call, hr2, b.id, 'accept'),
    ]);
    expectStatus(ra, 200);
    expectStatus(rb, 200);
    const statuses = [ra.json<TrainingApplication>().status, rb.json<TrainingApplication>().status].sort();
    expect(statuses).toEqual(['accepted', 'waitlisted']);
    const row = await db().trainingSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.acceptedCount).toBe(1);
    expect(
      await db().trainingApplication.count({ where: { sessionId: session.id, status: 'accepted' } }),
    ).toBe(1);

    // the same application accepted twice at once: one decision, one seat
    const other = await makeSession(call, course.id, { capacity: 5 });
    const c = await apply(call, mate, other.id);
    await decide(call, 'demo-supervisor', c.id, 'approve');
    const twice = await Promise.all([
      decide(call, 'demo-hr', c.id, 'accept'),
      decide(call, hr2, c.id, 'accept'),
    ]);
    expect(twice.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const otherRow = await db().trainingSession.findUniqueOrThrow({ where: { id: other.id } });
    expect(otherRow.acceptedCount).toBe(1);
  });

  it('closes applications and withdrawals after the deadline, and on cancelled sessions', async () => {
    const course = await makeCourse(call);
    const yesterday = dayFromToday(-1);
    const closed = await makeSession(call, course.id, { applicationDeadline: yesterday });
    const res = await call('demo-staff', {
      method: 'POST',
      url: `/api/training-sessions/${closed.id}/applications`,
      payload: { reason: '参加したい' },
    });
    expectStatus(res, 409);
    expect(res.json().code).toBe('application_closed');
    // an application made in time cannot be withdrawn once the deadline has passed
    const open = await makeSession(call, course.id);
    const app1 = await apply(call, 'demo-staff', open.id);
    await db().trainingSession.update({
      where: { id: open.id },
      data: { applicationDeadline: new Date(`${yesterday}T00:00:00Z`) },
    });
    const late = await call('demo-staff', { method: 'POST', url: `/api/applications/${app1.id}/withdraw` });
    expectStatus(late, 409);
    expect(late.json().code).toBe('deadline_passed');
    // a cancelled session takes no applications
    const cancelled = await makeSession(call, course.id);
    const put = await call('demo-hr', {
      method: 'PUT',
      url: `/api/training-sessions/${cancelled.id}`,
      payload: {
        startsAt: cancelled.startsAt,
        endsAt: cancelled.endsAt,
        capacity: cancelled.capacity,
        applicationDeadline: cancelled.applicationDeadline,
        status: 'cancelled',
        version: cancelled.version,
      },
    });
    expectStatus(put, 200);
    expect(put.json()).toMatchObject({ status: 'cancelled', open: false });
    const onCancelled = await call('demo-staff', {
      method: 'POST',
      url: `/api/training-sessions/${cancelled.id}/applications`,
      payload: { reason: '参加したい' },
    });
    expectStatus(onCancelled, 409);
  });

  it('takes attendance and completion, then the survey and the practice report the supervisor confirms', async () => {
    const course = await makeCourse(call);
    // a session that started an hour ago (or at midnight, in the hour after it: a session of the day
    // before could take no applications today), applications open until today
    const midnight = today().getTime() - 9 * 3600_000;
    const start = new Date(Math.max(Date.now() - 3600_000, midnight));
    const session = await makeSession(call, course.id, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      applicationDeadline: todayIso(),
      capacity: 5,
    });
    const mine = await apply(call, 'demo-staff', session.id);
    const theirs = await apply(call, mate, session.id);
    for (const a of [mine, theirs]) {
      await decide(call, 'demo-supervisor', a.id, 'approve');
      await decide(call, 'demo-hr', a.id, 'accept');
    }
    const before = await db().trainingStaffYear.findUnique({
      where: { staffId_fiscalYear: { staffId, fiscalYear: session.fiscalYear } },
    });

    // the survey waits for attendance
    const tooEarly = await call('demo-staff', {
      method: 'POST',
      url: `/api/applications/${mine.id}/feedback`,
      payload: { satisfaction: 5, usefulness: 4 },
    });
    expectStatus(tooEarly, 409);

    const badRows = await call('demo-hr', {
      method: 'POST',
      url: `/api/training-sessions/${session.id}/attendance`,
      payload: {
        rows: [
          { applicationId: mine.id, attendance: 'absent', completed: true },
          { applicationId: crypto.randomUUID(), attendance: 'present', completed: true },
        ],
      },
    });
    expectStatus(badRows, 400);
    expect(badRows.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.rows.0.completed',
      'body.rows.1.applicationId',
    ]);
    expectStatus(
      await call('demo-supervisor', {
        method: 'POST',
        url: `/api/training-sessions/${session.id}/attendance`,
        payload: { rows: [{ applicationId: mine.id, attendance: 'present', completed: true }] },
      }),
      403,
    );
    // a stale row refuses the whole batch
    const current = await db().trainingApplication.findUniqueOrThrow({ where: { id: theirs.id } });
    const stale = await call('demo-hr', {
      method: 'POST',
      url: `/api/training-sessions/${session.id}/attendance`,
      payload: {
        rows: [
          { applicationId: mine.id, attendance: 'present', completed: true },
          { applicationId: theirs.id, attendance: 'present', completed: true, version: current.version - 1 },
        ],
      },
    });
    expectStatus(stale, 409);
    expect(stale.json().current.items.every((a: { attendance: unknown }) => a.attendance === null)).toBe(
      true,
    );
    const saved = await call('demo-hr', {
      method: 'POST',
      url: `/api/training-sessions/${session.id}/attendance`,
      payload: {
        rows: [
          { applicationId: mine.id, attendance: 'present', completed: true },
          { applicationId: theirs.id, attendance: 'absent', completed: false },
        ],
      },
    });
    expectStatus(saved, 200);
    const roster = saved.json<TrainingSessionRoster>();
    const me = roster.items.find((a) => a.id === mine.id);
    expect(me).toMatchObject({ attendance: 'present', completed: true });
    expect(me?.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const after = await db().trainingStaffYear.findUniqueOrThrow({
      where: { staffId_fiscalYear: { staffId, fiscalYear: session.fiscalYear } },
    });
    expect(after.completed).toBe((before?.completed ?? 0) + 1);

    // the participant's survey (once) and practice report; only the supervisor confirms it
    const feedback = await call('demo-staff', {
      method: 'POST',
      url: `/api/applications/${mine.id}/feedback`,
      payload: { satisfaction: 5, usefulness: 4, comment: '実践的でした' },
    });
    expectStatus(feedback, 201);
    expect(feedback.json<TrainingApplication>().feedback).toMatchObject({ satisfaction: 5, usefulness: 4 });
    expectStatus(
      await call('demo-staff', {
        method: 'POST',
        url: `/api/applications/${mine.id}/feedback`,
        payload: { satisfaction: 1, usefulness: 1 },
      }),
      409,
    );
    expectStatus(
      await call(mate, {
        method: 'POST',
        url: `/api/applications/${theirs.id}/practice-report`,
        payload: { body: '欠席したが報告' },
      }),
      409,
    );
    const reportRequest = {
      method: 'POST' as const,
      url: `/api/applications/${mine.id}/practice-report`,
      headers: { 'idempotency-key': `report-${mine.id}` },
      payload: { body: '係内の朝会で振り返りの手法を試しました。' },
    };
    const report = await call('demo-staff', reportRequest);
    expectStatus(report, 201);
    // a retry with the same Idempotency-Key answers as the first did, and stores nothing more
    const retried = await call('demo-staff', reportRequest);
    expectStatus(retried, 201);
    expect(await db().practiceReport.count({ where: { applicationId: mine.id } })).toBe(1);
    const practice = (
      await call('demo-supervisor', { url: '/api/applications?inbox=practice&pageSize=100' })
    ).json<TrainingApplicationPage>();
    expect(practice.items.find((a) => a.id === mine.id)?.actions.confirmPractice).toBe(true);
    expectStatus(
      await call('demo-hr', {
        method: 'POST',
        url: `/api/applications/${mine.id}/practice-report/confirm`,
        payload: {},
      }),
      403,
    );
    const confirmed = await call('demo-supervisor', {
      method: 'POST',
      url: `/api/applications/${mine.id}/practice-report/confirm`,
      payload: { comment: '確認しました' },
    });
    expectStatus(confirmed, 200);
    expect(confirmed.json<TrainingApplication>().practiceReport).toMatchObject({
      confirmedBy: { name: '青木 直子' },
      supervisorComment: '確認しました',
    });

    // HR sees the survey's averages on the course
    const hrView = (await call('demo-hr', { url: `/api/trainings/${course.id}` })).json<Training>();
    expect(hrView.feedback).toEqual({ count: 1, satisfaction: 5, usefulness: 4 });
    const staffView = (await call('demo-staff', { url: `/api/trainings/${course.id}` })).json<Training>();
    expect(staffView).toMatchObject({ feedback: null, myProgress: 'completed' });
  });

  it('exports the roster as CSV and Excel', async () => {
    const k04 = await db().training.findUniqueOrThrow({ where: { code: 'K04' } });
    const session = await db().trainingSession.findFirstOrThrow({
      where: { trainingId: k04.id, fiscalYear: fy },
    });
    const csv = await call('demo-hr', {
      url: `/api/training-sessions/${session.id}/roster/export?format=csv`,
    });
    expectStatus(csv, 200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain("filename*=UTF-8''K04_");
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toContain('職員番号,氏名');
    expect(lines.length).toBe(session.acceptedCount + 1);
    const xlsx = await call('demo-hr', {
      url: `/api/training-sessions/${session.id}/roster/export?format=xlsx`,
    });
    expectStatus(xlsx, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getCell('A1').value).toBe('新任係長研修');
    expect(sheet?.getRow(4).getCell(1).value).toBe('職員番号');
    expect(sheet?.rowCount).toBe(4 + session.acceptedCount);
    expectStatus(
      await call('demo-staff', { url: `/api/training-sessions/${session.id}/roster/export?format=csv` }),
      403,
    );
  });

  it('enrols everyone of a grade at once, up to capacity, the rest waiting in order', async () => {
    const course = await makeCourse(call, {
      kind: 'institute_grade',
      mandatory: true,
      targetGradeIds: [shujiGrade],
    });
    const session = await makeSession(call, course.id, { capacity: 30 });
    const key = `assign-${crypto.randomUUID()}`;
    const payload = { sessionId: session.id, gradeIds: [shujiGrade] };
    const res = await call('demo-hr', {
      method: 'POST',
      url: `/api/trainings/${course.id}/assignments`,
      payload,
      headers: { 'idempotency-key': key },
    });
    expectStatus(res, 200);
    const result = res.json();
    const shuji = await db().staff.count({
      where: { assignments: { some: { endsOn: null, gradeId: shujiGrade } } },
    });
    expect(result).toMatchObject({ matched: shuji, accepted: 30, waitlisted: shuji - 30, skipped: 0 });
    expect(result.batchId).toEqual(expect.any(String));
    const replay = await call('demo-hr', {
      method: 'POST',
      url: `/api/trainings/${course.id}/assignments`,
      payload,
      headers: { 'idempotency-key': key },
    });
    expect(replay.json()).toEqual(result);
    const again = await call('demo-hr', {
      method: 'POST',
      url: `/api/trainings/${course.id}/assignments`,
      payload,
    });
    expect(again.json()).toMatchObject({ accepted: 0, waitlisted: 0, skipped: shuji, batchId: null });
    const row = await db().trainingSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.acceptedCount).toBe(30);
    const mine = await db().trainingApplication.findUniqueOrThrow({
      where: { sessionId_staffId: { sessionId: session.id, staffId } },
    });
    expect(mine.assigned).toBe(true);
    expectStatus(
      await call('demo-supervisor', {
        method: 'POST',
        url: `/api/trainings/${course.id}/assignments`,
        payload,
      }),
      403,
    );

    // more seats: the waiting list moves up at once
    const current = (
      await call('demo-hr', { url: `/api/trainings/${course.id}/sessions` })
    ).json<TrainingSessionPage>().items[0];
    const edited = await call('demo-hr', {
      method: 'PUT',
      url: `/api/training-sessions/${session.id}`,
      payload: {
        startsAt: current?.startsAt,
        endsAt: current?.endsAt,
        venue: '研修所 大研修室',
        online: false,
        capacity: 35,
        applicationDeadline: current?.applicationDeadline,
        version: current?.version,
      },
    });
    expectStatus(edited, 200);
    expect(edited.json()).toMatchObject({ acceptedCount: 35, capacity: 35, venue: '研修所 大研修室' });
    const shrink = await call('demo-hr', {
      method: 'PUT',
      url: `/api/training-sessions/${session.id}`,
      payload: {
        startsAt: current?.startsAt,
        endsAt: current?.endsAt,
        capacity: 10,
        applicationDeadline: current?.applicationDeadline,
        version: (current?.version ?? 0) + 1,
      },
    });
    expectStatus(shrink, 400);
    expect(shrink.json().errors[0].field).toBe('body.capacity');
  });
  it('shows the head count against the seats before a bulk enrolment, and undoes a batch once', async () => {
    const course = await makeCourse(call, {
      kind: 'institute_grade',
      mandatory: true,
      targetGradeIds: [shujiGrade],
    });
    const session = await makeSession(call, course.id, { capacity: 20 });
    const payload = { sessionId: session.id, gradeIds: [shujiGrade] };
    const shuji = await db().staff.count({
      where: { disabledAt: null, assignments: { some: { endsOn: null, gradeId: shujiGrade } } },
    });

    // the preview changes nothing and says what the enrolment would do
    const preview = await call('demo-hr', {
      method: 'POST',
      url: `/api/trainings/${course.id}/assignments/preview`,
      payload,
    });
    expectStatus(preview, 200);
    expect(preview.json()).toEqual({
      matched: shuji,
      outsideTarget: 0,
      skipped: 0,
      toEnrol: shuji,
      capacity: 20,
      acceptedCount: 0,
      seatsLeft: 20,
      accepted: 20,
      waitlisted: shuji - 20,
    });
    expect(await db().trainingApplication.count({ where: { sessionId: session.id } })).toBe(0);
    const bad = await call('demo-hr', {
      method: 'POST',
      url: `/api/trainings/${course.id}/assignments/preview`,
      payload: { sessionId: session.id, gradeIds: [crypto.randomUUID()] },
    });
    expectStatus(bad, 400);
    expect(bad.json().errors[0].field).toBe('body.gradeIds.0');
    expectStatus(
      await call('demo-supervisor', {
        method: 'POST',
        url: `/api/trainings/${course.id}/assignments/preview`,
        payload,
      }),
      403,
    );

    // someone applied on their own is not part of the batch and keeps their place
    const own = await call('demo-staff', {
      method: 'POST',
      url: `/api/training-sessions/${session.id}/applications`,
      payload: { reason: '自分で申し込みます' },
    });
    expectStatus(own, 201);
    const done = await call('demo-hr', {
      method: 'POST',
      url: `/api/trainings/${course.id}/assignments`,
      payload,
    });
    expectStatus(done, 200);
    const { batchId } = done.json();
    expect(done.json()).toMatchObject({ matched: shuji, skipped: 1, accepted: 20 });

    // one enrolment of the batch is acted on afterwards: the undo keeps it
    const touched = await db().trainingApplication.findFirstOrThrow({
      where: { batchId, status: 'waitlisted' },
      orderBy: { waitlistedAt: 'asc' },
    });
    await db().trainingApplication.update({ where: { id: touched.id }, data: { status: 'withdrawn' } });

    const listed = await call('demo-hr', { url: `/api/trainings/${course.id}/assignment-batches` });
    expectStatus(listed, 200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({ id: batchId, accepted: 20, undoable: true, undoneAt: null }),
    ]);
    expect(listed.json().items[0].grades.map((g: { id: string }) => g.id)).toEqual([shujiGrade]);

    expectStatus(
      await call('demo-supervisor', {
        method: 'POST',
        url: `/api/training-assignment-batches/${batchId}/undo`,
      }),
      403,
    );
    const undo = await call('demo-hr', {
      method: 'POST',
      url: `/api/training-assignment-batches/${batchId}/undo`,
    });
    expectStatus(undo, 200);
    expect(undo.json()).toEqual({ removed: shuji - 2, kept: 1, promoted: 0 });
    const after = await db().trainingSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.acceptedCount).toBe(0);
    const left = await db().trainingApplication.findMany({
      where: { sessionId: session.id },
      select: { staffId: true, status: true },
    });
    expect(left).toHaveLength(2);
    expect(left).toEqual(expect.arrayContaining([{ staffId, status: 'applied' }]));

    const again = await call('demo-hr', {
      method: 'POST',
      url: `/api/training-assignment-batches/${batchId}/undo`,
    });
    expectStatus(again, 409);
    expect(again.json().code).toBe('batch_undone');
    const relisted = await call('demo-hr', { url: `/api/trainings/${course.id}/assignment-batches` });
    expect(relisted.json().items[0]).toMatchObject({ undoable: false, undoneCount: shuji - 2 });
    expect(relisted.json().items[0].undoneAt).toEqual(expect.any(String));
    expectStatus(
      await call('demo-hr', {
        method: 'POST',
        url: `/api/training-assignment-batches/${crypto.randomUUID()}/undo`,
      }),
      404,
    );
    const audit = await db().auditLog.findFirst({
      where: { action: 'training.assign.undo', entityId: session.id },
    });
    expect(audit?.after).toMatchObject({ batchId, removed: shuji - 2 });
  });
  it('marks 対象外: not recommended, flagged on the application for the supervisor and HR, audited when accepted', async () => {
    const hokenshi = (await db().jobFamily.findUniqueOrThrow({ where: { code: 'hokenshi' } })).id;
    // the demo's 保健師専門研修 is not recommended to a 事務 主事
    const rec = (
      await call('demo-staff', { url: '/api/trainings/recommended' })
    ).json<TrainingRecommendations>();
    expect(rec.items.map((i) => i.training.code)).not.toContain('B03');

    const course = await makeCourse(call, { targetGradeIds: [shujiGrade], targetJobFamilyIds: [hokenshi] });
    const session = await makeSession(call, course.id, { capacity: 5 });
    // the preview counts who would be enrolled outside the target: every 主事 who is not a 保健師
    const preview = await call('demo-hr', {
      method: 'POST',
      url: `/api/trainings/${course.id}/assignments/preview`,
      payload: { sessionId: session.id, gradeIds: [shujiGrade] },
    });
    const outside = await db().staff.count({
      where: {
        disabledAt: null,
        jobFamilyId: { not: hokenshi },
        assignments: { some: { endsOn: null, gradeId: shujiGrade } },
      },
    });
    expect(preview.json()).toMatchObject({ outsideTarget: outside });
    expect(outside).toBeGreaterThan(0);

    // demo-staff (事務) may still apply; everyone who reads the application sees why it is 対象外
    const mine = await apply(call, 'demo-staff', session.id);
    expect(mine.outsideTarget).toEqual(['job_family']);
    const inbox = await call('demo-supervisor', { url: '/api/applications?inbox=supervisor' });
    expect(
      inbox.json<{ items: TrainingApplication[] }>().items.find((a) => a.id === mine.id)?.outsideTarget,
    ).toEqual(['job_family']);
    expectStatus(await decide(call, 'demo-supervisor', mine.id, 'approve'), 200);
    const accepted = await decide(call, 'demo-hr', mine.id, 'accept', '本人の希望を尊重');
    expectStatus(accepted, 200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', outsideTarget: ['job_family'] });
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: 'training_application.accept', entityId: mine.id },
    });
    expect(audit.after).toMatchObject({ status: 'accepted', outsideTarget: ['job_family'] });

    // inside the target: nothing to flag
    const open = await makeCourse(call, { targetGradeIds: [shujiGrade] });
    const openSession = await makeSession(call, open.id);
    expect((await apply(call, 'demo-staff', openSession.id)).outsideTarget).toEqual([]);
  });
  it('offers no 不受理 once the course has been held: attendance is the record', async () => {
    const course = await makeCourse(call);
    const session = await db().trainingSession.create({
      data: {
        trainingId: course.id,
        fiscalYear: fy,
        startsAt: new Date(Date.now() - 5 * 3600_000),
        endsAt: new Date(Date.now() - 2 * 3600_000),
        capacity: 10,
        acceptedCount: 2,
        applicationDeadline: new Date(Date.now() - 7 * 86_400_000),
      },
    });
    const accepted = (over: Record<string, unknown>, who: string) =>
      db().trainingApplication.create({
        data: {
          sessionId: session.id,
          staffId: who,
          fiscalYear: fy,
          status: 'accepted',
          hrDecidedAt: new Date(Date.now() - 9 * 86_400_000),
          ...over,
        },
      });
    const done = await accepted({ attendance: 'present', completed: true, completedOn: new Date() }, staffId);
    const mateId = (await db().staff.findUniqueOrThrow({ where: { loginId: mate } })).id;
    const waiting = await accepted({}, mateId);
    for (const a of [done, waiting]) {
      const res = await decide(call, 'demo-hr', a.id, 'reject', '定員調整のため');
      expectStatus(res, 409);
      expect(res.json().code).toBe('session_held');
    }
    expect((await db().trainingApplication.findUniqueOrThrow({ where: { id: done.id } })).status).toBe(
      'accepted',
    );
  });
});

describe('the acceptance queue, filtered', () => {
  it('narrows by course, session and the applicant’s 局・区, with the seats left on each card', async () => {
    const courseA = await makeCourse(call);
    const courseB = await makeCourse(call);
    const a1 = await makeSession(call, courseA.id, { capacity: 3 });
    const a2 = await makeSession(call, courseA.id, { capacity: 1 });
    const b1 = await makeSession(call, courseB.id, { capacity: 2 });
    const mine = await apply(call, 'demo-staff', a1.id);
    const theirs = await apply(call, mate, a2.id);
    const other = await apply(call, 'demo-staff', b1.id);
    for (const a of [mine, theirs, other]) {
      expectStatus(await decide(call, 'demo-supervisor', a.id, 'approve'), 200);
    }
    const queue = async (params: string) => {
      const res = await call('demo-hr', { url: `/api/applications?inbox=acceptance&pageSize=100&${params}` });
      expectStatus(res, 200);
      return res.json<TrainingApplicationPage>();
    };
    const byCourse = await queue(`trainingId=${courseA.id}`);
    expect(byCourse.items.map((a) => a.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(byCourse.total).toBe(2);
    const bySession = await queue(`sessionId=${a1.id}`);
    expect(bySession.items.map((a) => a.id)).toEqual([mine.id]);
    expect(bySession.items[0]?.session).toMatchObject({ capacity: 3, seatsLeft: 3 });

    // a seat taken shows on every card of that session
    expectStatus(await decide(call, 'demo-hr', theirs.id, 'accept'), 200);
    const another = await apply(call, mate2, a2.id);
    await decide(call, 'demo-supervisor', another.id, 'approve');
    const full = await queue(`sessionId=${a2.id}`);
    expect(full.items.map((a) => [a.id, a.session.seatsLeft])).toEqual([[another.id, 0]]);

    const unit = await db().orgUnit.findUniqueOrThrow({ where: { code: 'aoba-1-1-1' } });
    const inBureau = await queue(`trainingId=${courseA.id}&bureauId=${unit.bureauId}`);
    expect(inBureau.items.map((a) => a.id).sort()).toEqual([mine.id, another.id].sort());
    const elsewhere = await queue(`trainingId=${courseA.id}&bureauId=${somu}`);
    expect(elsewhere).toMatchObject({ items: [], total: 0 });
  });

  it('refuses a filter that is not an id, naming it', async () => {
    for (const field of ['trainingId', 'sessionId', 'bureauId']) {
      const res = await call('demo-hr', { url: `/api/applications?inbox=acceptance&${field}=nope` });
      expectStatus(res, 400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].field).toBe(`query.${field}`);
    }
  });
});

describe('bulk decisions', () => {
  it('accepts many at once: seats first, then the waiting list; stale and unknown ones reported; replayed by key', async () => {
    const course = await makeCourse(call);
    const s = await makeSession(call, course.id, { capacity: 2 });
    const apps = [
      await apply(call, 'demo-staff', s.id),
      await apply(call, mate, s.id),
      await apply(call, mate2, s.id),
    ];
    // the supervisor approves two at once
    const approve = await call('demo-supervisor', {
      method: 'POST',
      url: '/api/training-applications/bulk-decisions',
      payload: { decision: 'approve', items: apps.map((a) => ({ id: a.id, version: a.version })) },
    });
    expectStatus(approve, 200);
    expect(approve.json().counts).toMatchObject({ approved: 3, stale: 0, notFound: 0 });
    const approved = (
      await call('demo-hr', { url: `/api/applications?inbox=acceptance&sessionId=${s.id}&pageSize=100` })
    ).json<TrainingApplicationPage>();
    expect(approved.total).toBe(3);
    const unknown = crypto.randomUUID();
    const [first, second, third] = apps.map((a) => approved.items.find((x) => x.id === a.id));
    const payload = {
      decision: 'accept',
      items: [
        { id: first?.id, version: first?.version },
        { id: second?.id, version: second?.version },
        { id: third?.id, version: (third?.version ?? 1) - 1 },
        { id: unknown, version: 1 },
      ],
    };
    const req = {
      method: 'POST' as const,
      url: '/api/training-applications/bulk-decisions',
      headers: { 'idempotency-key': `bulk-${s.id}` },
      payload,
    };
    const res = await call('demo-hr', req);
    expectStatus(res, 200);
    expect(res.json().results).toEqual([
      { id: first?.id, outcome: 'accepted', code: null },
      { id: second?.id, outcome: 'accepted', code: null },
      { id: third?.id, outcome: 'stale', code: null },
      { id: unknown, outcome: 'not_found', code: null },
    ]);
    // the retry replays the answer and decides nothing twice
    const replay = await call('demo-hr', req);
    expectStatus(replay, 200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(res.json());
    // the stale one, retried with its version, finds the session full: the waiting list
    const retry = await call('demo-hr', {
      method: 'POST',
      url: '/api/training-applications/bulk-decisions',
      payload: { decision: 'accept', items: [{ id: third?.id, version: third?.version }] },
    });
    expect(retry.json().results).toEqual([{ id: third?.id, outcome: 'waitlisted', code: null }]);
    const seats = (
      await call('demo-hr', { url: `/api/applications/${first?.id}` })
    ).json<TrainingApplication>();
    expect(seats.session.seatsLeft).toBe(0);
    const told = await db().notification.count({
      where: { kind: 'training.application.accepted', recipientId: staffId },
    });
    expect(told).toBeGreaterThan(0);
  });

  it('refuses a malformed batch naming the field, and a decision the role does not take', async () => {
    const id = crypto.randomUUID();
    const twice = await call('demo-hr', {
      method: 'POST',
      url: '/api/training-applications/bulk-decisions',
      payload: {
        decision: 'accept',
        items: [
          { id, version: 1 },
          { id, version: 1 },
        ],
      },
    });
    expectStatus(twice, 400);
    expect(twice.json().errors[0].field).toBe('body.items');
    const empty = await call('demo-hr', {
      method: 'POST',
      url: '/api/training-applications/bulk-decisions',
      payload: { decision: 'accept', items: [] },
    });
    expectStatus(empty, 400);
    const reject = await call('demo-hr', {
      method: 'POST',
      url: '/api/training-applications/bulk-decisions',
      payload: { decision: 'reject', items: [{ id, version: 1 }] },
    });
    expect(reject.json().errors[0].field).toBe('body.decision');
    expectStatus(
      await call('demo-staff', {
        method: 'POST',
        url: '/api/training-applications/bulk-decisions',
        payload: { decision: 'accept', items: [{ id, version: 1 }] },
      }),
      403,
    );
  });
});
