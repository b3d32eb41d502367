/**
 * Career benchmark (not a test): a fresh database with the demo organisation, where the demo staff
 * member has a long history — 5,000 OJT sessions, 2,000 self-development records and 300 completed
 * courses (made in SQL) — then p50/p95 of warm requests through app.inject for the career pages:
 * the timeline (first page, filtered by tag, a deep page), the career path, the plan, the
 * self-development list and "my figures".
 *
 *   cd apps/api && node --import tsx bench/career.ts [sessions] [records] [requests]
 *
 * BENCH_DATABASE_URL overrides the server (default postgresql://postgres@127.0.0.1:5432/postgres).
 */
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createPrisma } from '../src/db/client.ts';
import { pgConfigFromUrl, withDatabase } from '../src/db/pg-config.ts';
import { prepareDatabase } from '../src/db/setup.ts';
import { parseEnv } from '../src/env.ts';
import { keyring, newKeyText } from '../src/shared/sealed-text.ts';
import { measureGet, step } from './lib.ts';

const SESSIONS = Number(process.argv[2] ?? 5_000);
const RECORDS = Number(process.argv[3] ?? 2_000);
const REQUESTS = Math.max(20, Number(process.argv[4] ?? 50));
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function main() {
  const name = `bench_career_${Date.now()}`;
  const admin = new pg.Client(pgConfigFromUrl(ADMIN_URL));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(ADMIN_URL, name);
  const db = createPrisma(url, 10);
  const sql = (text: string) => db.$executeRawUnsafe(text);
  try {
    await step(
      'migrate + demo data',
      () => prepareDatabase({ url, db }, { demo: true, sensitiveKeys: keyring(newKeyText()) }),
      38,
    );
    const me = `(SELECT "id" FROM "staff" WHERE "loginId" = 'demo-staff')`;
    const boss = `(SELECT "id" FROM "staff" WHERE "loginId" = 'demo-supervisor')`;
    await step(
      'history of demo-staff',
      async () => {
        await sql(`INSERT INTO "ojt_session" ("id","traineeId","supervisorId","occurredOn","fiscalYear","minutes","method","topic",
                                          "staffImageIds","initiativeIds","updatedAt")
      SELECT gen_random_uuid(), ${me}, ${boss}, d, CASE WHEN extract(month FROM d) >= 4 THEN extract(year FROM d) ELSE extract(year FROM d) - 1 END,
             30, 'guidance', 'OJT ' || g,
             ARRAY(SELECT "id" FROM "staff_image" ORDER BY "code" OFFSET g % 4 LIMIT 1),
             ARRAY(SELECT "id" FROM "initiative" ORDER BY "code" OFFSET g % 13 LIMIT 1), now()
      FROM generate_series(1, ${SESSIONS}) g, LATERAL (SELECT (DATE '2026-11-01' - (g % 3000))::date AS d) x`);
        await sql(`INSERT INTO "self_development_record" ("id","staffId","kind","title","startedOn","fiscalYear","initiativeIds","updatedAt")
      SELECT gen_random_uuid(), ${me}, (ARRAY['qualification','self_study','correspondence','other'])[1 + g % 4]::"SelfDevelopmentKind",
             '自己啓発 ' || g, DATE '2026-10-01' - (g % 3000), 2020,
             ARRAY(SELECT "id" FROM "initiative" ORDER BY "code" OFFSET g % 13 LIMIT 1), now()
      FROM generate_series(1, ${RECORDS}) g`);
        await sql(`INSERT INTO "training" ("id","code","titleJa","titleEn","kind","updatedAt")
      SELECT gen_random_uuid(), 'bench-' || g, '研修 ' || g, 'Course ' || g, 'institute_elective', now() FROM generate_series(1, 300) g`);
        await sql(`INSERT INTO "training_session" ("id","trainingId","fiscalYear","startsAt","endsAt","capacity","applicationDeadline","updatedAt")
      SELECT gen_random_uuid(), t."id", 2024, TIMESTAMPTZ '2024-06-01 09:00+09', TIMESTAMPTZ '2024-06-01 17:00+09', 30, DATE '2024-05-01', now()
      FROM "training" t WHERE t."code" LIKE 'bench-%'`);
        await sql(`INSERT INTO "training_application" ("id","sessionId","staffId","fiscalYear","status","completed","completedOn","updatedAt")
      SELECT gen_random_uuid(), s."id", ${me}, 2024, 'accepted', true, DATE '2024-06-01', now()
      FROM "training_session" s JOIN "training" t ON t."id" = s."trainingId" WHERE t."code" LIKE 'bench-%'`);
        await sql('ANALYZE');
      },
      38,
    );

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
    const cookieOf = async (loginId: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { loginId, password: 'demo-password' },
      });
      return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    };
    const staff = await cookieOf('demo-staff');
    const supervisor = await cookieOf('demo-supervisor');
    const id = (await db.staff.findUniqueOrThrow({ where: { loginId: 'demo-staff' } })).id;

    const measure = (label: string, cookie: string, target: string) =>
      measureGet(app, { label, target, cookie, requests: REQUESTS, warmup: 5 });
    const first = JSON.parse(await measure('timeline, first page (20)', staff, `/api/staff/${id}/timeline`));
    console.info(`  (${first.total} entries in all)`);
    await measure(
      'timeline, tag 若手, page of 100',
      staff,
      `/api/staff/${id}/timeline?tag=young&pageSize=100`,
    );
    await measure('timeline, page 300', staff, `/api/staff/${id}/timeline?page=300`);
    await measure(
      'timeline, self-development only, as the supervisor',
      supervisor,
      `/api/staff/${id}/timeline?kind=self_development,qualification`,
    );
    await measure('career path', staff, `/api/staff/${id}/career-path`);
    await measure('career plan (current 年度)', staff, `/api/staff/${id}/career-plan`);
    await measure('self-development, first page', staff, `/api/staff/${id}/self-development`);
    await measure('my figures (staff)', staff, '/api/dashboards/me');
    await measure('my figures (supervisor: what waits for me)', supervisor, '/api/dashboards/me');
    await app.close();
  } finally {
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

await main();
