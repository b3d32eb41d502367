/**
 * The portal as the browser tests see it: the production build (`pnpm build`: the API's
 * dist/server.js serving the built web app on one origin) on a fresh database with demo data — a clone
 * of the tests' template on the machine's PostgreSQL where one answers (test/template.ts: migrated and
 * seeded today, so the server only checks it), otherwise the embedded database in a temporary
 * directory, migrated and seeded at start. Dropped again on exit. A real OpenID provider runs in this
 * process on a free loopback port, and the portal offers single sign-on with it beside the demo
 * passwords.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pgConfigFromUrl, withDatabase } from '../src/db/pg-config.ts';
import { paths } from '../src/paths.ts';
import { startTestProvider } from './oidc-provider.ts';
import { TEST_SENSITIVE_KEY } from './sensitive-keys.ts';
import { ensureTemplate } from './template.ts';

const port = process.env.E2E_PORT ?? '4310';
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const admin = new pg.Client({ ...pgConfigFromUrl(adminUrl), connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    if (process.env.CI) throw new Error(`CI needs a real PostgreSQL; none answers at ${adminUrl}`);
    return undefined;
  }
  // A run killed before it could clean up leaves its database behind; this port is ours now, so its
  // earlier databases are too.
  const stale = await admin.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE datname LIKE $1',
    [`portal_e2e_${port}_%`],
  );
  for (const { datname } of stale.rows)
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  const name = `portal_e2e_${port}_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${await ensureTemplate(adminUrl)}"`);
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

const server = path.join(paths.root, 'apps/api/dist/server.js');
if (!existsSync(server)) throw new Error(`${server} is missing: run \`pnpm build\` before the browser tests`);
const database = await createDatabase();
const provider = await startTestProvider({ portalUrl: `http://127.0.0.1:${port}` });
const dataDir = await mkdtemp(path.join(tmpdir(), 'portal-e2e-'));
const child = spawn(process.execPath, ['--enable-source-maps', server], {
  stdio: 'inherit',
  cwd: path.join(paths.root, 'apps/api'),
  env: {
    ...process.env,
    PORT: port,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_MODE: 'true',
    // the template's 配慮事項 are sealed with the tests' key
    SENSITIVE_DATA_KEY: TEST_SENSITIVE_KEY,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...(database ? { DATABASE_URL: database.url } : {}),
  },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve).once('error', resolve));
  await database?.drop().catch(() => {});
  await provider.close();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(code);
}
child.on('exit', (code) => void stop(code ?? 1));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
