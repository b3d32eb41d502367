/**
 * The permission matrix: every route × anonymous and the six demo roles × a record in and out of the
 * role's scope → the status the API must answer. Driven from one table — the rows of every feature,
 * in `matrix/*.rows.ts`, listed in `matrix/index.ts` — against the real app and database. A route missing from the table fails
 * the last test.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ROLES, signIn, useTestApp } from './app.ts';
import { featureRows } from './matrix/index.ts';
import { all, type MatrixRows, type Row, type Targets, WHO, type Who } from './matrix/types.ts';

const ctx = useTestApp();
const features: MatrixRows[] = featureRows;

// logout last: it ends the sessions the other rows use
const logout: Row = {
  method: 'POST',
  route: '/api/auth/logout',
  url: () => '/api/auth/logout',
  expect: all(204),
};
const MATRIX: Row[] = [...features.flatMap((f) => f.rows), logout];

const targets: Targets = {};
const cookies: Partial<Record<Who, string>> = {};

async function request(app: FastifyInstance, who: Who, row: Row) {
  const cookie = cookies[who];
  const body = typeof row.body === 'function' ? row.body(targets) : row.body;
  const isCsv = typeof body === 'string';
  return app.inject({
    method: row.method,
    url: row.url(targets),
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': isCsv ? 'text/csv' : 'application/json' }),
      ...row.headers,
    },
    ...(body === undefined ? {} : { payload: isCsv ? body : JSON.stringify(body) }),
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
  targets.demoStaff = staff.find((s) => s.loginId === 'demo-staff')?.id ?? '';
  targets.demoStaffOther = staff.find((s) => s.loginId === 'demo-staff-other')?.id ?? '';
  const unit = staff.find((s) => s.loginId === 'demo-staff')?.assignments[0]?.orgUnitId;
  const mate = await database.db.staff.findFirst({
    where: {
      loginId: { startsWith: 's' },
      assignments: { some: { orgUnitId: unit, isHead: false, endsOn: null } },
    },
  });
  targets.teamMate = mate?.id ?? '';
  for (const feature of features) {
    if (feature.prepare) Object.assign(targets, await feature.prepare(database.db, { ...targets }));
  }
  expect(Object.entries(targets).filter(([, id]) => !id)).toEqual([]);
  for (const who of WHO) if (who !== 'anon') cookies[who] = await signIn(app, DEMO_ROLES[who]);
});

const placeholders = new Proxy({} as Targets, { get: (_, key) => `{${String(key)}}` });

describe('permission matrix', () => {
  for (const row of MATRIX) {
    it(`${row.method} ${row.url(placeholders)}`, async () => {
      const got: Partial<Record<Who, number>> = {};
      const returned: Partial<Record<Who, Record<string, boolean>>> = {};
      const wanted: Partial<Record<Who, Record<string, boolean>>> = {};
      for (const who of WHO) {
        const res = await request(ctx().app, who, row);
        got[who] = res.statusCode;
        const spec = row.returns?.[who];
        if (!spec) continue;
        // a refusal names the request itself (problem details' `instance`): that is no answer
        const url = row.url(targets);
        const answer = res.body.replaceAll(url, '').replaceAll(url.split('?')[0] ?? url, '');
        wanted[who] = {};
        returned[who] = {};
        for (const [names, present] of [
          [spec.in ?? [], true],
          [spec.out ?? [], false],
        ] as const) {
          for (const name of names) {
            wanted[who][name] = present;
            returned[who][name] = answer.includes(targets[name] ?? `{${name}}`);
          }
        }
      }
      expect(got).toEqual(row.expect);
      expect(returned).toEqual(wanted);
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
