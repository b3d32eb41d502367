import type { Db } from '../../db/client.ts';

/** Whether the database answers a trivial query within `timeoutMs`. */
export function databaseReachable(db: Db, timeoutMs = 2000): Promise<boolean> {
  return Promise.race([
    db.$queryRaw`SELECT 1`.then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
  ]);
}
