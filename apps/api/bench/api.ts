/**
 * `pnpm bench api [seconds] [connections] [demo|20k] [reads]`: the main reads under load, against a bare
 * Fastify + pg server answering `SELECT 1` on the same database (the floor). Builds a database with
 * the demo data on the local PostgreSQL (with `20k`, a city of 20,000 more staff with six 年度 of
 * OJT, training and career plans beside it), serves the portal and the floor on ports of their own,
 * runs autocannon against each read in turn and prints req/s, p50/p97.5, statements per request
 * (counted at the pg driver) and the ratio to the floor; then drops the database.
 *
 * `BENCH_KEEP_DATABASE=1` keeps the database afterwards (to read its plans with EXPLAIN).
 *
 * `reads`, optional: only the reads whose label contains one of its comma-separated words (`dashboard`,
 * `me,rollout`); the floor is always measured.
 *
 * Statements per request are exact: the server is left to finish every request of a run before the
 * count is read, and the count is divided by the requests the server received (autocannon leaves
 * requests in flight when a run ends, which it does not count).
 */
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { pgConfigFromUrl, withDatabase } from '../src/db/pg-config.ts';
import { prepareDatabase } from '../src/db/setup.ts';
import { parseEnv } from '../src/env.ts';
import { refreshDashboardRollup } from '../src/features/dashboards/dashboard-rollup.ts';
import { keyring, newKeyText } from '../src/shared/sealed-text.ts';
import { countingPrisma } from '../test/statement-counter.ts';
import { type CitySize, seedCity, step } from './lib.ts';

const SECONDS = Number(process.argv[2] ?? 5);
const CONNECTIONS = Number(process.argv[3] ?? 10);
const DATA = process.argv[4] ?? 'demo';
const ONLY = (process.argv[5] ?? '').split(',').filter(Boolean);
/** The `20k` data: the benchmark city, sized so that it is built in a few minutes. */
const CITY: CitySize = { staff: 20_000, ojt: 400_000, enrolments: 120_000, unitPrefix: 'Z' };
const WARM_SECONDS = 1;
const POOL = 10;
const APP_PORT = Number(process.env.BENCH_PORT ?? 3136);
const FLOOR_PORT = APP_PORT + 1;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

type Result = { label: string; rps: number; p50: number; p975: number; statements: number | null };

