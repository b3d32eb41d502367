/**
 * Training: the catalogue, sessions, applications and their decisions, attendance, rosters, bulk
 * enrolment, surveys and practice reports. `demoStaff` is demo-supervisor's (青葉区); `demoStaffOther`
 * is in demo-bureau's 総務局. Courses of the training institute are HR's; the 総務局's 部門別研修 is
 * demo-bureau's too. Each row asks anonymous, staff, supervisor, staffOther, bureau, hr, exec in turn,
 * so rows that change state are arranged so that the first allowed caller succeeds and the rest meet
 * what it left.
 */
import { fiscalYearOf } from '@portal/contracts';
import { today } from '../../src/access/access.ts';
import { type MatrixRows, scoped, type Who } from './types.ts';

const expect = (e: Omit<Record<Who, number>, 'anon'>): Record<Who, number> => ({ anon: 401, ...e });
const dayMs = 86_400_000;
const fy = fiscalYearOf(today().toISOString().slice(0, 10));
const hrOnly = (hr: number) =>
  expect({ staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr, exec: 403 });
const course = (over: Record<string, unknown> = {}) => ({
  title: { ja: '権限表の研修', en: 'Matrix course' },
  kind: 'institute_elective',
  hours: 2,
  fiscalYears: [fy, fy + 1],
  ...over,
});

