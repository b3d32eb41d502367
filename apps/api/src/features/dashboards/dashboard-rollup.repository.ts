/**
 * The statements of the rollup's refresh: the materialized views worked out again, in order, and when, in
 * the transaction the caller opened (`refreshDashboardRollup`).
 */
import type { Tx } from '../../db/client.ts';

/**
 * Works `views` out again, in order (a view read by the next one first), and stamps `rollup_refresh` under
 * `name` with the transaction's start; returns the stamp.
 */
export async function refreshRollup(tx: Tx, name: string, views: readonly string[]): Promise<Date> {
  for (const view of views) await tx.$executeRawUnsafe(`REFRESH MATERIALIZED VIEW CONCURRENTLY "${view}"`);
  const stamped = await tx.$queryRaw<{ refreshedAt: Date }[]>`
    INSERT INTO "rollup_refresh" ("name", "refreshedAt") VALUES (${name}, now())
    ON CONFLICT ("name") DO UPDATE SET "refreshedAt" = EXCLUDED."refreshedAt"
    RETURNING "refreshedAt"`;
  return stamped[0]?.refreshedAt ?? new Date();
}
