/**
 * The permission matrix: every route × anonymous and the six demo roles × a record in and out of the
 * role's scope → the status the API must answer. Driven from one table, against the real app and
 * database. A route missing from the table fails the last test.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ROLES, type DemoRole, signIn, useTestApp } from './app.ts';

const ctx = useTestApp();
type Who = 'anon' | DemoRole;
const WHO: Who[] = ['anon', 'staff', 'supervisor', 'staffOther', 'bureau', 'hr', 'exec'];

/** Staff records the rows point at. */
type Target = 'demoStaff' | 'demoStaffOther' | 'teamMate';
const ids: Record<Target, string> = { demoStaff: '', demoStaffOther: '', teamMate: '' };
const cookies: Partial<Record<Who, string>> = {};

type Row = {
  method: 'GET' | 'POST';
  route: string;
  url: (t: typeof ids) => string;
  body?: unknown;
  expect: Record<Who, number>;
};
const all = (status: number, anon = 401): Record<Who, number> => ({
  anon,
  staff: status,
  supervisor: status,
  staffOther: status,
  bureau: status,
  hr: status,
  exec: status,
});

const MATRIX: Row[] = [
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
  { method: 'GET', route: '/api/staff', url: () => '/api/staff', expect: all(200) },
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
    url: () => '/api/roster-imports?token=' + 'a'.repeat(64),
    body: 'employee_number\n',
    expect: { anon: 401, staff: 403, supervisor: 403, staffOther: 403, bureau: 403, hr: 409, exec: 403 },
  },
  // logout last: it ends the sessions the rows above use
  { method: 'POST', route: '/api/auth/logout', url: () => '/api/auth/logout', expect: all(204) },
];

async function request(app: FastifyInstance, who: Who, row: Row) {
  const cookie = cookies[who];
  return app.inject({
    method: row.method,
    url: row.url(ids),
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(typeof row.body === 'string' ? { 'content-type': 'text/csv' } : {}),
    },
    ...(row.body === undefined ? {} : { payload: row.body as string }),
  });
}

beforeAll(async () => {
  const { app, database } = ctx();
  const staff = await database.db.staff.findMany({
    where: { loginId: { in: ['demo-staff', 'demo-staff-other'] } },
    select: {
      id: true,
      loginId: true,
      assignments: { select: { orgUnitId: true }, where: { endsOn: null } },
    },
  });
  ids.demoStaff = staff.find((s) => s.loginId === 'demo-staff')?.id ?? '';
  ids.demoStaffOther = staff.find((s) => s.loginId === 'demo-staff-other')?.id ?? '';
  const unit = staff.find((s) => s.loginId === 'demo-staff')?.assignments[0]?.orgUnitId;
  const mate = await database.db.staff.findFirst({
    where: {
      loginId: { startsWith: 's' },
      assignments: { some: { orgUnitId: unit, isHead: false, endsOn: null } },
    },
  });
  ids.teamMate = mate?.id ?? '';
  expect(Object.values(ids).every(Boolean)).toBe(true);
  for (const who of WHO) if (who !== 'anon') cookies[who] = await signIn(app, DEMO_ROLES[who]);
});

describe('permission matrix', () => {
  for (const row of MATRIX) {
    it(`${row.method} ${row.url({ demoStaff: '{demoStaff}', demoStaffOther: '{demoStaffOther}', teamMate: '{teamMate}' })}`, async () => {
      const got: Partial<Record<Who, number>> = {};
      for (const who of WHO) got[who] = (await request(ctx().app, who, row)).statusCode;
      expect(got).toEqual(row.expect);
    });
  }

  it('covers every route the API serves', async () => {
    const doc = (await ctx().app.inject('/api/openapi.json')).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const served = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = new Set(MATRIX.map((r) => `${r.method} ${r.route}`));
    covered.add('POST /api/auth/login'); // exercised in auth.test.ts: public, throttled
    expect(served.filter((r) => !covered.has(r))).toEqual([]);
  });
});
