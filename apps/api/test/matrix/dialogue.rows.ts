/**
 * 1on1 / 面談 records: the list (scoped to the person, their supervisors and HR; never private notes)
 * and recording one. `demoStaff` is demo-supervisor's; `demoStaffOther` is in demo-bureau's 総務局.
 */
import { fiscalYearOf } from '@portal/contracts';
import { today } from '../../src/access/access.ts';
import type { MatrixRows, Who } from './types.ts';

const expect = (e: Omit<Record<Who, number>, 'anon'>): Record<Who, number> => ({ anon: 401, ...e });
/** An ASCII marker, so that the rows can look for it in any answer */
const PRIVATE = 'matrix-private-note-7f3a';
const meeting = (staffId: string) => ({
  staffId,
  minutes: 20,
  kind: 'one_on_one',
  topics: ['権限表の確認'],
  privateNotes: PRIVATE,
});

export const dialogueRows: MatrixRows = {
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
    const held = async (staffId: string) => {
      const authorId = await headOf(staffId);
      const row = await db.oneOnOne.create({
        data: {
          staffId,
          authorId,
          heldOn: day,
          fiscalYear: fiscalYearOf(day.toISOString().slice(0, 10)),
          minutes: 30,
          topics: ['権限表の準備'],
          privateNote: { create: { authorId, body: PRIVATE } },
        },
        select: { id: true },
      });
      return row.id;
    };
    return {
      oneOnOneOfDemoStaff: await held(t.demoStaff ?? ''),
      oneOnOneOfDemoStaffOther: await held(t.demoStaffOther ?? ''),
      oneOnOnePrivateNote: PRIVATE,
    };
  },
  rows: [
    {
      method: 'GET',
      route: '/api/one-on-ones',
      url: () => '/api/one-on-ones?pageSize=100',
      expect: expect({ staff: 200, supervisor: 200, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
      // a list never carries private notes, not even to the author (demo-supervisor)
      returns: {
        staff: { in: ['oneOnOneOfDemoStaff'], out: ['oneOnOneOfDemoStaffOther', 'oneOnOnePrivateNote'] },
        supervisor: {
          in: ['oneOnOneOfDemoStaff'],
          out: ['oneOnOneOfDemoStaffOther', 'oneOnOnePrivateNote'],
        },
        staffOther: {
          in: ['oneOnOneOfDemoStaffOther'],
          out: ['oneOnOneOfDemoStaff', 'oneOnOnePrivateNote'],
        },
        bureau: { out: ['oneOnOneOfDemoStaff', 'oneOnOneOfDemoStaffOther', 'oneOnOnePrivateNote'] },
        hr: { in: ['oneOnOneOfDemoStaff', 'oneOnOneOfDemoStaffOther'], out: ['oneOnOnePrivateNote'] },
        exec: { out: ['oneOnOneOfDemoStaff', 'oneOnOneOfDemoStaffOther', 'oneOnOnePrivateNote'] },
      },
    },
    {
      method: 'GET',
      route: '/api/one-on-ones',
      url: (t) => `/api/one-on-ones?staffId=${t.demoStaff}`,
      // bureau officers and executives as such read no 1on1s: the person's are out of their scope
      expect: expect({ staff: 200, supervisor: 200, staffOther: 404, bureau: 404, hr: 200, exec: 404 }),
      returns: {
        supervisor: { in: ['oneOnOneOfDemoStaff'], out: ['oneOnOnePrivateNote'] },
        hr: { in: ['oneOnOneOfDemoStaff'], out: ['oneOnOneOfDemoStaffOther', 'oneOnOnePrivateNote'] },
      },
    },
    {
      method: 'GET',
      route: '/api/one-on-ones',
      url: (t) => `/api/one-on-ones?staffId=${t.demoStaffOther}`,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 200, bureau: 404, hr: 200, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/one-on-ones',
      url: () => '/api/one-on-ones',
      body: (t: Record<string, string>) => meeting(t.demoStaff ?? ''),
      headers: { 'idempotency-key': 'matrix-one-on-one' },
      // the author reads their own private notes back; nobody else gets this far
      expect: expect({ staff: 403, supervisor: 201, staffOther: 404, bureau: 404, hr: 403, exec: 403 }),
      returns: { supervisor: { in: ['demoStaff', 'oneOnOnePrivateNote'] } },
    },
    {
      method: 'POST',
      route: '/api/one-on-ones',
      url: () => '/api/one-on-ones',
      body: (t: Record<string, string>) => meeting(t.demoStaffOther ?? ''),
      expect: expect({ staff: 404, supervisor: 404, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
    },
  ],
};
