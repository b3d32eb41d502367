/**
 * The one path of a write: the caller has authorized the actor and loaded the record in scope; then
 * `write` runs the change in one transaction with its audit entry, guards the version (one conflict
 * code, `stale_version`, and one 409 shape: `current`, the record as it now is), and replays the stored
 * answer of a retried create (an `Idempotency-Key`, stored per actor and per operation — a domain name
 * such as `plan.period.create` with the ids it concerns, never a URL).
 */
import type { AuditAction, AuditEntityType } from '@portal/contracts';
import type { RequestMeta } from '../access/actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { recordAudit } from '../features/audit/audit.writer.ts';
import { ConflictError } from './errors.ts';
import { idempotent } from './idempotency.ts';

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
  entityType: AuditEntityType;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

export type WriteSpec<T> = {
  actorId: string;
  meta?: RequestMeta;
  /** What a stale version concerns, for the message (`plan period`, `application`) */
  what?: string;
  /** The record as it now is, read after the rollback, for the 409 */
  current?: () => Promise<unknown>;
  /** A create that a client may retry: the domain operation (`plan.item.create:<periodId>`) and the key */
  idempotency?: { operation: string; key: string | undefined; body: unknown };
  /** The change, in the transaction; its audit entry (or entries) are written with it */
  run: (tx: Tx) => Promise<{ status?: number; body: T; audit?: Audited | Audited[] }>;
};

export type WriteResult<T> = { status: number; body: T; replayed: boolean };

/** Runs a write on the one path (see the top of this file). */
export async function write<T>(db: Db, spec: WriteSpec<T>): Promise<WriteResult<T>> {
  const body = async (tx: Tx) => {
    const result = await spec.run(tx);
    const entries = result.audit === undefined ? [] : [result.audit].flat();
    for (const e of entries) await recordAudit(tx, { actorId: spec.actorId, meta: spec.meta, ...e });
    return { status: result.status ?? 200, body: result.body };
  };
  try {
    if (spec.idempotency) {
      const { operation, key, body: request } = spec.idempotency;
      return await idempotent(db, { actorId: spec.actorId, scope: operation, key, body: request }, body);
    }
    return { ...(await db.$transaction(body)), replayed: false };
  } catch (e) {
    if (e instanceof Stale) throw new StaleVersionError(spec.what ?? 'record', await spec.current?.());
    throw e;
  }
}
