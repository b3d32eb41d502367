/**
 * The run's template database on a real PostgreSQL: migrated and seeded once per content of the
 * migrations and seeds and per day in Japan (the demo data is dated from the day it is seeded), then
 * cloned by every integration test file (test/database.ts) and by the browser tests' server
 * (test/e2e-server.ts). Whoever comes first builds it; the others wait on an advisory lock.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { pgConfigFromUrl, withDatabase } from '../src/db/pg-config.ts';
import { paths } from '../src/paths.ts';
import { TEST_SENSITIVE_KEYS } from './sensitive-keys.ts';

/** Whether a PostgreSQL answers at `url`. */
export async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ ...pgConfigFromUrl(url), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Everything that shapes the template's content, and the day in Japan its demo data is dated from. */
async function contentHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  };
  const all = [
    ...(await files(paths.migrations)),
    ...(await files(paths.seed)),
    ...(await files(path.join(paths.root, 'apps/api/src/db/seed'))),
    // the seeded 配慮事項 are sealed with the tests' key
    path.join(paths.root, 'apps/api/test/sensitive-keys.ts'),
  ].sort();
  for (const file of all) hash.update(file).update(await readFile(file));
  hash.update(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date()));
  return hash.digest('hex').slice(0, 12);
}

/**
 * The name of a ready template on the server at `adminUrl`, built now if there is none for this content
 * and day. Its 配慮事項 are sealed with the tests' key (`TEST_SENSITIVE_KEY`).
 */
export async function ensureTemplate(adminUrl: string): Promise<string> {
  // `portal_tpl_`: runs that drop every `portal_template_*` of another content leave these alone
  const template = `portal_tpl_${await contentHash()}`;
  const admin = new pg.Client(pgConfigFromUrl(adminUrl));
  await admin.connect();
  try {
    // Several runs may share this server: one builds the template, the others wait for it.
    await admin.query('SELECT pg_advisory_lock(727001)');
    const ready = await admin.query(
      `SELECT 1 FROM pg_database d JOIN pg_shdescription s ON s.objoid = d.oid
        WHERE d.datname = $1 AND s.description LIKE 'ready%'`,
      [template],
    );
    if (ready.rowCount === 0) {
      await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${template}"`);
      // rebuilt from the migrations whenever lost: its commits need not wait for the disk (test/database.ts)
      await admin.query(`ALTER DATABASE "${template}" SET synchronous_commit = off`);
      const url = withDatabase(adminUrl, template);
      // loaded only to build it: a run that finds it ready (the browser tests' server) starts sooner
      const [{ createPrisma }, { prepareDatabase }] = await Promise.all([
        import('../src/db/client.ts'),
        import('../src/db/setup.ts'),
      ]);
      const db = createPrisma(url, 4);
      try {
        await prepareDatabase({ url, db }, { demo: true, sensitiveKeys: TEST_SENSITIVE_KEYS });
      } finally {
        await db.$disconnect();
      }
      // Marked with the time, so that runs of other contents (other branches) leave it alone for an hour
      await admin.query(`COMMENT ON DATABASE "${template}" IS 'ready ${Date.now()}'`);
    }
    // Templates of other contents built over an hour ago (runs of other branches may share this server
    // and use theirs), and test databases that crashed runs left over an hour ago.
    const stale = await admin.query<{ datname: string }>(
      `SELECT d.datname FROM pg_database d LEFT JOIN pg_shdescription s ON s.objoid = d.oid
        WHERE (d.datname LIKE 'portal\\_tpl\\_%' AND d.datname <> $1
               AND substring(s.description FROM '^ready ([0-9]+)$')::bigint < $2)
           OR (d.datname LIKE 'portal\\_test\\_%' AND split_part(d.datname, '_', 3)::bigint < $2)`,
      [template, Date.now() - 3_600_000],
    );
    for (const { datname } of stale.rows) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(727001)').catch(() => {});
    await admin.end();
  }
  return template;
}
