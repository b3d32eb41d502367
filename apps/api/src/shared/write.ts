/**
 * The one path of a write: the caller has authorized the actor and loaded the record in scope; then
 * `write` runs the change in one transaction with its audit entry, guards the version (one conflict
 * code, `stale_version`, and one 409 shape: `current`, the record as it now is), and replays the stored
 * answer of a retried create (an `Idempotency-Key`, stored per actor and per operation — a domain name
 * such as `plan.period.create` with the ids it concerns, never a URL).
 */
import { createHash } from 'node:crypto';
import type { AuditAction, AuditEntityType } from '@portal/contracts';
import type { RequestMeta } from '../access/actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { recordAudit } from '../features/audit/audit.writer.ts';
import { AppError, ConflictError } from './errors.ts';
import { idempotencyRepository } from './idempotency.repository.ts';

/** The one answer to a stale version: 409 `stale_version` with the record as it now is. */
export class StaleVersionError extends ConflictError {
  constructor(what: string, current?: unknown) {
    super(`The ${what} was changed by someone else. Reload and try again.`, 'stale_version', current);
  }
}

/** Thrown inside a write's transaction: rolls it back; `write` answers with `StaleVersionError`. */
class Stale extends Error {}

/** Inside a write: the version is stale (the transaction rolls back; the answer is the 409). */
export function refuseStale(): never {
  throw new Stale();
}

/** Inside a write: refuses a stale version (`expected` as the client sent it, `actual` as stored). */
export function guardVersion(expected: number | string | Date, actual: number | string | Date): void {
  const a = expected instanceof Date ? expected.getTime() : expected;
  const b = actual instanceof Date ? actual.getTime() : actual;
  if (a !== b) refuseStale();
}

/** Inside a write: refuses a conditional update that matched no row (`… WHERE version = $expected`). */
export function guardUpdated(count: number | { count: number }): void {
  if ((typeof count === 'number' ? count : count.count) === 0) refuseStale();
}

export type Audited = {
  action: AuditAction;
  /** The record the entry is about; an account's events without one (a sign-in, its alert) leave it out */
  entityType?: AuditEntityType;
  entityId?: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Who writes: a person (`actorId`, whose retried creates are replayed), or nobody yet — a sign-in, a
 * password set from a link, a throttling alert, the command line — whose audit entry names no person
 * and which is never replayed.
 */
type Writer =
  | {
      actorId: string;
      /** A create that a client may retry: the domain operation (`plan.item.create:<periodId>`) and the key */
      idempotency?: { operation: string; key: string | undefined; body: unknown };
    }
  | { actorId: null; idempotency?: never };

export type WriteSpec<T> = Writer & {
  meta?: RequestMeta;
  /** What a stale version concerns, for the message (`plan period`, `application`) */
  what?: string;
  /** The record as it now is, read after the rollback, for the 409 */
  current?: () => Promise<unknown>;
  /** A longer transaction than the default 5 s (a roster of hundreds) */
  timeoutMs?: number;
  /** A longer wait for a connection than the default 2 s (a bulk apply while others read) */
  maxWaitMs?: number;
  /** The change, in the transaction; its audit entry (or entries) are written with it */
  run: (tx: Tx) => Promise<{ status?: number; body: T; audit?: Audited | Audited[] }>;
};

export type WriteResult<T> = { status: number; body: T; replayed: boolean };

/** Runs a write on the one path (see the top of this file). */
export async function write<T>(db: Db, spec: WriteSpec<T>): Promise<WriteResult<T>> {
  const change = async (tx: Tx): Promise<WriteResult<T>> => {
    const result = await spec.run(tx);
    const entries = result.audit === undefined ? [] : [result.audit].flat();
    for (const e of entries) await recordAudit(tx, { actorId: spec.actorId, meta: spec.meta, ...e });
    return { status: result.status ?? 200, body: result.body, replayed: false };
  };
  const key = spec.idempotency?.key;
  try {
    return await db.$transaction(async (tx) => {
      if (spec.actorId === null || !spec.idempotency || key === undefined) return change(tx);
      const k = { actorId: spec.actorId, scope: spec.idempotency.operation, key };
      return replayOr(tx, k, spec.idempotency.body, change);
    }, transactionOptions(spec));
  } catch (e) {
    if (e instanceof Stale) throw new StaleVersionError(spec.what ?? 'record', await spec.current?.());
    throw e;
  }
}

/** Prisma's options for a longer transaction or a longer wait; none for the defaults. */
function transactionOptions(o: { timeoutMs?: number; maxWaitMs?: number }) {
  if (o.timeoutMs === undefined && o.maxWaitMs === undefined) return undefined;
  return {
    ...(o.timeoutMs === undefined ? {} : { timeout: o.timeoutMs }),
    ...(o.maxWaitMs === undefined ? {} : { maxWait: o.maxWaitMs }),
  };
}

/**
 * The idempotent replay: retries of a key wait on a transaction-scoped advisory lock, so 20 concurrent
 * retries store one answer; a retry gets the stored answer and changes nothing. The same key with a
 * different body is refused (422).
 */
async function replayOr<T>(
  tx: Tx,
  k: { actorId: string; scope: string; key: string },
  request: unknown,
  change: (tx: Tx) => Promise<WriteResult<T>>,
): Promise<WriteResult<T>> {
  const requestHash = createHash('sha256')
    .update(JSON.stringify(request ?? null))
    .digest('hex');
  await idempotencyRepository.lock(tx, k);
  const stored = await idempotencyRepository.find(tx, k);
  if (stored) {
    if (stored.requestHash !== requestHash) {
      throw new AppError(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was used for a different request.',
        {
          errors: [{ field: 'Idempotency-Key', message: 'reused with a different body' }],
        },
      );
    }
    return { status: stored.status, body: stored.response as T, replayed: true };
  }
  const result = await change(tx);
  await idempotencyRepository.store(tx, k, { requestHash, status: result.status, response: result.body });
  return result;
}

/**
 * The system's own transaction: a background job, a sweep or the rollup's refresh — no person acts, so
 * there is nobody to authorize, no version a client sent and no retried request to replay; what must be
 * audited is recorded by `run` itself. Features open no transaction by hand: a person's change is a
 * `write`, the system's is a `systemWrite` (the lint rule on `$transaction` holds both to it).
 */
export function systemWrite<T>(
  db: Db,
  run: (tx: Tx) => Promise<T>,
  options?: { timeoutMs?: number },
): Promise<T> {
  return db.$transaction(run, transactionOptions(options ?? {}));
}
