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
import { measureGet, seedCity, step } from './lib.ts';

const STAFF = Number(process.argv[2] ?? 20_000);
const OJT = Number(process.argv[3] ?? 2_000_000);
const ENROLMENTS = Number(process.argv[4] ?? 600_000);
const REQUESTS = Math.max(100, Number(process.argv[5] ?? 200));
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
    await seedCity(sql, { staff: STAFF, ojt: OJT, enrolments: ENROLMENTS, unitPrefix: 'B' });
    await step('推進計画 (the demo plan)', () => demoPlanSeeder.seed(db));
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
      // HR signs in with a password alone here, as in the demo (elsewhere HR must enrol a second factor)
      DEMO_MODE: 'true',
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
