/**
 * A Prisma client whose every SQL statement is counted where it leaves for the server: on each pg
 * connection of its pool (`BEGIN` and `COMMIT` count too). For tests that hold a request to a budget.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { NO_JIT } from '../src/db/client.ts';
import { pgConfigFromUrl } from '../src/db/pg-config.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';

export type CountingDb = {
  db: PrismaClient;
  /** The statements sent since the last `reset` */
  statements: () => string[];
  reset: () => void;
  close: () => Promise<void>;
};

export function countingPrisma(url: string, poolSize = 3, options: { jit?: boolean } = {}): CountingDb {
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
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
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
