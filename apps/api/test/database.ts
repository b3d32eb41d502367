/**
 * A database of this test file's own: a clone of the run's migrated and seeded template (policy and
 * demo data) on the real server, or an in-memory embedded database where no server answers.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createPrisma, type Db } from '../src/db/client.ts';
import { startEmbeddedDatabase } from '../src/db/embedded.ts';
import { pgConfigFromUrl, withDatabase } from '../src/db/pg-config.ts';
import { prepareDatabase } from '../src/db/setup.ts';
import { TEST_SENSITIVE_KEYS } from './sensitive-keys.ts';

export type TestDatabase = { url: string; db: Db; mode: 'embedded' | 'external'; close: () => Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const server = inject('databaseServer');
  if (server.kind === 'pglite') {
    const embedded = await startEmbeddedDatabase(undefined);
    const db = createPrisma(embedded.url, 4);
    await prepareDatabase({ url: embedded.url, db }, { demo: true, sensitiveKeys: TEST_SENSITIVE_KEYS });
    return {
      url: embedded.url,
      db,
      mode: 'embedded',
      close: async () => {
        await db.$disconnect();
        await embedded.stop();
      },
    };
  }
  const name = `portal_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(pgConfigFromUrl(server.adminUrl));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${server.template}"`);
  // A test database is thrown away, so a commit need not wait for its WAL to reach the disk (on a
  // busy machine that wait is most of a write's time). Only durability after a server crash differs:
  // what a transaction sees and when it commits are the same.
  await admin.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  const url = withDatabase(server.adminUrl, name);
  const db = createPrisma(url, 5);
  return {
    url,
    db,
    mode: 'external',
    close: async () => {
      await db.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** One database for the whole file, created before its tests and dropped after them. */
export function useTestDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database) throw new Error('the test database is not ready (use it inside tests and hooks)');
    return database;
  };
}
