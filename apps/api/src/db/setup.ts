/**
 * Bringing a database to the state the portal needs: migrations applied, the policy and the default
 * grades and job families seeded, and in
 * demo mode the demo organisation. Start-up, `pnpm db:*` and the tests all go through here.
 */

import { refreshDashboardRollup } from '../features/dashboards/dashboard-rollup.ts';
import { sealConsiderations } from '../features/self-declaration/use-cases/seal-considerations.ts';
import type { Keyring } from '../shared/sealed-text.ts';
import { createPrisma, type Db, type DbTimeouts } from './client.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './embedded.ts';
import { applyMigrations } from './migrator.ts';
import { seedMasterData } from './seed/master-data.seed.ts';
import { seedPolicy } from './seed/policy.seed.ts';

export type DatabaseHandle = {
  url: string;
  mode: 'embedded' | 'external';
  db: Db;
  close: () => Promise<void>;
};

/** Connects to DATABASE_URL, or starts the embedded database in `dataDir`. */
export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize?: number;
  timeouts?: DbTimeouts;
}): Promise<DatabaseHandle> {
  const embedded: EmbeddedDatabase | undefined = options.databaseUrl
    ? undefined
    : await startEmbeddedDatabase(`${options.dataDir}/pglite`);
  const url = options.databaseUrl ?? (embedded as EmbeddedDatabase).url;
  const db = createPrisma(url, options.poolSize ?? (embedded ? 4 : 10), options.timeouts, Boolean(embedded));
  return {
    url,
    mode: embedded ? 'embedded' : 'external',
    db,
    close: async () => {
      await db.$disconnect();
      await embedded?.stop();
    },
  };
}

export async function prepareDatabase(
  handle: Pick<DatabaseHandle, 'url' | 'db'>,
  options: { demo: boolean; sensitiveKeys: Keyring | null },
): Promise<{ applied: string[] }> {
  const applied = await applyMigrations(handle.url);
  await seedPolicy(handle.db);
  await seedMasterData(handle.db);
  if (options.demo) {
    const { seedDemo } = await import('./seed/demo.seed.ts');
    await seedDemo(handle.db);
    const { seedDemoActivity } = await import('./seed/demo-activity.seed.ts');
    await seedDemoActivity(handle.db);
  }
  // the dashboards' rollup shows what was just seeded (a read never refreshes it)
  await refreshDashboardRollup(handle.db);
  // 配慮事項 still in clear (an older installation's, the demo seed's) are sealed now (decision 033)
  await sealConsiderations(handle.db, options.sensitiveKeys);
  return { applied };
}
