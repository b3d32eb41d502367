import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createPrisma } from '../src/db/client.ts';
import { pgConfigFromUrl, withDatabase } from '../src/db/pg-config.ts';
import { demoPlanSeeder } from '../src/db/seed/demo-plan.seed.ts';
import { prepareDatabase } from '../src/db/setup.ts';
import { parseEnv } from '../src/env.ts';
import { hashPassword } from '../src/features/auth/password.ts';
import { refreshDashboardRollup } from '../src/features/dashboards/dashboard-rollup.ts';
import { keyring, newKeyText } from '../src/shared/sealed-text.ts';
import { measureGet, seedOrgTree, step } from './lib.ts';

const STAFF = Number(process.argv[2] ?? 20_000);
const OJT = Number(process.argv[3] ?? 2_000_000);
const ENROLMENTS = Number(process.argv[4] ?? 600_000);
const REQUESTS = Math.max(100, Number(process.argv[5] ?? 200));
const FIRST_FY = 2021;
const LAST_FY = 2026;
const YEARS = LAST_FY - FIRST_FY + 1;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function main() {
  const name = `bench_rollout_${Date.now()}`;
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
    await step('grades, job families, ~1,000 units', async () => {
      await sql(`INSERT INTO "grade" ("id","code","rank","nameJa","nameEn","managerial") VALUES
        (gen_random_uuid(),'shuji',1,'主事・技師','Staff',false),(gen_random_uuid(),'shunin',2,'主任','Senior',false),
        (gen_random_uuid(),'kakaricho',3,'係長','Chief',true),(gen_random_uuid(),'kacho',5,'課長','Director',true)`);
      await sql(
        `INSERT INTO "job_family" ("id","code","nameJa","nameEn") VALUES (gen_random_uuid(),'jimu','事務','Admin')`,
      );
      await seedOrgTree(sql);
    });
    await step(`${STAFF.toLocaleString()} staff and their posts`, async () => {
      await sql(`INSERT INTO "staff" ("id","employeeNumber","nameJa","nameKana","nameEn","loginId","jobFamilyId","hireDate","updatedAt")
        SELECT gen_random_uuid(), 'E' || lpad(i::text, 6, '0'), '職員' || i, 'ショクイン', 'Staff ' || i, 'u' || i,
               (SELECT "id" FROM "job_family" LIMIT 1), make_date(1988 + (i % 38), 4, 1), now()
        FROM generate_series(1, ${STAFF}) i`);
      await sql(`WITH s AS (SELECT "id", row_number() OVER (ORDER BY "employeeNumber") AS i FROM "staff"),
                     u AS (SELECT "id", row_number() OVER (ORDER BY "code") - 1 AS j FROM "org_unit" WHERE "kind" = 'section'),
                     n AS (SELECT COUNT(*) AS c FROM u),
                     g AS (SELECT "id" FROM "grade" WHERE "code" = 'shuji')
        INSERT INTO "assignment" ("id","staffId","orgUnitId","gradeId","startsOn","endsOn","isHead")
        SELECT gen_random_uuid(), s."id", u."id", g."id", DATE '2019-04-01',
               CASE WHEN s.i % 5 = 0 THEN DATE '2023-03-31' END, false
        FROM s CROSS JOIN n CROSS JOIN g JOIN u ON u.j = s.i % n.c`);
      // every fifth person moved to another section on 2023-04-01
      await sql(`WITH s AS (SELECT "id", row_number() OVER (ORDER BY "employeeNumber") AS i FROM "staff"),
                     u AS (SELECT "id", row_number() OVER (ORDER BY "code") - 1 AS j FROM "org_unit" WHERE "kind" = 'section'),
                     n AS (SELECT COUNT(*) AS c FROM u),
                     g AS (SELECT "id" FROM "grade" WHERE "code" = 'shunin')
        INSERT INTO "assignment" ("id","staffId","orgUnitId","gradeId","startsOn","isHead")
        SELECT gen_random_uuid(), s."id", u."id", g."id", DATE '2023-04-01', false
        FROM s CROSS JOIN n CROSS JOIN g JOIN u ON u.j = (s.i * 7 + 3) % n.c
        WHERE s.i % 5 = 0`);
      await sql('ANALYZE "staff"; ANALYZE "assignment"; ANALYZE "org_unit"');
    });
    await step(`${OJT.toLocaleString()} OJT sessions (+ rollup)`, async () => {
      await sql('ALTER TABLE "ojt_session" DISABLE TRIGGER "ojt_session_rollup"');
      await sql('ALTER TABLE "ojt_session" DISABLE TRIGGER "ojt_session_initiative_rollup"');
      await sql(
        `CREATE TEMP TABLE "bench_initiative" AS SELECT array_agg("id" ORDER BY "code") AS ids, COUNT(*)::int AS n FROM "initiative"`,
      );
      await sql(
        `CREATE TEMP TABLE "bench_staff" AS SELECT "id", row_number() OVER (ORDER BY "employeeNumber") - 1 AS i FROM "staff"`,
      );
      await sql('CREATE UNIQUE INDEX ON "bench_staff" (i)');
      const chunk = 250_000;
      for (let from = 0; from < OJT; from += chunk) {
        const to = Math.min(OJT, from + chunk) - 1;
        // ~70% of staff receive OJT; a session's 年度 and day spread over the six years
        await sql(`INSERT INTO "ojt_session" ("id","traineeId","supervisorId","occurredOn","fiscalYear","minutes","method","topic","updatedAt","initiativeIds")
          SELECT gen_random_uuid(), t."id", s."id", make_date((${FIRST_FY} + (g % ${YEARS}))::int, 4, 1) + ((g / ${YEARS}) % 360)::int,
                 (${FIRST_FY} + (g % ${YEARS}))::int, (15 + (g % 8) * 15)::int, 'guidance', 'OJT', now(),
                 CASE g % 3 WHEN 0 THEN '{}'::uuid[]
                   WHEN 1 THEN ARRAY[b.ids[1 + (g / 3) % b.n]]
                   ELSE ARRAY[b.ids[1 + (g / 3) % b.n], b.ids[1 + (g / 3 + 5) % b.n]] END
          FROM generate_series(${from}::bigint, ${to}::bigint) g CROSS JOIN "bench_initiative" b
          JOIN "bench_staff" t ON t.i = ((g / ${YEARS}) * 7919) % ${Math.floor(STAFF * 0.7)}
          JOIN "bench_staff" s ON s.i = (t.i + 1) % ${STAFF}`);
      }
      await sql(`INSERT INTO "ojt_staff_year" ("staffId","fiscalYear","sessions","minutes","lastOn")
        SELECT "traineeId", "fiscalYear", COUNT(*), SUM("minutes"), MAX("occurredOn") FROM "ojt_session" GROUP BY 1, 2`);
      // the statement that backfills ojt_initiative_year in its migration: the trainee's post on the day
      await sql(`INSERT INTO "ojt_initiative_year" ("fiscalYear","initiativeId","orgUnitId","sessions","minutes")
        SELECT s."fiscalYear", li."initiativeId", "ojt_session_unit"(s."traineeId", s."occurredOn"), COUNT(*)::int, SUM(s."minutes")
        FROM "ojt_session" s
        CROSS JOIN LATERAL (SELECT DISTINCT i FROM unnest(s."initiativeIds") AS i) AS li("initiativeId")
        GROUP BY 1, 2, 3`);
      await sql('ALTER TABLE "ojt_session" ENABLE TRIGGER "ojt_session_rollup"');
      await sql('ALTER TABLE "ojt_session" ENABLE TRIGGER "ojt_session_initiative_rollup"');
    });
    await step(`${ENROLMENTS.toLocaleString()} training enrolments (+ rollup)`, async () => {
      await sql('ALTER TABLE "training_application" DISABLE TRIGGER "training_application_rollup"');
      await sql(`INSERT INTO "training" ("id","code","titleJa","titleEn","kind","fiscalYears","updatedAt","initiativeIds")
        SELECT gen_random_uuid(), 'C' || k, '研修' || k, 'Course ' || k,
               (ARRAY['institute_grade','institute_elective','elearning','departmental'])[1 + k % 4]::"TrainingKind",
               ARRAY(SELECT generate_series(${FIRST_FY}, ${LAST_FY})), now(),
               ARRAY(SELECT "id" FROM "initiative" ORDER BY "code" OFFSET k % 13 LIMIT 1)
        FROM generate_series(1, 60) k`);
      await sql(`INSERT INTO "training_session" ("id","trainingId","fiscalYear","startsAt","endsAt","capacity","applicationDeadline","updatedAt")
        SELECT gen_random_uuid(), t."id", fy, make_timestamptz(fy, 6 + r, 10, 10, 0, 0), make_timestamptz(fy, 6 + r, 10, 17, 0, 0),
               500, make_date(fy, 5 + r, 20), now()
        FROM "training" t CROSS JOIN generate_series(${FIRST_FY}, ${LAST_FY}) fy CROSS JOIN generate_series(0, 4) r`);
      await sql(
        `CREATE TEMP TABLE "bench_session" AS SELECT "id", "fiscalYear", row_number() OVER (ORDER BY "id") - 1 AS j FROM "training_session"`,
      );
      await sql('CREATE UNIQUE INDEX ON "bench_session" (j)');
      await sql(`INSERT INTO "training_application" ("id","sessionId","staffId","fiscalYear","status","completed","updatedAt")
        SELECT gen_random_uuid(), s."id", t."id", s."fiscalYear",
               (CASE WHEN g % 20 < 17 THEN 'accepted' WHEN g % 20 < 19 THEN 'waitlisted' ELSE 'withdrawn' END)::"ApplicationStatus",
               g % 20 < 14, now()
        FROM generate_series(0::bigint, ${ENROLMENTS - 1}::bigint) g
        JOIN "bench_session" s ON s.j = g % (SELECT COUNT(*) FROM "bench_session")
        JOIN "bench_staff" t ON t.i = (g / (SELECT COUNT(*) FROM "bench_session") + s.j * 37) % ${STAFF}`);
      await sql(`INSERT INTO "training_staff_year" ("staffId","fiscalYear","accepted","completed")
        SELECT "staffId", "fiscalYear", COUNT(*) FILTER (WHERE "status" = 'accepted'), COUNT(*) FILTER (WHERE "completed")
        FROM "training_application" GROUP BY 1, 2`);
      await sql('ALTER TABLE "training_application" ENABLE TRIGGER "training_application_rollup"');
    });
    await step('career plans (one per person and 年度, ~60%)', () =>
      sql(`INSERT INTO "career_plan" ("id","staffId","fiscalYear","status","updatedAt")
        SELECT gen_random_uuid(), t."id", fy,
               (ARRAY['draft','submitted','commented','changes_requested'])[1 + (t.i + fy) % 4]::"CareerPlanStatus", now()
        FROM "bench_staff" t CROSS JOIN generate_series(${FIRST_FY}, ${LAST_FY}) fy WHERE (t.i + fy) % 5 < 3`),
    );
    await step('推進計画 (the demo plan)', () => demoPlanSeeder.seed(db));
    await step('ANALYZE', () => sql('ANALYZE'));
    await step('refresh dashboard_unit_year', () => refreshDashboardRollup(db));

    const counts = await db.$queryRawUnsafe<
      { staff: number; ojt: number; apps: number; rollup: number; ojtInitiativeRows: number }[]
    >(
      `SELECT (SELECT COUNT(*) FROM "staff")::int AS staff, (SELECT COUNT(*) FROM "ojt_session")::int AS ojt,
              (SELECT COUNT(*) FROM "training_application")::int AS apps, (SELECT COUNT(*) FROM "dashboard_unit_year")::int AS rollup,
              (SELECT COUNT(*) FROM "ojt_initiative_year")::int AS "ojtInitiativeRows"`,
    );
    console.info('\nrows:', counts[0]);

    const hr = await db.staff.create({
      data: {
        employeeNumber: 'HR0001',
        nameJa: '人事 太郎',
        nameKana: 'ジンジ タロウ',
        nameEn: 'Taro Jinji',
        loginId: 'bench-hr',
        jobFamilyId: (await db.jobFamily.findFirstOrThrow()).id,
        hireDate: new Date('2000-04-01'),
        passwordHash: await hashPassword('bench-password'),
        systemRoles: ['hr_admin'],
      },
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
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: hr.loginId, password: 'bench-password' },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const bureau = await db.orgUnit.findFirstOrThrow({ where: { code: 'B01' } });
    const department = await db.orgUnit.findFirstOrThrow({ where: { code: 'B01-1' } });

    const measure = (label: string, target: string) =>
      measureGet(app, { label, target, cookie, requests: REQUESTS, width: 46 });
    console.info('');
    await measure('baseline: GET /api/grades (sign-in check only)', '/api/grades');
    await measure('GET /api/dashboards/rollout?fiscalYear=2025', '/api/dashboards/rollout?fiscalYear=2025');
    await measure('GET /api/dashboards/rollout (current 年度)', '/api/dashboards/rollout');
    await measure(
      'GET /api/dashboards/org-units/{局}?fiscalYear=2025',
      `/api/dashboards/org-units/${bureau.id}?fiscalYear=2025`,
    );
    await measure(
      'GET /api/dashboards/org-units/{部}?fiscalYear=2025',
      `/api/dashboards/org-units/${department.id}?fiscalYear=2025`,
    );
    await app.close();
  } finally {
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

await main();
