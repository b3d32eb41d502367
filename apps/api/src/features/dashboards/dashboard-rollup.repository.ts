/**
 * The statements of the rollup's refresh: the materialized view worked out again, and when, in the
 * transaction the caller opened (`refreshDashboardRollup`).
 */
import type { Tx } from '../../db/client.ts';

/** Works `view` out again and stamps `rollup_refresh` with the transaction's start; returns the stamp. */
export async function refreshRollup(tx: Tx, view: string): Promise<Date> {
  await tx.$executeRawUnsafe(`REFRESH MATERIALIZED VIEW CONCURRENTLY "${view}"`);
  const stamped = await tx.$queryRaw<{ refreshedAt: Date }[]>`
    INSERT INTO "rollup_refresh" ("name", "refreshedAt") VALUES (${view}, now())
    ON CONFLICT ("name") DO UPDATE SET "refreshedAt" = EXCLUDED."refreshedAt"
    RETURNING "refreshedAt"`;
  return stamped[0]?.refreshedAt ?? new Date();
}
