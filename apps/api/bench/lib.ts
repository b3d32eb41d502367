/**
 * What the benchmarks share: timed set-up steps, the org tree they generate in SQL, and p50/p95 of
 * warm GETs through app.inject.
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';

/** Runs a set-up step and prints how long it took. */
export async function step<T>(label: string, fn: () => Promise<T>, width = 52): Promise<T> {
  const start = performance.now();
  const r = await fn();
  console.info(`${label.padEnd(width)} ${((performance.now() - start) / 1000).toFixed(1).padStart(7)} s`);
  return r;
}

/** The p-th percentile (nearest rank). */
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
}

/**
 * GETs `target` `warmup` times, then `requests` times timed; prints p50/p95 (and the size of the
 * answer) and returns the last body. A status other than 200 stops the benchmark.
 */
export async function measureGet(
  app: FastifyInstance,
  options: {
    label: string;
    target: string;
    cookie: string;
    requests: number;
    warmup?: number;
    width?: number;
  },
): Promise<string> {
  const { target, cookie, requests } = options;
  for (let i = 0; i < (options.warmup ?? 10); i++) await app.inject({ url: target, headers: { cookie } });
  const times: number[] = [];
  let body = '';
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    const res = await app.inject({ url: target, headers: { cookie } });
    times.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`${target}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    body = res.body;
  }
  console.info(
    `${options.label.padEnd(options.width ?? 56)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms   p95 ${pct(times, 95).toFixed(1).padStart(6)} ms   (${requests} warm, ${(body.length / 1024).toFixed(0)} KB)`,
  );
  return body;
}

/** 15 bureaus + 5 wards → 3 部 each → 4 課 each → 3 係 each (~1,000 units), codes `B01`, `B01-1`, … (or another prefix) */
export async function seedOrgTree(sql: (text: string) => Promise<unknown>, prefix = 'B'): Promise<void> {
  await sql(`INSERT INTO "org_unit" ("id","code","kind","nameJa","nameEn","path","bureauId","position","updatedAt")
    SELECT id, '${prefix}' || lpad(n::text, 2, '0'), CASE WHEN n > 15 THEN 'ward' ELSE 'bureau' END::"OrgUnitKind",
           CASE WHEN n > 15 THEN '区' ELSE '局' END || n, 'Bureau ' || n, '/' || id || '/', id, n, now()
    FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, 20) n) b`);
  for (const [kind, per, parentKind] of [
    ['department', 3, "('bureau','ward')"],
    ['division', 4, "('department')"],
    ['section', 3, "('division')"],
  ] as const) {
    await sql(`WITH c AS MATERIALIZED (
        SELECT gen_random_uuid() AS id, k, p."id" AS "parentId", p."code", p."nameJa", p."nameEn", p."path", p."bureauId"
        FROM "org_unit" p CROSS JOIN generate_series(1, ${per}) k WHERE p."kind"::text IN ${parentKind} AND p."code" LIKE '${prefix}%')
      INSERT INTO "org_unit" ("id","code","kind","nameJa","nameEn","parentId","path","bureauId","position","updatedAt")
      SELECT c.id, c."code" || '-' || c.k, '${kind}', c."nameJa" || '-' || c.k, c."nameEn" || '-' || c.k, c."parentId",
             c."path" || c.id || '/', c."bureauId", c.k, now()
      FROM c`);
  }
}

export type CitySize = {
  staff: number;
  ojt: number;
  enrolments: number;
  /** Starts the codes of the generated units, staff and courses (`B01`, `B000001`, `BC1`), so they sit beside the demo data's */
  unitPrefix: string;
};

const FIRST_FY = 2021;
const LAST_FY = 2026;
const YEARS = LAST_FY - FIRST_FY + 1;

/**
 * A city's worth of data in SQL, beside whatever the database holds: ~1,000 units, `staff` people
 * with their posts (every fifth moved once), `ojt` OJT sessions and `enrolments` training
 * enrolments over six 年度 with their rollups, and career plans; then VACUUM ANALYZE. Its temporary
 * tables live on the connection `sql` uses: statements sent one after another take the same idle
 * connection of the pool.
 */
export async function seedCity(sql: (text: string) => Promise<unknown>, size: CitySize): Promise<void> {
  await step('grades, job families, ~1,000 units', async () => {
    // the master data's codes: present already when the demo data was seeded
    await sql(`INSERT INTO "grade" ("id","code","rank","nameJa","nameEn","managerial") VALUES
      (gen_random_uuid(),'shuji',1,'主事・技師','Staff',false),(gen_random_uuid(),'shunin',2,'主任','Senior',false),
      (gen_random_uuid(),'kakaricho',3,'係長','Chief',true),(gen_random_uuid(),'kacho',5,'課長','Director',true)
      ON CONFLICT ("code") DO NOTHING`);
    await sql(
      `INSERT INTO "job_family" ("id","code","nameJa","nameEn") VALUES (gen_random_uuid(),'jimu','事務','Admin') ON CONFLICT ("code") DO NOTHING`,
    );
    await seedOrgTree(sql, size.unitPrefix);
  });
  await step(`${size.staff.toLocaleString()} staff and their posts`, async () => {
    await sql(`INSERT INTO "staff" ("id","employeeNumber","nameJa","nameKana","nameEn","loginId","jobFamilyId","hireDate","updatedAt")
      SELECT gen_random_uuid(), '${size.unitPrefix}' || lpad(i::text, 6, '0'), '職員' || i, 'ショクイン', 'Staff ' || i, '${size.unitPrefix.toLowerCase()}' || i,
             (SELECT "id" FROM "job_family" WHERE "code" = 'jimu'), make_date(1988 + (i % 38), 4, 1), now()
      FROM generate_series(1, ${size.staff}) i`);
    await sql(`WITH s AS (SELECT "id", row_number() OVER (ORDER BY "employeeNumber") AS i FROM "staff" WHERE "employeeNumber" LIKE '${size.unitPrefix}%'),
                   u AS (SELECT "id", row_number() OVER (ORDER BY "code") - 1 AS j FROM "org_unit" WHERE "kind" = 'section' AND "code" LIKE '${size.unitPrefix}%'),
                   n AS (SELECT COUNT(*) AS c FROM u),
                   g AS (SELECT "id" FROM "grade" WHERE "code" = 'shuji')
      INSERT INTO "assignment" ("id","staffId","orgUnitId","gradeId","startsOn","endsOn","isHead")
      SELECT gen_random_uuid(), s."id", u."id", g."id", DATE '2019-04-01',
             CASE WHEN s.i % 5 = 0 THEN DATE '2023-03-31' END, false
      FROM s CROSS JOIN n CROSS JOIN g JOIN u ON u.j = s.i % n.c`);
    // every fifth person moved to another section on 2023-04-01
    await sql(`WITH s AS (SELECT "id", row_number() OVER (ORDER BY "employeeNumber") AS i FROM "staff" WHERE "employeeNumber" LIKE '${size.unitPrefix}%'),
                   u AS (SELECT "id", row_number() OVER (ORDER BY "code") - 1 AS j FROM "org_unit" WHERE "kind" = 'section' AND "code" LIKE '${size.unitPrefix}%'),
                   n AS (SELECT COUNT(*) AS c FROM u),
                   g AS (SELECT "id" FROM "grade" WHERE "code" = 'shunin')
      INSERT INTO "assignment" ("id","staffId","orgUnitId","gradeId","startsOn","isHead")
      SELECT gen_random_uuid(), s."id", u."id", g."id", DATE '2023-04-01', false
      FROM s CROSS JOIN n CROSS JOIN g JOIN u ON u.j = (s.i * 7 + 3) % n.c
      WHERE s.i % 5 = 0`);
    await sql('ANALYZE "staff"; ANALYZE "assignment"; ANALYZE "org_unit"');
  });
  await step(`${size.ojt.toLocaleString()} OJT sessions (+ rollup)`, async () => {
    await sql('ALTER TABLE "ojt_session" DISABLE TRIGGER "ojt_session_rollup"');
    await sql('ALTER TABLE "ojt_session" DISABLE TRIGGER "ojt_session_initiative_rollup"');
    await sql(
      `CREATE TEMP TABLE "bench_initiative" AS SELECT array_agg("id" ORDER BY "code") AS ids, COUNT(*)::int AS n FROM "initiative"`,
    );
    await sql(
      `CREATE TEMP TABLE "bench_staff" AS SELECT "id", row_number() OVER (ORDER BY "employeeNumber") - 1 AS i FROM "staff" WHERE "employeeNumber" LIKE '${size.unitPrefix}%'`,
    );
    await sql('CREATE UNIQUE INDEX ON "bench_staff" (i)');
    const chunk = 250_000;
    for (let from = 0; from < size.ojt; from += chunk) {
      const to = Math.min(size.ojt, from + chunk) - 1;
      // ~70% of staff receive OJT; a session's 年度 and day spread over the six years
      await sql(`INSERT INTO "ojt_session" ("id","traineeId","supervisorId","occurredOn","fiscalYear","minutes","method","topic","updatedAt","initiativeIds")
        SELECT gen_random_uuid(), t."id", s."id", make_date((${FIRST_FY} + (g % ${YEARS}))::int, 4, 1) + ((g / ${YEARS}) % 360)::int,
               (${FIRST_FY} + (g % ${YEARS}))::int, (15 + (g % 8) * 15)::int, 'guidance', 'OJT', now(),
               CASE g % 3 WHEN 0 THEN '{}'::uuid[]
                 WHEN 1 THEN ARRAY[b.ids[1 + (g / 3) % b.n]]
                 ELSE ARRAY[b.ids[1 + (g / 3) % b.n], b.ids[1 + (g / 3 + 5) % b.n]] END
        FROM generate_series(${from}::bigint, ${to}::bigint) g CROSS JOIN "bench_initiative" b
        JOIN "bench_staff" t ON t.i = ((g / ${YEARS}) * 7919) % ${Math.floor(size.staff * 0.7)}
        JOIN "bench_staff" s ON s.i = (t.i + 1) % ${size.staff}`);
    }
    await sql(`INSERT INTO "ojt_staff_year" ("staffId","fiscalYear","sessions","minutes","lastOn")
      SELECT "traineeId", "fiscalYear", COUNT(*), SUM("minutes"), MAX("occurredOn") FROM "ojt_session"
      WHERE "traineeId" IN (SELECT "id" FROM "bench_staff") GROUP BY 1, 2`);
    // the statement that backfills ojt_initiative_year in its migration: the trainee's post on the day
    await sql(`INSERT INTO "ojt_initiative_year" ("fiscalYear","initiativeId","orgUnitId","sessions","minutes")
      SELECT s."fiscalYear", li."initiativeId", "ojt_session_unit"(s."traineeId", s."occurredOn"), COUNT(*)::int, SUM(s."minutes")
      FROM "ojt_session" s JOIN "bench_staff" b ON b."id" = s."traineeId"
      CROSS JOIN LATERAL (SELECT DISTINCT i FROM unnest(s."initiativeIds") AS i) AS li("initiativeId")
      GROUP BY 1, 2, 3`);
    await sql('ALTER TABLE "ojt_session" ENABLE TRIGGER "ojt_session_rollup"');
    await sql('ALTER TABLE "ojt_session" ENABLE TRIGGER "ojt_session_initiative_rollup"');
  });
  await step(`${size.enrolments.toLocaleString()} training enrolments (+ rollup)`, async () => {
    await sql('ALTER TABLE "training_application" DISABLE TRIGGER "training_application_rollup"');
    await sql(`INSERT INTO "training" ("id","code","titleJa","titleEn","kind","fiscalYears","updatedAt","initiativeIds")
      SELECT gen_random_uuid(), '${size.unitPrefix}C' || k, '研修' || k, 'Course ' || k,
             (ARRAY['institute_grade','institute_elective','elearning','departmental'])[1 + k % 4]::"TrainingKind",
             ARRAY(SELECT generate_series(${FIRST_FY}, ${LAST_FY})), now(),
             ARRAY(SELECT "id" FROM "initiative" ORDER BY "code" OFFSET k % 13 LIMIT 1)
      FROM generate_series(1, 60) k`);
    await sql(`INSERT INTO "training_session" ("id","trainingId","fiscalYear","startsAt","endsAt","capacity","applicationDeadline","updatedAt")
      SELECT gen_random_uuid(), t."id", fy, make_timestamptz(fy, 6 + r, 10, 10, 0, 0), make_timestamptz(fy, 6 + r, 10, 17, 0, 0),
             500, make_date(fy, 5 + r, 20), now()
      FROM "training" t CROSS JOIN generate_series(${FIRST_FY}, ${LAST_FY}) fy CROSS JOIN generate_series(0, 4) r
      WHERE t."code" LIKE '${size.unitPrefix}C%'`);
    await sql(
      `CREATE TEMP TABLE "bench_session" AS SELECT s."id", s."fiscalYear", row_number() OVER (ORDER BY s."id") - 1 AS j
        FROM "training_session" s JOIN "training" t ON t."id" = s."trainingId" WHERE t."code" LIKE '${size.unitPrefix}C%'`,
    );
    await sql('CREATE UNIQUE INDEX ON "bench_session" (j)');
    await sql(`INSERT INTO "training_application" ("id","sessionId","staffId","fiscalYear","status","completed","updatedAt")
      SELECT gen_random_uuid(), s."id", t."id", s."fiscalYear",
             (CASE WHEN g % 20 < 17 THEN 'accepted' WHEN g % 20 < 19 THEN 'waitlisted' ELSE 'withdrawn' END)::"ApplicationStatus",
             g % 20 < 14, now()
      FROM generate_series(0::bigint, ${size.enrolments - 1}::bigint) g
      JOIN "bench_session" s ON s.j = g % (SELECT COUNT(*) FROM "bench_session")
      JOIN "bench_staff" t ON t.i = (g / (SELECT COUNT(*) FROM "bench_session") + s.j * 37) % ${size.staff}`);
    await sql(`INSERT INTO "training_staff_year" ("staffId","fiscalYear","accepted","completed")
      SELECT "staffId", "fiscalYear", COUNT(*) FILTER (WHERE "status" = 'accepted'), COUNT(*) FILTER (WHERE "completed")
      FROM "training_application" WHERE "staffId" IN (SELECT "id" FROM "bench_staff") GROUP BY 1, 2`);
    await sql('ALTER TABLE "training_application" ENABLE TRIGGER "training_application_rollup"');
  });
  await step('career plans (one per person and 年度, ~60%)', () =>
    sql(`INSERT INTO "career_plan" ("id","staffId","fiscalYear","status","updatedAt")
      SELECT gen_random_uuid(), t."id", fy,
             (ARRAY['draft','submitted','commented','changes_requested'])[1 + (t.i + fy) % 4]::"CareerPlanStatus", now()
      FROM "bench_staff" t CROSS JOIN generate_series(${FIRST_FY}, ${LAST_FY}) fy WHERE (t.i + fy) % 5 < 3`),
  );
  // settled, as a city's database is: otherwise autovacuum works through the new rows a minute later,
  // in the middle of whatever is being measured
  await step('VACUUM ANALYZE', () => sql('VACUUM ANALYZE'));
}
