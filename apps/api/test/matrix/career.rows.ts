/**
 * Career paths: the career plan (read, save, submit, comment, versions), timeline, career path,
 * self-development (list, record, edit, delete, support decision) and "my figures". `demoStaff` is
 * demo-supervisor's; `demoStaffOther` is in demo-bureau's 総務局 and nobody's here supervises them.
 * The rows write next 年度's plans, which `prepare` sets up at version 1.
 */
import { fiscalYearOf } from '@portal/contracts';
import { today } from '../../src/access/access.ts';
import { type MatrixRows, scoped, type Who } from './types.ts';

const expect = (e: Omit<Record<Who, number>, 'anon'>): Record<Who, number> => ({ anon: 401, ...e });
const next = fiscalYearOf(today().toISOString().slice(0, 10)) + 1;
const readA = expect({ staff: 200, supervisor: 200, staffOther: 404, bureau: 404, hr: 200, exec: 403 });
const readB = expect({ staff: 404, supervisor: 404, staffOther: 200, bureau: 200, hr: 200, exec: 403 });
const readersA = ['staff', 'supervisor', 'hr'] as const;
const readersB = ['staffOther', 'bureau', 'hr'] as const;
const record = { kind: 'self_study', title: '独学', hours: 10 };

export const careerRows: MatrixRows = {
  async prepare(db, t) {
    const ids = [t.demoStaff ?? '', t.demoStaffOther ?? ''];
    await db.careerPlan.deleteMany({ where: { staffId: { in: ids }, fiscalYear: next } });
    const plans: string[] = [];
    for (const staffId of ids) {
      const plan = await db.careerPlan.create({
        data: { staffId, fiscalYear: next, shortTermGoal: '来年度の目標' },
        select: { id: true },
      });
      plans.push(plan.id);
    }
    const selfDev = async (staffId: string, pending: boolean) =>
      (
        await db.selfDevelopmentRecord.create({
          data: {
            staffId,
            kind: 'correspondence',
            title: '通信講座',
            fiscalYear: next - 1,
            ...(pending ? { supportStatus: 'pending', supportDetail: '受講料補助' } : {}),
          },
          select: { id: true },
        })
      ).id;
    return {
      careerPlanA: plans[0] ?? '',
      careerPlanB: plans[1] ?? '',
      selfDevToEdit: await selfDev(t.demoStaff ?? '', false),
      selfDevToDelete: await selfDev(t.demoStaff ?? '', false),
      selfDevPending: await selfDev(t.demoStaff ?? '', true),
      selfDevPendingOther: await selfDev(t.demoStaffOther ?? '', true),
    };
  },
  rows: [
    // career plan
    {
      method: 'GET',
      route: '/api/staff/{id}/career-plan',
      url: (t) => `/api/staff/${t.demoStaff}/career-plan?fiscalYear=${next}`,
      expect: readA,
      returns: scoped(readersA, ['careerPlanA', 'demoStaff'], ['careerPlanB', 'demoStaffOther']),
    },
    {
      method: 'GET',
      route: '/api/staff/{id}/career-plan',
      url: (t) => `/api/staff/${t.demoStaffOther}/career-plan?fiscalYear=${next}`,
      expect: readB,
      returns: scoped(readersB, ['careerPlanB', 'demoStaffOther'], ['careerPlanA', 'demoStaff']),
    },
    {
      method: 'PUT',
      route: '/api/staff/{id}/career-plan',
      url: (t) => `/api/staff/${t.demoStaff}/career-plan?fiscalYear=${next}`,
      body: { shortTermGoal: '書き直した目標', version: 1 },
      expect: expect({ staff: 200, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
    },
    {
      method: 'PUT',
      route: '/api/staff/{id}/career-plan',
      url: (t) => `/api/staff/${t.demoStaffOther}/career-plan?fiscalYear=${next}`,
      body: { shortTermGoal: '書き直した目標', version: 1 },
      expect: expect({ staff: 404, supervisor: 404, staffOther: 200, bureau: 403, hr: 403, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/staff/{id}/career-plan/submit',
      url: (t) => `/api/staff/${t.demoStaff}/career-plan/submit?fiscalYear=${next}`,
      body: { version: 2 },
      expect: expect({ staff: 200, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/staff/{id}/career-plan/submit',
      url: (t) => `/api/staff/${t.demoStaffOther}/career-plan/submit?fiscalYear=${next}`,
      body: { version: 2 },
      expect: expect({ staff: 404, supervisor: 404, staffOther: 200, bureau: 403, hr: 403, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/staff/{id}/career-plan/comments',
      url: (t) => `/api/staff/${t.demoStaff}/career-plan/comments?fiscalYear=${next}`,
      body: { body: 'よく書けています。', version: 3 },
      expect: expect({ staff: 403, supervisor: 201, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/staff/{id}/career-plan/comments',
      url: (t) => `/api/staff/${t.demoStaffOther}/career-plan/comments?fiscalYear=${next}`,
      body: { body: 'よく書けています。', version: 3 },
      expect: expect({ staff: 404, supervisor: 404, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
    },
    {
      method: 'GET',
      route: '/api/staff/{id}/career-plan/versions',
      url: (t) => `/api/staff/${t.demoStaff}/career-plan/versions?fiscalYear=${next}`,
      expect: readA,
    },
    {
      method: 'GET',
      route: '/api/staff/{id}/career-plan/versions',
      url: (t) => `/api/staff/${t.demoStaffOther}/career-plan/versions?fiscalYear=${next}`,
      expect: readB,
    },
    // timeline and career path
    {
      method: 'GET',
      route: '/api/staff/{id}/timeline',
      url: (t) => `/api/staff/${t.demoStaff}/timeline?pageSize=100`,
      expect: readA,
      returns: scoped(readersA, ['ojtOfDemoStaff'], ['ojtOfDemoStaffOther', 'selfDevPendingOther']),
    },
    {
      method: 'GET',
      route: '/api/staff/{id}/timeline',
      url: (t) => `/api/staff/${t.demoStaffOther}/timeline?pageSize=100`,
      expect: readB,
      returns: scoped(readersB, ['ojtOfDemoStaffOther'], ['ojtOfDemoStaff', 'selfDevPending']),
    },
    {
      method: 'GET',
      route: '/api/staff/{id}/career-path',
      url: (t) => `/api/staff/${t.demoStaff}/career-path`,
      expect: readA,
      returns: scoped(readersA, ['demoStaff'], ['demoStaffOther']),
    },
    {
      method: 'GET',
      route: '/api/staff/{id}/career-path',
      url: (t) => `/api/staff/${t.demoStaffOther}/career-path`,
      expect: readB,
      returns: scoped(readersB, ['demoStaffOther'], ['demoStaff']),
    },
    // self-development
    {
      method: 'GET',
      route: '/api/staff/{id}/self-development',
      url: (t) => `/api/staff/${t.demoStaff}/self-development?pageSize=100`,
      expect: readA,
      returns: Object.fromEntries(
        (['staff', 'supervisor', 'hr'] as const).map((who) => [
          who,
          { in: ['selfDevPending', 'selfDevToEdit'], out: ['selfDevPendingOther'] },
        ]),
      ),
    },
    {
      method: 'GET',
      route: '/api/staff/{id}/self-development',
      url: (t) => `/api/staff/${t.demoStaffOther}/self-development?pageSize=100`,
      expect: readB,
      returns: Object.fromEntries(
        (['staffOther', 'bureau', 'hr'] as const).map((who) => [
          who,
          { in: ['selfDevPendingOther'], out: ['selfDevPending', 'selfDevToEdit'] },
        ]),
      ),
    },
    {
      method: 'POST',
      route: '/api/staff/{id}/self-development',
      url: (t) => `/api/staff/${t.demoStaff}/self-development`,
      body: record,
      expect: expect({ staff: 201, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/staff/{id}/self-development',
      url: (t) => `/api/staff/${t.demoStaffOther}/self-development`,
      body: record,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 201, bureau: 403, hr: 403, exec: 403 }),
    },
    {
      method: 'PUT',
      route: '/api/staff/{id}/self-development/{recordId}',
      url: (t) => `/api/staff/${t.demoStaff}/self-development/${t.selfDevToEdit}`,
      body: { ...record, version: 1 },
      expect: expect({ staff: 200, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
    },
    {
      method: 'DELETE',
      route: '/api/staff/{id}/self-development/{recordId}',
      url: (t) => `/api/staff/${t.demoStaff}/self-development/${t.selfDevToDelete}?version=1`,
      expect: expect({ staff: 204, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/staff/{id}/self-development/{recordId}/decision',
      url: (t) => `/api/staff/${t.demoStaff}/self-development/${t.selfDevPending}/decision`,
      body: { decision: 'approved', version: 1 },
      expect: expect({ staff: 403, supervisor: 200, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
    },
    {
      method: 'POST',
      route: '/api/staff/{id}/self-development/{recordId}/decision',
      url: (t) => `/api/staff/${t.demoStaffOther}/self-development/${t.selfDevPendingOther}/decision`,
      body: { decision: 'approved', version: 1 },
      expect: expect({ staff: 404, supervisor: 404, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
    },
    // my figures
    {
      method: 'GET',
      route: '/api/dashboards/me',
      url: () => '/api/dashboards/me',
      expect: expect({ staff: 200, supervisor: 200, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
    },
  ],
};
