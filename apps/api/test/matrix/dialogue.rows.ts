/**
 * 1on1 / 面談 records: the list (scoped to the person, their supervisors and HR; never private notes)
 * and recording one. `demoStaff` is demo-supervisor's; `demoStaffOther` is in demo-bureau's 総務局.
 */
import { fiscalYearOf } from '@portal/contracts';
import { today } from '../../src/access/access.ts';
import { type MatrixRows, scoped, type Who } from './types.ts';

const expect = (e: Omit<Record<Who, number>, 'anon'>): Record<Who, number> => ({ anon: 401, ...e });
/** An ASCII marker, so that the rows can look for it in any answer */
const PRIVATE = 'matrix-private-note-7f3a';
const correction = {
  heldOn: today().toISOString().slice(0, 10),
  status: 'held',
  minutes: 40,
  kind: 'one_on_one',
  topics: ['権限表の確認（訂正）'],
  privateNotes: PRIVATE,
  version: 1,
};
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
    const held = async (staffId: string, status: 'held' | 'scheduled' = 'held') => {
      const authorId = await headOf(staffId);
      const row = await db.oneOnOne.create({
        data: {
          staffId,
          authorId,
          status,
          heldOn: day,
          fiscalYear: fiscalYearOf(day.toISOString().slice(0, 10)),
          minutes: 30,
          topics: ['権限表の準備'],
          privateNote: { create: { authorId, body: PRIVATE } },
          actions: {
            create: [
              { position: 0, ownerId: staffId, text: '本人のアクション' },
              { position: 1, ownerId: authorId, text: '上司のアクション' },
            ],
          },
        },
        select: { id: true, actions: { select: { id: true }, orderBy: { position: 'asc' } } },
      });
      return row;
    };
    const mine = await held(t.demoStaff ?? '');
    return {
      oneOnOneOfDemoStaff: mine.id,
      oneOnOneOfDemoStaffOther: (await held(t.demoStaffOther ?? '')).id,
      oneOnOneScheduled: (await held(t.demoStaff ?? '', 'scheduled')).id,
      oneOnOneToDelete: (await held(t.demoStaff ?? '')).id,
      oneOnOnePrivateNote: PRIVATE,
      actionOfDemoStaff: mine.actions[0]?.id ?? '',
      actionOfSupervisor: mine.actions[1]?.id ?? '',
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
      returns: scoped(
        ['staffOther', 'hr'],
        ['oneOnOneOfDemoStaffOther'],
        ['oneOnOneOfDemoStaff', 'oneOnOnePrivateNote'],
      ),
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
    {
      method: 'GET',
      route: '/api/one-on-ones/{id}',
      url: (t) => `/api/one-on-ones/${t.oneOnOneOfDemoStaff}`,
      expect: expect({ staff: 200, supervisor: 200, staffOther: 404, bureau: 404, hr: 200, exec: 404 }),
      // the private notes only to the author: not the person, not HR
      returns: {
        staff: { in: ['oneOnOneOfDemoStaff'], out: ['oneOnOnePrivateNote'] },
        supervisor: { in: ['oneOnOneOfDemoStaff', 'oneOnOnePrivateNote'] },
        hr: { in: ['oneOnOneOfDemoStaff'], out: ['oneOnOnePrivateNote'] },
      },
    },
    {
      method: 'GET',
      route: '/api/one-on-ones/{id}',
      url: (t) => `/api/one-on-ones/${t.oneOnOneOfDemoStaffOther}`,
      // demo-staff-other's head wrote it: the person reads it without the private notes
      expect: expect({ staff: 404, supervisor: 404, staffOther: 200, bureau: 404, hr: 200, exec: 404 }),
      returns: { staffOther: { out: ['oneOnOnePrivateNote'] }, hr: { out: ['oneOnOnePrivateNote'] } },
    },
    {
      method: 'GET',
      route: '/api/one-on-one-actions',
      url: () => '/api/one-on-one-actions?pageSize=100',
      expect: expect({ staff: 200, supervisor: 200, staffOther: 200, bureau: 200, hr: 200, exec: 200 }),
      returns: {
        staff: { in: ['actionOfDemoStaff'], out: ['actionOfSupervisor'] },
        supervisor: { in: ['actionOfDemoStaff', 'actionOfSupervisor'] },
        staffOther: { out: ['actionOfDemoStaff', 'actionOfSupervisor'] },
        hr: { out: ['actionOfDemoStaff', 'actionOfSupervisor'] },
        exec: { out: ['actionOfDemoStaff', 'actionOfSupervisor'] },
      },
    },
    {
      method: 'PUT',
      route: '/api/one-on-ones/{id}',
      url: (t) => `/api/one-on-ones/${t.oneOnOneOfDemoStaff}`,
      body: correction,
      // the author only; the others are refused before the (by then stale) version is looked at
      expect: expect({ staff: 403, supervisor: 200, staffOther: 404, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'PUT',
      route: '/api/one-on-ones/{id}',
      url: (t) => `/api/one-on-ones/${t.oneOnOneOfDemoStaffOther}`,
      body: correction,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 403, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/one-on-ones/{id}/acknowledge',
      url: (t) => `/api/one-on-ones/${t.oneOnOneOfDemoStaff}/acknowledge`,
      body: { staffNotes: '確認しました' },
      expect: expect({ staff: 200, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'POST',
      route: '/api/one-on-ones/{id}/acknowledge',
      url: (t) => `/api/one-on-ones/${t.oneOnOneOfDemoStaffOther}/acknowledge`,
      body: {},
      expect: expect({ staff: 404, supervisor: 404, staffOther: 200, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'PUT',
      route: '/api/one-on-ones/{id}/agenda',
      url: (t) => `/api/one-on-ones/${t.oneOnOneScheduled}/agenda`,
      body: { staffAgenda: '話したいこと', version: 1 },
      expect: expect({ staff: 200, supervisor: 403, staffOther: 404, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'DELETE',
      route: '/api/one-on-ones/{id}',
      url: (t) => `/api/one-on-ones/${t.oneOnOneOfDemoStaffOther}?version=1`,
      expect: expect({ staff: 404, supervisor: 404, staffOther: 403, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'DELETE',
      route: '/api/one-on-ones/{id}',
      url: (t) => `/api/one-on-ones/${t.oneOnOneToDelete}?version=1`,
      // HR would be refused (403, as above); asked after demo-supervisor deleted it, it finds nothing
      expect: expect({ staff: 403, supervisor: 204, staffOther: 404, bureau: 404, hr: 404, exec: 404 }),
    },
    {
      method: 'PUT',
      route: '/api/one-on-one-actions/{id}',
      url: (t) => `/api/one-on-one-actions/${t.actionOfDemoStaff}`,
      body: { done: true },
      // the owner (the person) and the author; HR sees the 1on1 but owns nothing of it
      expect: expect({ staff: 200, supervisor: 200, staffOther: 404, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'PUT',
      route: '/api/one-on-one-actions/{id}',
      url: (t) => `/api/one-on-one-actions/${t.actionOfSupervisor}`,
      body: { done: true },
      expect: expect({ staff: 403, supervisor: 200, staffOther: 404, bureau: 404, hr: 403, exec: 404 }),
    },
    {
      method: 'GET',
      route: '/api/dashboards/team/one-on-ones',
      url: () => '/api/dashboards/team/one-on-ones?pageSize=100',
      expect: expect({ staff: 403, supervisor: 200, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
      returns: { supervisor: { in: ['demoStaff', 'teamMate'], out: ['demoStaffOther'] } },
    },
    {
      method: 'GET',
      route: '/api/one-on-one-cadence',
      url: () => '/api/one-on-one-cadence',
      expect: expect({ staff: 403, supervisor: 200, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
    },
    {
      method: 'PUT',
      route: '/api/one-on-one-cadence',
      url: () => '/api/one-on-one-cadence',
      body: { intervalDays: 30, version: 0 },
      expect: expect({ staff: 403, supervisor: 200, staffOther: 403, bureau: 403, hr: 403, exec: 403 }),
    },
  ],
};
