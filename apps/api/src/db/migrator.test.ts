import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/database.ts';
import { startEmbeddedDatabase } from './embedded.ts';
import {
  applyMigrations,
  diffSchemaAgainstMigrations,
  loadMigrations,
  pendingMigrations,
} from './migrator.ts';

const database = useTestDatabase();

describe('migrations', () => {
  it('describe prisma/schema.prisma completely: a schema change without its migration fails here', async () => {
    const { url, mode } = database();
    // The embedded database cannot create a shadow database; a second in-memory one serves there.
    const shadow = mode === 'embedded' ? await startEmbeddedDatabase(undefined) : undefined;
    try {
      const sql = await diffSchemaAgainstMigrations(url, { shadowDatabaseUrl: shadow?.url });
      expect(sql, 'run `pnpm db:diff <name>` to write the missing migration').toBe('');
    } finally {
      await shadow?.stop();
    }
  });

  it('are recorded as prisma migrate records them, and applying again does nothing', async () => {
    const { url, db } = database();
    const { migrationDirectories } = await loadMigrations();
    const rows = await db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(migrationDirectories.map((d) => d.path));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(await applyMigrations(url)).toEqual([]);
  });

  it('name the folders a database has not applied, and none once it is migrated', async () => {
    const { url, db } = database();
    expect(await pendingMigrations(url)).toEqual([]);
    const { migrationDirectories } = await loadMigrations();
    const last = migrationDirectories.at(-1)?.path ?? '';
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${last}`;
    try {
      expect(await pendingMigrations(url)).toEqual([last]);
    } finally {
      await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${last}`;
    }
  });
});