export const trainingRows: MatrixRows = {
  async prepare(db, t) {
    const day = today();
    const inDays = (n: number, hour = 9) => new Date(day.getTime() + n * dayMs + (hour - 9) * 3600_000);
    const somu = await db.orgUnit.findUniqueOrThrow({ where: { code: 'somu' }, select: { id: true } });
    const hr = await db.staff.findUniqueOrThrow({ where: { loginId: 'demo-hr' }, select: { id: true } });
    const supervisor = await db.staff.findUniqueOrThrow({
      where: { loginId: 'demo-supervisor' },
      select: { id: true },
    });
    const makeCourse = async (code: string, over: Record<string, unknown> = {}) =>
      (
        await db.training.create({
          data: {
            code,
            titleJa: `権限表 ${code}`,
            titleEn: `Matrix ${code}`,
            kind: 'institute_elective',
            hours: 2,
            fiscalYears: [fy, fy + 1],
            ...over,
          },
          select: { id: true },
        })
      ).id;
    const institute = await makeCourse('MX-INST');
    const departmental = await makeCourse('MX-SOMU', { kind: 'departmental', ownerBureauId: somu.id });
    const inactive = await makeCourse('MX-OLD', { active: false });
    const putInstitute = await makeCourse('MX-PUT1');
    const putDepartmental = await makeCourse('MX-PUT2', { kind: 'departmental', ownerBureauId: somu.id });
    const session = async (trainingId: string, startIn = 14, over: Record<string, unknown> = {}) =>
      await db.trainingSession.create({
        data: {
          trainingId,
          fiscalYear: fiscalYearOf(inDays(startIn).toISOString().slice(0, 10)),
          startsAt: inDays(startIn),
          endsAt: inDays(startIn, 17),
          capacity: 20,
          applicationDeadline: inDays(Math.max(startIn - 7, 0)),
          ...over,
        },
        select: { id: true, fiscalYear: true },
      });
    const openSession = await session(institute);
    const departmentalSession = await session(departmental);
    const putSession = await session(institute);
    const putDepartmentalSession = await session(departmental);
    const assignSession = await session(institute);
    const pastSession = await session(institute, 0, {
      startsAt: new Date(Date.now() - 2 * 3600_000),
      endsAt: new Date(Date.now() - 3600_000),
      applicationDeadline: day,
    });
    const application = async (
      s: { id: string; fiscalYear: number },
      staffId: string,
      status: 'applied' | 'approved' | 'accepted',
      over: Record<string, unknown> = {},
    ) =>
      (
        await db.trainingApplication.create({
          data: {
            sessionId: s.id,
            staffId,
            fiscalYear: s.fiscalYear,
            reason: '権限表',
            status,
            ...(status !== 'applied' ? { supervisorId: supervisor.id, supervisorDecidedAt: new Date() } : {}),
            ...(status === 'accepted' ? { hrDecidedById: hr.id, hrDecidedAt: new Date() } : {}),
            ...over,
          },
          select: { id: true },
        })
      ).id;
    const staff = t.demoStaff ?? '';
    const other = t.demoStaffOther ?? '';
    const applied = await session(institute);
    const approved = await session(institute);
    const withdrawable = await session(institute);
    const bulkApplied = await session(institute);
    const bulkApproved = await session(institute);
    const completedSession = await session(institute, -10, { applicationDeadline: inDays(-20) });
    const attended = await application(pastSession, staff, 'accepted');
    await db.trainingSession.update({ where: { id: pastSession.id }, data: { acceptedCount: 1 } });
    const batch = async (sessionId: string) =>
      (
        await db.trainingAssignmentBatch.create({
          data: {
            sessionId,
            actorId: hr.id,
            gradeIds: [],
            matched: 0,
            accepted: 0,
            waitlisted: 0,
            skipped: 0,
          },
          select: { id: true },
        })
      ).id;
    return {
      batchInstitute: await batch(assignSession.id),
      batchDepartmental: await batch(departmentalSession.id),
      trainingInstitute: institute,
      trainingDepartmental: departmental,
      trainingInactive: inactive,
      trainingPutInstitute: putInstitute,
      trainingPutDepartmental: putDepartmental,
      sessionOpen: openSession.id,
      sessionDepartmental: departmentalSession.id,
      sessionPut: putSession.id,
      sessionPutDepartmental: putDepartmentalSession.id,
      sessionAssign: assignSession.id,
      sessionPast: pastSession.id,
      appAttended: attended,
      appStaffApplied: await application(applied, staff, 'applied'),
      appStaffApproved: await application(approved, staff, 'approved'),
      appOtherApproved: await application(departmentalSession, other, 'approved'),
      appStaffWithdraw: await application(withdrawable, staff, 'applied'),
      appBulkApplied: await application(bulkApplied, staff, 'applied'),
      appBulkApproved: await application(bulkApproved, staff, 'approved'),
      appStaffCompleted: await application(completedSession, staff, 'accepted', {
        attendance: 'present',
        completed: true,
        completedOn: inDays(-10),
      }),
      somu: somu.id,
      kyokuchoGrade: (await db.grade.findUniqueOrThrow({ where: { code: 'kyokucho' } })).id,
    };
  },
  rows: [
    // --- the catalogue ---------------------------------------------------------------------------
    {
      method: 'GET',
      route: '/api/trainings',
      url: () => '/api/trainings?includeInactive=true&q=Matrix%20MX&pageSize=100',
      expect: expect({ staff: 200, supervisor: 200, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
      // a course taken out of the catalogue is HR's alone, whatever the query asks
      returns: {
        ...scoped(
          ['staff', 'supervisor', 'staffOther', 'bureau', 'exec'],
          ['trainingInstitute'],
          ['trainingInactive'],
        ),
        hr: { in: ['trainingInstitute'] },
      },
    },
    {
      method: 'GET',
      route: '/api/trainings/recommended',
      url: () => '/api/trainings/recommended',
      expect: expect({ staff: 200, supervisor: 200, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
      returns: scoped([], [], ['trainingInactive']),
    },
    {
      method: 'GET',
      route: '/api/trainings/options',
      url: () => '/api/trainings/options',
      expect: expect({ staff: 200, supervisor: 200, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
    },
    {
      method: 'GET',
      route: '/api/trainings/{id}',
      url: (t) => `/api/trainings/${t.trainingInstitute}`,
      expect: expect({ staff: 200, supervisor: 200, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
    },
    {
      method: 'GET',
      route: '/api/trainings/{id}',
      url: (t) => `/api/trainings/${t.trainingInactive}`,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 404, bureau: 404, hr: 200, exec: 404 }),
    },
    {
      method: 'GET',
      route: '/api/trainings/{id}',
      url: () => `/api/trainings/${crypto.randomUUID()}`,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 404, bureau: 404, hr: 404, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/trainings',
      url: () => '/api/trainings',
      body: course(),
      expect: hrOnly(201),
    },
    {
      method: 'POST',
      route: '/api/trainings',
      url: () => '/api/trainings',
      body: (t: Record<string, string>) => course({ kind: 'departmental', ownerBureauId: t.somu }),
      expect: expect({ staff: 403, supervisor: 403, staffOther: 403, bureau: 201, hr: 201, exec: 403 }),
    },
    {
      method: 'PUT',
      route: '/api/trainings/{id}',
      url: (t) => `/api/trainings/${t.trainingPutInstitute}`,
      body: { ...course(), version: 1 },
      expect: hrOnly(200),
    },
    {
      method: 'PUT',
      route: '/api/trainings/{id}',
      url: (t) => `/api/trainings/${t.trainingPutDepartmental}`,
      body: (t: Record<string, string>) => ({
        ...course({ kind: 'departmental', ownerBureauId: t.somu }),
        version: 1,
      }),
      // the bureau edits its own course first; HR then holds a stale version
      expect: expect({ staff: 403, supervisor: 403, staffOther: 403, bureau: 200, hr: 409, exec: 403 }),
    },
    {
      method: 'PUT',
      route: '/api/trainings/{id}',
      url: (t) => `/api/trainings/${t.trainingInactive}`,
      body: { ...course({ active: false }), version: 1 },
      expect: expect({ staff: 404, supervisor: 404, staffOther: 404, bureau: 404, hr: 200, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/trainings/{id}/assignments',
      url: (t) => `/api/trainings/${t.trainingInstitute}/assignments`,
      body: (t: Record<string, string>) => ({ sessionId: t.sessionAssign, gradeIds: [t.kyokuchoGrade] }),
      expect: hrOnly(200),
    },
    {
      method: 'POST',
      route: '/api/trainings/{id}/assignments/preview',
      url: (t) => `/api/trainings/${t.trainingInstitute}/assignments/preview`,
      body: (t: Record<string, string>) => ({ sessionId: t.sessionAssign, gradeIds: [t.kyokuchoGrade] }),
      expect: hrOnly(200),
    },
    {
      method: 'GET',
      route: '/api/trainings/{id}/assignment-batches',
      url: (t) => `/api/trainings/${t.trainingInstitute}/assignment-batches`,
      expect: hrOnly(200),
      returns: { hr: { in: ['batchInstitute'], out: ['batchDepartmental'] } },
    },
    {
      method: 'GET',
      route: '/api/trainings/{id}/assignment-batches',
      url: (t) => `/api/trainings/${t.trainingDepartmental}/assignment-batches`,
      expect: expect({ staff: 403, supervisor: 403, staffOther: 403, bureau: 200, hr: 200, exec: 403 }),
      returns: {
        bureau: { in: ['batchDepartmental'], out: ['batchInstitute'] },
        hr: { in: ['batchDepartmental'], out: ['batchInstitute'] },
      },
    },
    {
      method: 'POST',
      route: '/api/training-assignment-batches/{id}/undo',
      url: (t) => `/api/training-assignment-batches/${t.batchInstitute}/undo`,
      expect: hrOnly(200),
    },

    // --- sessions --------------------------------------------------------------------------------
    {
      method: 'GET',
      route: '/api/trainings/{id}/sessions',
      url: (t) => `/api/trainings/${t.trainingInstitute}/sessions`,
      expect: expect({ staff: 200, supervisor: 200, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
    },
    {
      method: 'GET',
      route: '/api/trainings/{id}/sessions',
      url: (t) => `/api/trainings/${t.trainingInactive}/sessions`,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 404, bureau: 404, hr: 200, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/trainings/{id}/sessions',
      url: (t) => `/api/trainings/${t.trainingInstitute}/sessions`,
      body: session(30),
      expect: hrOnly(201),
    },
    {
      method: 'POST',
      route: '/api/trainings/{id}/sessions',
      url: (t) => `/api/trainings/${t.trainingDepartmental}/sessions`,
      body: session(30),
      expect: expect({ staff: 403, supervisor: 403, staffOther: 403, bureau: 201, hr: 201, exec: 403 }),
    },
    {
      method: 'PUT',
      route: '/api/training-sessions/{id}',
      url: (t) => `/api/training-sessions/${t.sessionPut}`,
      body: { ...session(21), version: 1 },
      expect: hrOnly(200),
    },
    {
      method: 'PUT',
      route: '/api/training-sessions/{id}',
      url: (t) => `/api/training-sessions/${t.sessionPutDepartmental}`,
      body: { ...session(21), version: 1 },
      expect: expect({ staff: 403, supervisor: 403, staffOther: 403, bureau: 200, hr: 409, exec: 403 }),
    },
    {
      method: 'GET',
      route: '/api/training-sessions/{id}/roster',
      url: (t) => `/api/training-sessions/${t.sessionOpen}/roster`,
      expect: hrOnly(200),
    },
    {
      method: 'GET',
      route: '/api/training-sessions/{id}/roster',
      url: (t) => `/api/training-sessions/${t.sessionDepartmental}/roster`,
      expect: expect({ staff: 403, supervisor: 403, staffOther: 403, bureau: 200, hr: 200, exec: 403 }),
    },
    {
      method: 'GET',
      route: '/api/training-sessions/{id}/roster',
      url: () => `/api/training-sessions/${crypto.randomUUID()}/roster`,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 404, bureau: 404, hr: 404, exec: 404 }),
    },
    {
      method: 'GET',
      route: '/api/training-sessions/{id}/roster/export',
      url: (t) => `/api/training-sessions/${t.sessionOpen}/roster/export?format=xlsx`,
      expect: hrOnly(200),
    },
    {
      method: 'GET',
      route: '/api/training-sessions/{id}/roster/export',
      url: (t) => `/api/training-sessions/${t.sessionDepartmental}/roster/export?format=csv`,
      expect: expect({ staff: 403, supervisor: 403, staffOther: 403, bureau: 200, hr: 200, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/training-sessions/{id}/attendance',
      url: (t) => `/api/training-sessions/${t.sessionPast}/attendance`,
      body: (t: Record<string, string>) => ({
        rows: [{ applicationId: t.appAttended, attendance: 'present', completed: true }],
      }),
      expect: hrOnly(200),
    },

    // --- applications ----------------------------------------------------------------------------
    {
      method: 'POST',
      route: '/api/training-sessions/{id}/applications',
      url: (t) => `/api/training-sessions/${t.sessionOpen}/applications`,
      body: { reason: '権限表の確認' },
      // everyone may apply, once
      expect: expect({ staff: 201, supervisor: 201, staffOther: 201, bureau: 201, hr: 201, exec: 201 }),
    },
    {
      method: 'POST',
      route: '/api/training-sessions/{id}/applications',
      url: (t) => `/api/training-sessions/${t.sessionOpen}/applications`,
      body: { reason: '権限表の確認' },
      expect: expect({ staff: 409, supervisor: 409, staffOther: 409, bureau: 409, hr: 409, exec: 409 }),
    },
    {
      method: 'POST',
      route: '/api/training-sessions/{id}/applications',
      url: () => `/api/training-sessions/${crypto.randomUUID()}/applications`,
      body: { reason: '権限表の確認' },
      expect: expect({ staff: 404, supervisor: 404, staffOther: 404, bureau: 404, hr: 404, exec: 404 }),
    },
    {
      method: 'GET',
      route: '/api/applications',
      url: () => '/api/applications?mine=true&pageSize=100',
      expect: expect({ staff: 200, supervisor: 200, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
      // one's own applications, never another's
      returns: {
        ...scoped([], [], ['appStaffApplied', 'appStaffApproved', 'appOtherApproved']),
        staff: { in: ['appStaffApplied', 'appStaffApproved'], out: ['appOtherApproved'] },
        staffOther: { in: ['appOtherApproved'], out: ['appStaffApplied', 'appStaffApproved'] },
      },
    },
    {
      method: 'GET',
      route: '/api/applications',
      url: () => '/api/applications?inbox=supervisor&pageSize=100',
      expect: expect({ staff: 403, supervisor: 200, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
      returns: scoped(['supervisor'], ['appStaffApplied'], ['appOtherApproved']),
    },
    {
      method: 'GET',
      route: '/api/applications',
      url: () => '/api/applications?inbox=acceptance&pageSize=100',
      expect: expect({ staff: 403, supervisor: 403, staffOther: 403, bureau: 200, hr: 200, exec: 403 }),
      // the 総務局's officer accepts for its own course only; HR for every course
      returns: {
        ...scoped([], [], ['appStaffApplied', 'appStaffApproved', 'appOtherApproved']),
        bureau: { in: ['appOtherApproved'], out: ['appStaffApproved', 'appStaffApplied'] },
        hr: { in: ['appStaffApproved', 'appOtherApproved'], out: ['appStaffApplied'] },
      },
    },
    {
      method: 'GET',
      route: '/api/applications/{id}',
      url: (t) => `/api/applications/${t.appStaffApplied}`,
      expect: expect({ staff: 200, supervisor: 200, staffOther: 404, bureau: 404, hr: 200, exec: 404 }),
      returns: scoped(['staff', 'supervisor', 'hr'], ['appStaffApplied', 'demoStaff'], ['demoStaffOther']),
    },
    {
      method: 'GET',
      route: '/api/applications/{id}',
      url: (t) => `/api/applications/${t.appOtherApproved}`,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 200, bureau: 200, hr: 200, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/applications/{id}/decision',
      url: (t) => `/api/applications/${t.appStaffApplied}/decision`,
      body: { decision: 'approve' },
      // the applicant's supervisor approves; afterwards HR may see it but does not approve
      expect: expect({ staff: 403, supervisor: 200, staffOther: 404, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/applications/{id}/decision',
      url: (t) => `/api/applications/${t.appStaffApproved}/decision`,
      body: { decision: 'accept' },
      expect: expect({ staff: 403, supervisor: 403, staffOther: 404, bureau: 404, hr: 200, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/applications/{id}/decision',
      url: (t) => `/api/applications/${t.appOtherApproved}/decision`,
      body: { decision: 'accept' },
      // the owning bureau accepts its own 部門別研修; HR then finds it decided
      expect: expect({ staff: 404, supervisor: 404, staffOther: 403, bureau: 200, hr: 409, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/training-applications/bulk-decisions',
      url: () => '/api/training-applications/bulk-decisions',
      body: (t: Record<string, string>) => ({
        decision: 'approve',
        items: [{ id: t.appBulkApplied, version: 1 }],
      }),
      // supervisors alone approve; the applicant's decides it, anyone else finds it reported not found
      expect: expect({ staff: 403, supervisor: 200, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/training-applications/bulk-decisions',
      url: () => '/api/training-applications/bulk-decisions',
      body: (t: Record<string, string>) => ({
        decision: 'accept',
        items: [{ id: t.appBulkApproved, version: 1 }],
      }),
      expect: expect({ staff: 403, supervisor: 403, staffOther: 403, bureau: 200, hr: 200, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/applications/{id}/withdraw',
      url: (t) => `/api/applications/${t.appStaffWithdraw}/withdraw`,
      expect: expect({ staff: 200, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/applications/{id}/feedback',
      url: (t) => `/api/applications/${t.appStaffCompleted}/feedback`,
      body: { satisfaction: 4, usefulness: 5 },
      expect: expect({ staff: 201, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/applications/{id}/practice-report',
      url: (t) => `/api/applications/${t.appStaffCompleted}/practice-report`,
      body: { body: '職場で実践しました。' },
      expect: expect({ staff: 201, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/applications/{id}/practice-report/confirm',
      url: (t) => `/api/applications/${t.appStaffCompleted}/practice-report/confirm`,
      body: { comment: '確認しました' },
      expect: expect({ staff: 403, supervisor: 200, staffOther: 404, bureau: 404, hr: 403, exec: 404 }),
    },
  ],
};

/** A session `days` ahead, as the API takes it. */
function session(days: number) {
  const start = new Date(today().getTime() + days * dayMs);
  const ymd = start.toISOString().slice(0, 10);
  const deadline = new Date(start.getTime() - 7 * dayMs).toISOString().slice(0, 10);
  return {
    startsAt: `${ymd}T09:30:00+09:00`,
    endsAt: `${ymd}T16:30:00+09:00`,
    venue: '研修所',
    capacity: 30,
    applicationDeadline: deadline,
  };
}
