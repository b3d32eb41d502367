/** Identity, organisation, sign-in, audit and roster import. */
import { all, type MatrixRows } from './types.ts';

export const identityRows: MatrixRows = {
  rows: [
    { method: 'GET', route: '/api/health', url: () => '/api/health', expect: all(200, 200) },
    {
      method: 'GET',
      route: '/api/auth/demo-accounts',
      url: () => '/api/auth/demo-accounts',
      expect: all(200, 200),
    },
    { method: 'GET', route: '/api/me', url: () => '/api/me', expect: all(200) },
    { method: 'GET', route: '/api/policy', url: () => '/api/policy', expect: all(200) },
    { method: 'GET', route: '/api/org-units', url: () => '/api/org-units', expect: all(200) },
    { method: 'GET', route: '/api/grades', url: () => '/api/grades', expect: all(200) },
    {
      method: 'GET',
      route: '/api/staff',
      url: () => '/api/staff?pageSize=100',
      expect: all(200),
      returns: {
        staff: { in: ['demoStaff'], out: ['teamMate', 'demoStaffOther'] },
        supervisor: { in: ['demoStaff', 'teamMate'], out: ['demoStaffOther'] },
        staffOther: { in: ['demoStaffOther'], out: ['demoStaff', 'teamMate'] },
        bureau: { in: ['demoStaffOther'], out: ['demoStaff', 'teamMate'] },
      },
    },
    {
      method: 'GET',
      route: '/api/staff/{id}',
      url: (t) => `/api/staff/${t.demoStaff}`,
      expect: { anon: 401, staff: 200, supervisor: 200, staffOther: 404, bureau: 404, hr: 200, exec: 200 },
    },
    {
      method: 'GET',
      route: '/api/staff/{id}',
      url: (t) => `/api/staff/${t.demoStaffOther}`,
      expect: { anon: 401, staff: 404, supervisor: 404, staffOther: 200, bureau: 200, hr: 200, exec: 200 },
    },
    {
      method: 'POST',
      route: '/api/staff/{id}/disable',
      url: (t) => `/api/staff/${t.teamMate}/disable`,
      expect: { anon: 401, staff: 404, supervisor: 403, staffOther: 404, bureau: 404, hr: 200, exec: 403 },
    },
    {
      method: 'POST',
      route: '/api/staff/{id}/enable',
      url: (t) => `/api/staff/${t.teamMate}/enable`,
      expect: { anon: 401, staff: 404, supervisor: 403, staffOther: 404, bureau: 404, hr: 200, exec: 403 },
    },
    {
      method: 'GET',
      route: '/api/audit-log',
      url: () => '/api/audit-log',
      expect: { anon: 401, staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr: 200, exec: 403 },
    },
    {
      method: 'POST',
      route: '/api/roster-imports/preview',
      url: () => '/api/roster-imports/preview',
      body: 'employee_number\n',
      expect: { anon: 401, staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr: 400, exec: 403 },
    },
    {
      method: 'POST',
      route: '/api/roster-imports',
      url: () => `/api/roster-imports?token=${'a'.repeat(64)}`,
      body: 'employee_number\n',
      expect: { anon: 401, staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr: 409, exec: 403 },
    },
  ],
};