async function load(url: string, cookie: string | undefined, duration = SECONDS): Promise<autocannon.Result> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers: { 'accept-encoding': 'br, gzip', ...(cookie ? { cookie } : {}) },
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${url}: ${failed} failed of ${result.requests.total} requests`);
  return result;
}

async function floorServer(url: string): Promise<FastifyInstance> {
  const pool = new pg.Pool(pgConfigFromUrl(url, { max: POOL }));
  // an idle connection ended when the benchmark drops its database is not a failure of the run
  pool.on('error', () => {});
  const floor = Fastify({ logger: false });
  floor.get('/', async () => (await pool.query('SELECT 1 AS one')).rows[0]);
  floor.addHook('onClose', async () => pool.end());
  await floor.listen({ host: '127.0.0.1', port: FLOOR_PORT });
  return floor;
}

/** Counts the requests a server receives and waits until it has answered all of them. */
function requestsOf(app: FastifyInstance) {
  let received = 0;
  let open = 0;
  app.server.on('request', (_req, res) => {
    received++;
    open++;
    res.on('close', () => {
      open--;
    });
  });
  return {
    received: () => received,
    reset: () => {
      received = 0;
    },
    settled: async () => {
      while (open > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

async function main() {
  if (DATA !== 'demo' && DATA !== '20k') throw new Error(`data: demo or 20k, not ${DATA}`);
  const name = `bench_api_${Date.now()}`;
  const admin = new pg.Client(pgConfigFromUrl(ADMIN_URL));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(ADMIN_URL, name);
  // the app's own connections run without PostgreSQL's JIT (db/client.ts)
  const counting = countingPrisma(url, POOL, { jit: false });
  const { db } = counting;
  let app: FastifyInstance | undefined;
  let floor: FastifyInstance | undefined;
  try {
    await step('migrate + seed policy and demo data', () =>
      prepareDatabase({ url, db }, { demo: true, sensitiveKeys: keyring(newKeyText()) }),
    );
    if (DATA === '20k') {
      await seedCity((text) => db.$executeRawUnsafe(text), CITY);
      await step("refresh the dashboards' rollup", () => refreshDashboardRollup(db));
      const [rows] = await db.$queryRawUnsafe<Array<Record<string, number>>>(
        `SELECT (SELECT COUNT(*) FROM "staff")::int AS staff, (SELECT COUNT(*) FROM "org_unit")::int AS units,
                (SELECT COUNT(*) FROM "ojt_session")::int AS "ojtSessions",
                (SELECT COUNT(*) FROM "training_application")::int AS enrolments`,
      );
      console.info('rows:', rows);
    }
    app = await buildApp({
      env: parseEnv({ LOG_LEVEL: 'silent', SESSION_SECRET: 'b'.repeat(48) }),
      sessionSecret: 'b'.repeat(48),
      db,
      databaseMode: 'external',
      serveWeb: false,
    });
    await app.listen({ host: '127.0.0.1', port: APP_PORT });
    const requests = requestsOf(app);
    floor = await floorServer(url);
    const base = `http://127.0.0.1:${APP_PORT}`;
    const cookies = new Map<string, string>();
    const signIn = async (loginId: string) => {
      const known = cookies.get(loginId);
      if (known) return known;
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ loginId, password: 'demo-password' }),
      });
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      if (res.status !== 200 || !cookie) throw new Error(`sign-in as ${loginId}: ${res.status}`);
      cookies.set(loginId, cookie);
      return cookie;
    };
    // biome-ignore lint/suspicious/noExplicitAny: ids picked from answers whose shape the contract tests check
    const getJson = async (path: string, loginId: string): Promise<any> =>
      (await fetch(`${base}${path}`, { headers: { cookie: await signIn(loginId) } })).json();

    const me = await getJson('/api/me', 'demo-staff');
    const units = await getJson('/api/org-units', 'demo-exec');
    const periods = await getJson('/api/plan-periods', 'demo-hr');
    const staffId: string = me.staff?.id ?? me.id;
    // With the city, its first bureau (about 1,000 staff); else the demo's first
    const bureauId: string = (units.items ?? units).find(
      (u: { kind: string; code: string }) =>
        u.kind === 'bureau' && (DATA === 'demo' || u.code === `${CITY.unitPrefix}01`),
    )?.id;
    if (!bureauId) throw new Error('no bureau to measure');
    const periodId: string = (periods.items ?? periods)[0]?.id;
    const reads: Array<[string, string, string]> = [
      ['GET /api/me', 'demo-staff', '/api/me'],
      ['career plan', 'demo-staff', `/api/staff/${staffId}/career-plan`],
      ['timeline', 'demo-staff', `/api/staff/${staffId}/timeline`],
      ['dashboards/me', 'demo-staff', '/api/dashboards/me'],
      ['team dashboard', 'demo-supervisor', '/api/dashboards/team'],
      ['rollout dashboard', 'demo-exec', '/api/dashboards/rollout'],
      ['org-unit dashboard', 'demo-exec', `/api/dashboards/org-units/${bureauId}`],
      ['trainings', 'demo-staff', '/api/trainings'],
      ['OJT sessions', 'demo-supervisor', '/api/ojt-sessions'],
      ['plan period', 'demo-hr', `/api/plan-periods/${periodId}`],
    ];

    const results: Result[] = [];
    const floorRun = await load(`http://127.0.0.1:${FLOOR_PORT}/`, undefined);
    results.push({
      label: 'floor: Fastify + pg, SELECT 1',
      rps: floorRun.requests.average,
      p50: floorRun.latency.p50,
      p975: floorRun.latency.p97_5,
      statements: 1,
    });
    for (const [label, who, path] of reads) {
      if (ONLY.length > 0 && !ONLY.some((word) => label.includes(word))) continue;
      const cookie = await signIn(who);
      await load(`${base}${path}`, cookie, WARM_SECONDS);
      await requests.settled();
      counting.reset();
      requests.reset();
      const run = await load(`${base}${path}`, cookie);
      await requests.settled();
      results.push({
        label,
        rps: run.requests.average,
        p50: run.latency.p50,
        p975: run.latency.p97_5,
        statements: counting.statements().length / requests.received(),
      });
    }
    const floorRps = results[0]?.rps ?? 1;
    console.info(`\n${DATA} data, ${CONNECTIONS} connections, ${SECONDS} s per read, pool of ${POOL}\n`);
    console.info('| read | req/s | p50 ms | p97.5 ms | statements / request | of the floor |');
    console.info('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) {
      console.info(
        r.rps === 0
          ? `| ${r.label} | 0 | — | — | ${r.statements?.toFixed(1) ?? ''} | none finished within ${SECONDS} s |`
          : `| ${r.label} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p975} | ${r.statements?.toFixed(1) ?? ''} | ${((r.rps / floorRps) * 100).toFixed(1)}% |`,
      );
    }
  } finally {
    await app?.close();
    await floor?.close();
    await counting.close();
    if (process.env.BENCH_KEEP_DATABASE === '1') console.info(`kept the database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

await main();
