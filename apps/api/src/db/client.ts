import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { pgConfigFromUrl } from './pg-config.ts';

export type Db = PrismaClient;
/** A transaction client: what repositories receive inside `db.$transaction`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** How long the app waits for the database before it answers 503 instead (DB_*_TIMEOUT_MS). */
export type DbTimeouts = {
  /** Connecting, or waiting for a free connection of the pool */
  connectTimeoutMs: number;
  /** One statement, lock waits included (PostgreSQL's statement_timeout) */
  statementTimeoutMs: number;
};

export const DEFAULT_DB_TIMEOUTS: DbTimeouts = { connectTimeoutMs: 5_000, statementTimeoutMs: 30_000 };

/**
 * The client-side bound on a statement's answer, past the server's own statement timeout: a server
 * that stops answering altogether (a hung host, a dropped network path) cannot cancel anything.
 */
const ANSWER_GRACE_MS = 2_000;

/**
 * PostgreSQL compiles a statement to machine code (JIT) when its estimated cost passes `jit_above_cost`;
 * the portal's statements run in milliseconds, but an estimate inflated by an `EXISTS` under an `OR`
 * spent a second compiling a statement that ran in 4 ms (decision 039). Off for the app's connections
 * to an external server; the embedded database has no JIT.
 */
export const NO_JIT = '-c jit=off';

export function createPrisma(
  databaseUrl: string,
  poolSize = 10,
  timeouts: DbTimeouts = DEFAULT_DB_TIMEOUTS,
  embedded = false,
): PrismaClient {
  const adapter = new PrismaPg(
    pgConfigFromUrl(databaseUrl, {
      ...(embedded ? {} : { options: NO_JIT }),
      max: poolSize,
      connectionTimeoutMillis: timeouts.connectTimeoutMs,
      statement_timeout: timeouts.statementTimeoutMs,
      query_timeout: timeouts.statementTimeoutMs + ANSWER_GRACE_MS,
      keepAlive: true,
    }),
  );
  return new PrismaClient({ adapter });
}
