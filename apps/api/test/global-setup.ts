/**
 * Finds the test database server and prepares a template database for the run.
 * - A reachable PostgreSQL (TEST_DATABASE_URL, else this machine's 127.0.0.1:5432): a template is
 *   migrated and seeded once per content of migrations and seeds (test/template.ts), then each test
 *   file clones it.
 * - None reachable: test files each start an in-memory embedded database (PGlite). On CI a real
 *   server is required, so there its absence fails the run.
 */
import type { TestProject } from 'vitest/node';
import { ensureTemplate, reachable } from './template.ts';

export type TestDatabaseServer =
  | { kind: 'postgres'; adminUrl: string; template: string }
  | { kind: 'pglite' };

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServer: TestDatabaseServer;
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  if (!(await reachable(adminUrl))) {
    if (process.env.CI) {
      throw new Error(`CI needs a real PostgreSQL for the integration tests; none answers at ${adminUrl}`);
    }
    project.provide('databaseServer', { kind: 'pglite' });
    return;
  }
  project.provide('databaseServer', { kind: 'postgres', adminUrl, template: await ensureTemplate(adminUrl) });
}
