import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
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

/**
 * The client of the app: Prisma over one pg pool, which the hot reads also use directly (`sqlRows`), so
 * both share its connection limit and timeouts. The pool ends with the client's `$disconnect`.
 */
export function createPrisma(
  databaseUrl: string,
  poolSize = 10,
  timeouts: DbTimeouts = DEFAULT_DB_TIMEOUTS,
  embedded = false,
): PrismaClient {
  const pool = new pg.Pool(
    pgConfigFromUrl(databaseUrl, {
      ...(embedded ? {} : { options: NO_JIT }),
      max: poolSize,
      connectionTimeoutMillis: timeouts.connectTimeoutMs,
      statement_timeout: timeouts.statementTimeoutMs,
      query_timeout: timeouts.statementTimeoutMs + ANSWER_GRACE_MS,
      keepAlive: true,
    }),
  );
  // an idle connection the server ended is dropped by the pool; the next checkout connects anew
  pool.on('error', () => {});
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return withPool(db, pool, { prepared: !embedded });
}

/**
 * The pg pool under a Prisma client, for the hot reads (decision 054). `prepared`: statements are
 * named, so each connection parses and plans them once. The embedded database serves every connection
 * from one PostgreSQL session, where one connection's names would collide with another's: unnamed there.
 */
type PoolOfClient = { pool: pg.Pool; prepared: boolean };
const pools = new WeakMap<object, PoolOfClient>();

/** Records `pool` as the one under `db` (the client built on it), for `sqlRows`. */
export function withPool<T extends object>(db: T, pool: pg.Pool, options: { prepared: boolean }): T {
  pools.set(db, { pool, prepared: options.prepared });
  return db;
}

/** PostgreSQL's `duplicate_prepared_statement`: a name already taken in the session (one shared session). */
const DUPLICATE_PREPARED = '42P05';

/**
 * Answers read as Prisma's raw queries read them: `timestamp` and `date` as UTC (pg reads them in the
 * process's time zone), `bigint` as a BigInt.
 */
const PRISMA_LIKE_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.TIMESTAMP) return (v: string) => new Date(`${v.replace(' ', 'T')}Z`);
    if (oid === pg.types.builtins.DATE) return (v: string) => new Date(`${v}T00:00:00Z`);
    if (oid === pg.types.builtins.INT8) return (v: string) => BigInt(v);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

const statementNames = new Map<string, string>();
/** A statement's name: from its text, so one text is prepared once per connection under one name. */
function nameOf(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `s_${createHash('sha256').update(text).digest('base64url').slice(0, 22)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * A parameter of a named statement as the planner cannot see it: `(SELECT $2::date)`, a scalar
 * subquery evaluated once when the statement runs (and still usable as an index condition). PostgreSQL
 * plans a named statement afresh for its first five executions, then keeps its generic plan unless the
 * fresh plans, made with the values, looked cheaper. Where the values only narrow rows found by key, a
 * fresh plan gains nothing at run time but costs more to make than the statement takes to run, and on
 * a city's tables the values can make it look cheaper: hidden values make both plans alike, so the
 * statement is planned once per connection (decision 057, `test/city-scale.test.ts`). For `= ANY(…)`
 * cast the result again: `ANY(${planless('$1::uuid[]')}::uuid[])`.
 */
export function planless(param: string): string {
  return `(SELECT ${param})`;
}

/**
 * The rows of one statement with `$1…` parameters, straight through the client's pg pool as a named
 * prepared statement (planned once per connection with `planless` parameters, none of Prisma's work
 * per statement). A client
 * without a pool of its own (a transaction's) sends it through Prisma's `$queryRawUnsafe`. Only for
 * statements of a fixed text: each distinct text is one more prepared statement per connection.
 */
export async function sqlRows<T>(db: Db | Tx, text: string, values: unknown[] = []): Promise<T[]> {
  return rowsOf<T>(db, text, [...values]);
}

/** `sqlRows` of a statement composed with `Prisma.sql` (its text numbers the parameters `$1…`). */
export function sqlRowsOf<T>(db: Db | Tx, statement: { text: string; values: unknown[] }): Promise<T[]> {
  return rowsOf<T>(db, statement.text, [...statement.values]);
}

async function rowsOf<T>(db: Db | Tx, text: string, values: unknown[]): Promise<T[]> {
  const own = pools.get(db);
  if (!own) return (db as Db).$queryRawUnsafe<T[]>(text, ...values);
  // instants as UTC, as Prisma sends them (pg would write them in the process's time zone)
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v instanceof Date) values[i] = v.toISOString();
  }
  if (own.prepared) {
    try {
      return (await own.pool.query({ name: nameOf(text), text, values, types: PRISMA_LIKE_TYPES }))
        .rows as T[];
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_PREPARED) throw error;
      own.prepared = false;
    }
  }
  return (await own.pool.query({ text, values, types: PRISMA_LIKE_TYPES })).rows as T[];
}
