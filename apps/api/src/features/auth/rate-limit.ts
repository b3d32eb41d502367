/**
 * Fixed-window throttling kept in PostgreSQL, so every API instance counts the same attempts.
 */
import type { Db } from '../../db/client.ts';

export type RateLimit = { limit: number; windowSeconds: number };

/** Counts one hit on `key`; returns how long to wait when the limit is passed. */
export async function hit(
  db: Db,
  key: string,
  rule: RateLimit,
): Promise<{ allowed: boolean; retryAfter: number }> {
  const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO rate_limit_bucket (key, count, "resetAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${rule.windowSeconds}))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_bucket."resetAt" <= now() THEN 1 ELSE rate_limit_bucket.count + 1 END,
      "resetAt" = CASE WHEN rate_limit_bucket."resetAt" <= now()
                       THEN now() + make_interval(secs => ${rule.windowSeconds}) ELSE rate_limit_bucket."resetAt" END
    RETURNING count, "resetAt"`;
  const row = rows[0];
  if (!row) return { allowed: true, retryAfter: 0 };
  const retryAfter = Math.max(1, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000));
  return { allowed: row.count <= rule.limit, retryAfter };
}

export async function clear(db: Db, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}
