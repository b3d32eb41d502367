/**
 * OJT benchmark (not a test): a fresh database on the local PostgreSQL with 15,000 staff in ~1,000
 * units and ~200,000 OJT sessions over this 年度 (each from the person's unit head), 年間OJT計画 for
 * 70%, career plans for 60% and pending self-development requests for 10% — all made in SQL. Then
 * p50/p95 of warm requests through app.inject: the team dashboard of a 係長, a 課長 and a 局長 (one
 * 局 is made large: ~3,000 people), and "my career page" (timeline, career plan, my dashboard) where
 * those routes are served.
 *
 *   cd apps/api && node --import tsx bench/ojt-dashboard.ts [staff] [sessions] [requests]
 *
 * The per-row trigger that keeps `ojt_staff_year` is switched off for the bulk load and the rollup is
 * filled with one GROUP BY (the figures the trigger would give); it is on again for the requests.
 * BENCH_DATABASE_URL overrides the server (default postgresql://postgres@127.0.0.1:5432/postgres);
 * BENCH_KEEP=1 keeps the database afterwards (for EXPLAIN).
 */
import { fiscalYearOf } from '@portal/contracts';
import pg from 'pg';
import { today } from '../src/access/access.ts';
import { buildApp } from '../src/app.ts';
import { createPrisma } from '../src/db/client.ts';
import { pgConfigFromUrl, withDatabase } from '../src/db/pg-config.ts';
import { prepareDatabase } from '../src/db/setup.ts';
import { parseEnv } from '../src/env.ts';
import { hashPassword } from '../src/features/auth/password.ts';
import { keyring, newKeyText } from '../src/shared/sealed-text.ts';
import { measureGet, seedOrgTree, step } from './lib.ts';

const STAFF = Number(process.argv[2] ?? 15_000);
const SESSIONS = Number(process.argv[3] ?? 200_000);
const REQUESTS = Math.max(50, Number(process.argv[4] ?? 100));
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'bench-password';

