/**
 * Throttling counters kept in PostgreSQL (`rate_limit_bucket`), so every API instance counts the same
 * attempts. Each statement reads and raises a counter in one step: parallel attempts cannot all read
 * the old count.
 */
import type { Db, Tx } from '../../db/client.ts';

export type Counter = { count: number; retryAfter: number };

export function createThrottleRepository(db: Db | Tx) {
  return {
    /** Raises `key` by one in a window of `windowSeconds`; returns the count after this attempt. */
    async raise(key: string, windowSeconds: number): Promise<Counter> {
      const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
        INSERT INTO rate_limit_bucket (key, count, "resetAt")
        VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN rate_limit_bucket."resetAt" <= now() THEN 1 ELSE rate_limit_bucket.count + 1 END,
          "resetAt" = CASE WHEN rate_limit_bucket."resetAt" <= now()
                           THEN now() + make_interval(secs => ${windowSeconds}) ELSE rate_limit_bucket."resetAt" END
        RETURNING count, "resetAt"`;
      const row = rows[0];
      return {
        count: row?.count ?? 1,
        retryAfter: row ? Math.max(1, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000)) : 1,
      };
    },

    /**
     * Raises `key` unless it is blocked; from the `free`-th attempt of the window on, each attempt blocks
     * the key for a delay that doubles (`baseDelay` · 2^(count − free), at most `maxDelay` seconds)
     * until `release` or the end of the window. Null when blocked: nothing was counted.
     */
    async acquire(
      key: string,
      rule: { free: number; windowSeconds: number; baseDelaySeconds: number; maxDelaySeconds: number },
    ): Promise<Counter | null> {
      const rows = await db.$queryRaw<{ count: number }[]>`
        INSERT INTO rate_limit_bucket AS b (key, count, "resetAt", "blockedUntil")
        VALUES (${key}, 1, now() + make_interval(secs => ${rule.windowSeconds}),
                CASE WHEN ${rule.free} <= 1 THEN now() + make_interval(secs => ${rule.baseDelaySeconds}) END)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN b."resetAt" <= now() THEN 1 ELSE b.count + 1 END,
          "resetAt" = CASE WHEN b."resetAt" <= now()
                           THEN now() + make_interval(secs => ${rule.windowSeconds}) ELSE b."resetAt" END,
          "blockedUntil" = CASE
            WHEN (CASE WHEN b."resetAt" <= now() THEN 1 ELSE b.count + 1 END) >= ${rule.free}
            THEN now() + make_interval(secs => least(${rule.maxDelaySeconds}::float8,
                   ${rule.baseDelaySeconds}::float8 * power(2, (CASE WHEN b."resetAt" <= now() THEN 1 ELSE b.count + 1 END) - ${rule.free})))
            ELSE NULL END
        WHERE b."resetAt" <= now() OR b."blockedUntil" IS NULL OR b."blockedUntil" <= now()
        RETURNING count`;
      const row = rows[0];
      return row ? { count: row.count, retryAfter: 0 } : null;
    },

    /** Seconds until a blocked key may be tried again. */
    async blockedFor(key: string): Promise<number> {
      const rows = await db.$queryRaw<{ until: Date | null }[]>`
        SELECT "blockedUntil" AS until FROM rate_limit_bucket WHERE key = ${key}`;
      const until = rows[0]?.until;
      return until ? Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)) : 1;
    },

    /** Takes back one provisional count (the attempt succeeded: only failures count). */
    async lower(key: string): Promise<void> {
      await db.$executeRaw`UPDATE rate_limit_bucket SET count = greatest(count - 1, 0) WHERE key = ${key}`;
    },

    async clear(key: string): Promise<void> {
      await db.$executeRaw`DELETE FROM rate_limit_bucket WHERE key = ${key}`;
    },
  };
}

export type ThrottleRepository = ReturnType<typeof createThrottleRepository>;
