/**
 * OJT: sessions (list, log one, log a batch, acknowledge), the 年間OJT計画 and the team dashboard.
 * `demoStaff` is demo-supervisor's; `demoStaffOther` is in demo-bureau's 総務局.
 */
import { fiscalYearOf } from '@portal/contracts';
import { today } from '../../src/access/access.ts';
import type { MatrixRows, Who } from './types.ts';

const expect = (e: Omit<Record<Who, number>, 'anon'>): Record<Who, number> => ({ anon: 401, ...e });
const fy = fiscalYearOf(today().toISOString().slice(0, 10));
const session = (traineeId: string) => ({
  traineeId,
  minutes: 15,
  method: 'guidance',
  topic: '権限表の確認',
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
      ojtOfDemoStaff: await row(t.demoStaff ?? ''),
      ojtOfDemoStaffOther: await row(t.demoStaffOther ?? ''),
    };
  },
  rows: [
    {
      method: 'GET',
      route: '/api/ojt-sessions',
      url: () => '/api/ojt-sessions',
      expect: expect({ staff: 200, supervisor: 200, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
    },
    {
      method: 'GET',
      route: '/api/ojt-sessions',
      url: (t) => `/api/ojt-sessions?staffId=${t.demoStaff}`,
      expect: expect({ staff: 200, supervisor: 200, staffOther: 404, bureau: 404, hr: 200, exec: 200 }),
    },
    {
      method: 'GET',
      route: '/api/ojt-sessions',
      url: (t) => `/api/ojt-sessions?staffId=${t.demoStaffOther}`,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
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
      method: 'GET',
      route: '/api/staff/{id}/ojt-plan',
      url: (t) => `/api/staff/${t.demoStaff}/ojt-plan`,
      expect: expect({ staff: 200, supervisor: 200, staffOther: 404, bureau: 404, hr: 200, exec: 200 }),
    },
    {
      method: 'GET',
      route: '/api/staff/{id}/ojt-plan',
      url: (t) => `/api/staff/${t.demoStaffOther}/ojt-plan`,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
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
      url: () => '/api/dashboards/team',
      expect: expect({ staff: 403, supervisor: 200, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
    },
  ],
};