async function main() {
  const todayIso = today().toISOString().slice(0, 10);
  const fy = fiscalYearOf(todayIso);
  const fyStart = `${fy}-04-01`;
  const days = Math.max(1, Math.round((Date.parse(todayIso) - Date.parse(fyStart)) / 86_400_000));

  const name = `bench_ojt_${Date.now()}`;
  const admin = new pg.Client(pgConfigFromUrl(ADMIN_URL));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(ADMIN_URL, name);
  const db = createPrisma(url, 10);
  const sql = (text: string) => db.$executeRawUnsafe(text);
  try {
    await step('migrate + seed policy', () =>
      prepareDatabase({ url, db }, { demo: false, sensitiveKeys: keyring(newKeyText()) }),
    );
    await step('grades, job family, ~1,000 units', async () => {
      await sql(`INSERT INTO "grade" ("id","code","rank","nameJa","nameEn","managerial") VALUES
        (gen_random_uuid(),'shuji',1,'主事・技師','Staff',false),(gen_random_uuid(),'kakaricho',3,'係長','Chief',true),
        (gen_random_uuid(),'kacho',5,'課長','Director',true),(gen_random_uuid(),'bucho',6,'部長','Dept. director',true),
        (gen_random_uuid(),'kyokucho',8,'局長','Director-general',true)`);
      await sql(
        `INSERT INTO "job_family" ("id","code","nameJa","nameEn") VALUES (gen_random_uuid(),'jimu','事務','Admin')`,
      );
      await seedOrgTree(sql);
    });
    await step(`${STAFF.toLocaleString()} staff: a head for every unit, the rest in 係`, async () => {
      await sql(`INSERT INTO "staff" ("id","employeeNumber","nameJa","nameKana","nameEn","loginId","jobFamilyId","hireDate","updatedAt")
        SELECT gen_random_uuid(), 'E' || lpad(i::text, 6, '0'), '職員' || i, 'ショクイン' || i, 'Staff ' || i, 'u' || i,
               (SELECT "id" FROM "job_family" LIMIT 1), make_date(1988 + (i % 38), 4, 1), now()
        FROM generate_series(1, ${STAFF}) i`);
      await sql(
        `CREATE TABLE "bench_staff" AS SELECT "id", (row_number() OVER (ORDER BY "employeeNumber") - 1)::int AS i FROM "staff"`,
      );
      await sql('CREATE UNIQUE INDEX ON "bench_staff" (i)');
      await sql(`CREATE TABLE "bench_unit" AS
        SELECT "id", "kind"::text AS kind, "parentId", "bureauId", (row_number() OVER (ORDER BY "code") - 1)::int AS u,
               (row_number() OVER (PARTITION BY "kind" = 'section' ORDER BY "code") - 1)::int AS s
        FROM "org_unit"`);
      // the first staff head the units (局長, 部長, 課長, 係長), one each
      await sql(`INSERT INTO "assignment" ("id","staffId","orgUnitId","gradeId","startsOn","isHead","postJa")
        SELECT gen_random_uuid(), b."id", u."id",
               (SELECT "id" FROM "grade" WHERE "code" = CASE u.kind WHEN 'section' THEN 'kakaricho' WHEN 'division' THEN 'kacho'
                  WHEN 'department' THEN 'bucho' ELSE 'kyokucho' END),
               DATE '2024-04-01', true,
               CASE u.kind WHEN 'section' THEN '係長' WHEN 'division' THEN '課長' WHEN 'department' THEN '部長' ELSE '局長' END
        FROM "bench_unit" u JOIN "bench_staff" b ON b.i = u.u`);
      // the others in the 係: the first 局 takes a fifth of them (a 局長 with thousands), the rest spread evenly
      await sql(`WITH units AS (SELECT (SELECT COUNT(*) FROM "bench_unit")::int AS n,
                                       (SELECT COUNT(*) FROM "bench_unit" WHERE kind = 'section')::int AS sections),
                     first_bureau AS (SELECT s.s FROM "bench_unit" s JOIN "bench_unit" b ON b."id" = s."bureauId"
                                       WHERE s.kind = 'section' AND b.u = (SELECT MIN(u) FROM "bench_unit" WHERE kind IN ('bureau','ward'))),
                     fb AS (SELECT MIN(s) AS lo, COUNT(*)::int AS c FROM first_bureau)
        INSERT INTO "assignment" ("id","staffId","orgUnitId","gradeId","startsOn","isHead")
        SELECT gen_random_uuid(), b."id", sec."id", (SELECT "id" FROM "grade" WHERE "code" = 'shuji'), DATE '2024-04-01', false
        FROM "bench_staff" b CROSS JOIN units CROSS JOIN fb
        JOIN "bench_unit" sec ON sec.kind = 'section' AND sec.s = CASE
             WHEN (b.i - units.n) % 5 = 0 THEN fb.lo + (b.i / 5) % fb.c
             ELSE (b.i * 7) % units.sections END
        WHERE b.i >= units.n`);
      await sql('ANALYZE "staff"; ANALYZE "assignment"; ANALYZE "org_unit"');
    });
    await step(`${SESSIONS.toLocaleString()} OJT sessions this 年度 (+ rollup)`, async () => {
      // each person's supervisor: the head of their 係, or for a head, the head of the unit above
      await sql(`CREATE TABLE "bench_supervisor" AS
        SELECT a."staffId", h."staffId" AS "supervisorId", (row_number() OVER (ORDER BY a."staffId") - 1)::int AS k
        FROM "assignment" a JOIN "org_unit" u ON u."id" = a."orgUnitId"
        JOIN "assignment" h ON h."isHead" AND h."orgUnitId" = CASE WHEN a."isHead" THEN u."parentId" ELSE u."id" END`);
      await sql('CREATE UNIQUE INDEX ON "bench_supervisor" (k)');
      await sql('ALTER TABLE "ojt_session" DISABLE TRIGGER "ojt_session_rollup"');
      const n = await db.$queryRawUnsafe<{ c: number }[]>(
        'SELECT COUNT(*)::int AS c FROM "bench_supervisor"',
      );
      const people = n[0]?.c ?? 1;
      const chunk = 100_000;
      for (let from = 0; from < SESSIONS; from += chunk) {
        const to = Math.min(SESSIONS, from + chunk) - 1;
        // 9 in 10 people receive OJT, spread over the 年度 so far; a quarter not yet acknowledged
        await sql(`INSERT INTO "ojt_session" ("id","traineeId","supervisorId","occurredOn","fiscalYear","minutes","method","topic",
                                               "staffImageIds","initiativeIds","acknowledgedAt","updatedAt")
          SELECT gen_random_uuid(), p."staffId", p."supervisorId", DATE '${fyStart}' + ((g * 37) % ${days}), ${fy},
                 15 + (g % 8) * 15,
                 (ARRAY['guidance','accompany','review','assignment','other'])[1 + g % 5]::"OjtMethod", 'OJT ' || (g % 50),
                 ARRAY(SELECT "id" FROM "staff_image" ORDER BY "code" OFFSET g % 4 LIMIT 1),
                 ARRAY(SELECT "id" FROM "initiative" ORDER BY "code" OFFSET g % 13 LIMIT 1),
                 CASE WHEN g % 4 = 0 THEN NULL ELSE now() END, now()
          FROM generate_series(${from}, ${to}) g
          JOIN "bench_supervisor" p ON p.k = (g * 7919) % ${Math.floor(people * 0.9)}`);
      }
      await sql(`INSERT INTO "ojt_staff_year" ("staffId","fiscalYear","sessions","minutes","lastOn")
        SELECT "traineeId", "fiscalYear", COUNT(*), SUM("minutes"), MAX("occurredOn") FROM "ojt_session" GROUP BY 1, 2`);
      await sql('ALTER TABLE "ojt_session" ENABLE TRIGGER "ojt_session_rollup"');
    });
    await step('OJT plans 70%, career plans 60%, requests 10%', async () => {
      await sql(`INSERT INTO "ojt_plan" ("id","staffId","fiscalYear","authorId","goals","plannedSessions","plannedMinutes","updatedAt")
        SELECT gen_random_uuid(), p."staffId", ${fy}, p."supervisorId", '[{"text":"目標","staffImageIds":[],"initiativeIds":[]}]',
               12 + (p.k % 3) * 6, 600, now()
        FROM "bench_supervisor" p WHERE p.k % 10 < 7`);
      await sql(`INSERT INTO "career_plan" ("id","staffId","fiscalYear","status","submittedAt","updatedAt")
        SELECT gen_random_uuid(), b."id", ${fy},
               (ARRAY['draft','submitted','commented','changes_requested'])[1 + b.i % 4]::"CareerPlanStatus",
               CASE WHEN b.i % 4 IN (1, 2) THEN now() END, now()
        FROM "bench_staff" b WHERE b.i % 5 < 3`);
      await sql(`INSERT INTO "self_development_record" ("id","staffId","kind","title","fiscalYear","supportStatus","updatedAt")
        SELECT gen_random_uuid(), b."id", 'qualification', '資格 ' || b.i, ${fy},
               (CASE WHEN b.i % 10 = 0 THEN 'pending' ELSE 'none' END)::"SupportStatus", now()
        FROM "bench_staff" b WHERE b.i % 3 = 0 OR b.i % 10 = 0`);
    });
    await step('ANALYZE', () => sql('ANALYZE'));

    const counts = await db.$queryRawUnsafe<Record<string, number>[]>(
      `SELECT (SELECT COUNT(*) FROM "staff")::int AS staff, (SELECT COUNT(*) FROM "ojt_session")::int AS sessions,
              (SELECT COUNT(*) FROM "ojt_plan")::int AS plans, (SELECT COUNT(*) FROM "career_plan")::int AS "careerPlans"`,
    );
    console.info('\nrows:', counts[0]);

    // who signs in: the head of the large first 局; the heads of a 課 and a 係 of an ordinary one, and one person there
    if (process.env.BENCH_KEEP) console.info(`kept database ${name}`);
    const heads = await db.$queryRawUnsafe<{ kind: string; staffId: string; loginId: string }[]>(`
      WITH b AS (SELECT "id", "path" FROM "org_unit" WHERE "code" = 'B01'),
           d AS (SELECT "id", "path" FROM "org_unit" WHERE "code" = 'B02-1-1'),
           s AS (SELECT "id", "path" FROM "org_unit" WHERE "code" = 'B02-1-1-1')
      SELECT 'bureau' AS kind, a."staffId", st."loginId" FROM "assignment" a JOIN b ON b."id" = a."orgUnitId" JOIN "staff" st ON st."id" = a."staffId" WHERE a."isHead"
      UNION ALL SELECT 'division', a."staffId", st."loginId" FROM "assignment" a JOIN d ON d."id" = a."orgUnitId" JOIN "staff" st ON st."id" = a."staffId" WHERE a."isHead"
      UNION ALL SELECT 'section', a."staffId", st."loginId" FROM "assignment" a JOIN s ON s."id" = a."orgUnitId" JOIN "staff" st ON st."id" = a."staffId" WHERE a."isHead"
      UNION ALL (SELECT 'member', a."staffId", st."loginId" FROM "assignment" a JOIN s ON s."id" = a."orgUnitId" JOIN "staff" st ON st."id" = a."staffId"
                 WHERE NOT a."isHead" ORDER BY st."employeeNumber" LIMIT 1)`);
    const hash = await hashPassword(PASSWORD);
    await db.staff.updateMany({
      where: { id: { in: heads.map((h) => h.staffId) } },
      data: { passwordHash: hash },
    });

    const env = parseEnv({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      SESSION_SECRET: 'b'.repeat(48),
      DATABASE_URL: url,
    });
    const app = await buildApp({
      env,
      sessionSecret: 'bench-secret-'.padEnd(40, 'x'),
      db,
      databaseMode: 'external',
      serveWeb: false,
      logger: false,
    });
    await app.ready();
    const cookies = new Map<string, string>();
    for (const h of heads) {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { loginId: h.loginId, password: PASSWORD },
      });
      if (login.statusCode !== 200) throw new Error(`sign-in ${h.loginId}: ${login.statusCode}`);
      cookies.set(h.kind, login.cookies.map((c) => `${c.name}=${c.value}`).join('; '));
    }
    const served = new Set(
      Object.keys(
        (await app.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>().paths,
      ),
    );

    const measure = (label: string, who: string, target: string) =>
      measureGet(app, { label, target, cookie: cookies.get(who) ?? '', requests: REQUESTS, width: 60 });
    const team = async (who: string) =>
      (
        await app.inject({
          url: '/api/dashboards/team?pageSize=1',
          headers: { cookie: cookies.get(who) ?? '' },
        })
      ).json<{ totals: { members: number } }>().totals.members;

    console.info('');
    await measure('baseline: GET /api/grades (sign-in check only)', 'member', '/api/grades');
    for (const [who, title] of [
      ['section', '係長'],
      ['division', '課長'],
      ['bureau', '局長'],
    ] as const) {
      const members = await team(who);
      await measure(`GET /api/dashboards/team — ${title} (${members} people)`, who, '/api/dashboards/team');
    }
    await measure(
      'GET /api/dashboards/team — 局長, longest wait first, page 3',
      'bureau',
      '/api/dashboards/team?sort=lastOn&order=asc&page=3',
    );
    await measure(
      'GET /api/dashboards/team — 局長, overdue only, search',
      'bureau',
      `/api/dashboards/team?overdueOnly=true&q=${encodeURIComponent('職員1')}`,
    );
    const member = heads.find((h) => h.kind === 'member')?.staffId ?? '';
    await measure(
      'GET /api/ojt-sessions?staffId= (one person)',
      'member',
      `/api/ojt-sessions?staffId=${member}`,
    );
    await measure('GET /api/staff/{id}/ojt-plan', 'member', `/api/staff/${member}/ojt-plan`);
    const career: [string, string][] = [
      ['/api/staff/{id}/timeline', `/api/staff/${member}/timeline`],
      ['/api/staff/{id}/career-plan', `/api/staff/${member}/career-plan`],
      ['/api/dashboards/me', '/api/dashboards/me'],
    ];
    for (const [route, target] of career) {
      if (served.has(route)) await measure(`my career page: GET ${route}`, 'member', target);
      else console.info(`my career page: ${route} is not served in this build; skipped`);
    }
    await app.close();
  } finally {
    await db.$disconnect();
    if (!process.env.BENCH_KEEP) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

await main();
