/**
 * A Prisma client whose every SQL statement is counted where it leaves for the server: on each pg
 * connection of its pool (`BEGIN` and `COMMIT` count too). For tests that hold a request to a budget.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { NO_JIT, withPool } from '../src/db/client.ts';
import { pgConfigFromUrl } from '../src/db/pg-config.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';

export type CountingDb = {
  db: PrismaClient;
  /** The statements sent since the last `reset` */
  statements: () => string[];
  reset: () => void;
  close: () => Promise<void>;
};

/**
 * `prepared`: the hot reads name their statements as the app's client does on a server (decision 054);
 * off for the embedded database (one session for every connection).
 */
export function countingPrisma(
  url: string,
  poolSize = 3,
  options: { jit?: boolean; prepared?: boolean } = {},
): CountingDb {
  let sent: string[] = [];
  const pool = new pg.Pool(
    pgConfigFromUrl(url, { max: poolSize, ...(options.jit === false ? { options: NO_JIT } : {}) }),
  );
  // an idle connection ended by the server (the test database dropped) is not a test failure
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      sent.push(typeof first === 'string' ? first : String((first as { text?: string })?.text ?? first));
      return query(...args);
    };
  });
  // the hot reads' statements go through the same pool (`sqlRows`), so they are counted alike
  const db = withPool(new PrismaClient({ adapter: new PrismaPg(pool) }), pool, {
    prepared: options.prepared ?? true,
  });
  return {
    db,
    statements: () => [...sent],
    reset: () => {
      sent = [];
    },
    close: async () => {
      await db.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}
