/**
 * OJT: sessions (list, log one, log a batch, acknowledge, correct, delete), the 年間OJT計画 and the
 * team dashboard. `demoStaff` is demo-supervisor's; `demoStaffOther` is in demo-bureau's 総務局.
 */
import { fiscalYearOf } from '@portal/contracts';
import { today } from '../../src/access/access.ts';
import { type MatrixRows, scoped, type Who } from './types.ts';

const expect = (e: Omit<Record<Who, number>, 'anon'>): Record<Who, number> => ({ anon: 401, ...e });
const fy = fiscalYearOf(today().toISOString().slice(0, 10));
const session = (traineeId: string) => ({
  traineeId,
  minutes: 15,
  method: 'guidance',
  topic: '権限表の確認',
});
const correction = (updatedAt: string | undefined) => ({
  occurredOn: today().toISOString().slice(0, 10),
  minutes: 45,
  method: 'review',
  topic: '権限表の確認（訂正）',
  updatedAt,
});
const plan = { goals: [{ text: '目標' }], plannedSessions: 12, plannedMinutes: 600, version: 0 };

export const ojtRows: MatrixRows = {
  async prepare(db, t) {
    const day = today();
    const headOf = async (staffId: string) => {
      const unit = await db.assignment.findFirstOrThrow({
        where: { staffId, endsOn: null },
        select: { orgUnitId: true },
      });
      return (
        await db.assignment.findFirstOrThrow({
          where: { orgUnitId: unit.orgUnitId, isHead: true, endsOn: null },
          select: { staffId: true },
        })
      ).staffId;
    };
    const demoSupervisor = (
      await db.staff.findUniqueOrThrow({ where: { loginId: 'demo-supervisor' }, select: { id: true } })
    ).id;
    const logged = async (traineeId: string, supervisorId: string) =>
      db.ojtSession.create({
        data: {
          traineeId,
          supervisorId,
          occurredOn: day,
          fiscalYear: fy,
          minutes: 30,
          method: 'review',
          topic: '権限表の準備',
        },
        select: { id: true, updatedAt: true },
      });
    // corrected and deleted by the rows: demo-supervisor's, another giver's (a 係員 of the same 係),
    // and one of 総務局 given by its own head
    const bySupervisor = await logged(t.demoStaff ?? '', demoSupervisor);
    const byMate = await logged(t.demoStaff ?? '', t.teamMate ?? '');
    const other = await logged(t.demoStaffOther ?? '', await headOf(t.demoStaffOther ?? ''));
    const toDelete = await logged(t.demoStaff ?? '', demoSupervisor);
    const row = async (traineeId: string) =>
      (
        await db.ojtSession.create({
          data: {
            traineeId,
            supervisorId: await headOf(traineeId),
            occurredOn: day,
            fiscalYear: fy,
            minutes: 30,
            method: 'review',
            topic: '権限表の準備',
          },
        })
      ).id;
    // next 年度's plans: nobody has written them, so the first save (version 0) is the supervisor's
    await db.ojtPlan.deleteMany({
      where: { staffId: { in: [t.demoStaff ?? '', t.demoStaffOther ?? ''] }, fiscalYear: fy + 1 },
    });
    return {
      demoSupervisor,
      ojtEdit: bySupervisor.id,
      ojtEditAt: bySupervisor.updatedAt.toISOString(),
      ojtByMate: byMate.id,
      ojtByMateAt: byMate.updatedAt.toISOString(),
      ojtOther: other.id,
      ojtOtherAt: other.updatedAt.toISOString(),
      ojtDelete: toDelete.id,
      ojtOfDemoStaff: await row(t.demoStaff ?? ''),
      ojtOfDemoStaffOther: await row(t.demoStaffOther ?? ''),
    };
  },
  rows: [
    {
      method: 'GET',
      route: '/api/ojt-sessions',
      url: () => '/api/ojt-sessions?pageSize=100',
      expect: expect({ staff: 200, supervisor: 200, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
      returns: {
        staff: { in: ['ojtEdit', 'ojtByMate', 'ojtOfDemoStaff'], out: ['ojtOther', 'ojtOfDemoStaffOther'] },
        supervisor: {
          in: ['ojtEdit', 'ojtByMate', 'ojtOfDemoStaff'],
          out: ['ojtOther', 'ojtOfDemoStaffOther'],
        },
        staffOther: { in: ['ojtOther', 'ojtOfDemoStaffOther'], out: ['ojtEdit', 'ojtOfDemoStaff'] },
        bureau: { in: ['ojtOther', 'ojtOfDemoStaffOther'], out: ['ojtEdit', 'ojtByMate', 'ojtOfDemoStaff'] },
      },
    },
    {
      method: 'GET',
      route: '/api/ojt-sessions',
      url: (t) => `/api/ojt-sessions?staffId=${t.demoStaff}&pageSize=100`,
      expect: expect({ staff: 200, supervisor: 200, staffOther: 404, bureau: 404, hr: 200, exec: 200 }),
      returns: scoped(
        ['staff', 'supervisor', 'hr', 'exec'],
        ['ojtOfDemoStaff', 'ojtEdit'],
        ['ojtOfDemoStaffOther', 'ojtOther'],
      ),
    },
    {
      method: 'GET',
      route: '/api/ojt-sessions',
      url: (t) => `/api/ojt-sessions?staffId=${t.demoStaffOther}&pageSize=100`,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
      returns: scoped(
        ['staffOther', 'bureau', 'hr', 'exec'],
        ['ojtOfDemoStaffOther', 'ojtOther'],
        ['ojtOfDemoStaff', 'ojtEdit'],
      ),
    },
    {
      method: 'POST',
      route: '/api/ojt-sessions',
      url: () => '/api/ojt-sessions',
      body: (t: Record<string, string>) => session(t.demoStaff ?? ''),
      headers: { 'idempotency-key': 'matrix-ojt-one' },
      expect: expect({ staff: 403, supervisor: 201, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/ojt-sessions',
      url: () => '/api/ojt-sessions',
      body: (t: Record<string, string>) => session(t.demoStaffOther ?? ''),
      expect: expect({ staff: 404, supervisor: 404, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/ojt-sessions/batch',
      url: () => '/api/ojt-sessions/batch',
      body: (t: Record<string, string>) => {
        const { traineeId, ...rest } = session(t.demoStaff ?? '');
        return { ...rest, traineeIds: [traineeId, t.teamMate] };
      },
      headers: { 'idempotency-key': 'matrix-ojt-batch' },
      // demo-staff cannot see their team mate: 404 before any role check
      expect: expect({ staff: 404, supervisor: 201, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/ojt-sessions/batch',
      url: () => '/api/ojt-sessions/batch',
      body: (t: Record<string, string>) => {
        const { traineeId, ...rest } = session(t.demoStaffOther ?? '');
        return { ...rest, traineeIds: [traineeId] };
      },
      expect: expect({ staff: 404, supervisor: 404, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/ojt-sessions/{id}/acknowledge',
      url: (t) => `/api/ojt-sessions/${t.ojtOfDemoStaff}/acknowledge`,
      body: { reflection: '確認しました' },
      expect: expect({ staff: 200, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/ojt-sessions/{id}/acknowledge',
      url: (t) => `/api/ojt-sessions/${t.ojtOfDemoStaffOther}/acknowledge`,
      body: {},
      expect: expect({ staff: 404, supervisor: 404, staffOther: 200, bureau: 403, hr: 403, exec: 403 }),
    },
    {
      method: 'PUT',
      route: '/api/ojt-sessions/{id}',
      url: (t) => `/api/ojt-sessions/${t.ojtEdit}`,
      body: (t: Record<string, string>) => correction(t.ojtEditAt),
      // the trainee sees it but did not log it; everyone after demo-supervisor is refused before the
      // (now stale) updatedAt is looked at
      expect: expect({ staff: 403, supervisor: 200, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
    },
    {
      method: 'PUT',
      route: '/api/ojt-sessions/{id}',
      url: (t) => `/api/ojt-sessions/${t.ojtByMate}`,
      body: (t: Record<string, string>) => correction(t.ojtByMateAt),
      // demo-supervisor supervises the trainee but did not log this one
      expect: expect({ staff: 403, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
    },
    {
      method: 'PUT',
      route: '/api/ojt-sessions/{id}',
      url: (t) => `/api/ojt-sessions/${t.ojtOther}`,
      body: (t: Record<string, string>) => correction(t.ojtOtherAt),
      expect: expect({ staff: 404, supervisor: 404, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
    },
    {
      method: 'DELETE',
      route: '/api/ojt-sessions/{id}',
      url: (t) => `/api/ojt-sessions/${t.ojtByMate}`,
      expect: expect({ staff: 403, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
    },
    {
      method: 'DELETE',
      route: '/api/ojt-sessions/{id}',
      url: (t) => `/api/ojt-sessions/${t.ojtOther}`,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
    },
    {
      method: 'DELETE',
      route: '/api/ojt-sessions/{id}',
      url: (t) => `/api/ojt-sessions/${t.ojtDelete}`,
      // HR and executives would be refused (403, as on the rows above); asked after demo-supervisor
      // deleted it, they find nothing
      expect: expect({ staff: 403, supervisor: 204, staffOther: 404, bureau: 404, hr: 404, exec: 404 }),
    },
    {
      method: 'GET',
      route: '/api/staff/{id}/ojt-plan',
      url: (t) => `/api/staff/${t.demoStaff}/ojt-plan`,
      expect: expect({ staff: 200, supervisor: 200, staffOther: 404, bureau: 404, hr: 200, exec: 200 }),
      returns: scoped(['staff', 'supervisor', 'hr', 'exec'], ['demoStaff'], ['demoStaffOther']),
    },
    {
      method: 'GET',
      route: '/api/staff/{id}/ojt-plan',
      url: (t) => `/api/staff/${t.demoStaffOther}/ojt-plan`,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
      returns: scoped(['staffOther', 'bureau', 'hr', 'exec'], ['demoStaffOther'], ['demoStaff']),
    },
    {
      method: 'PUT',
      route: '/api/staff/{id}/ojt-plan',
      url: (t) => `/api/staff/${t.demoStaff}/ojt-plan?fiscalYear=${fy + 1}`,
      body: plan,
      expect: expect({ staff: 403, supervisor: 200, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
    },
    {
      method: 'PUT',
      route: '/api/staff/{id}/ojt-plan',
      url: (t) => `/api/staff/${t.demoStaffOther}/ojt-plan?fiscalYear=${fy + 1}`,
      body: plan,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
    },
    {
      method: 'GET',
      route: '/api/dashboards/team',
      url: () => '/api/dashboards/team?pageSize=100',
      expect: expect({ staff: 403, supervisor: 200, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
      // the team only: never the supervisor's peers elsewhere, nor the supervisor themself
      returns: { supervisor: { in: ['demoStaff', 'teamMate'], out: ['demoStaffOther', 'demoSupervisor'] } },
    },
  ],
};
