/**
 * `Idempotency-Key` for creates: the first request with a key runs and its answer is stored; a retry
 * with the same key (same actor, same operation) gets the stored answer and creates nothing. Retries
 * that race wait on a transaction-scoped advisory lock of the key, so 20 concurrent retries store one
 * record. The same key with a different body is refused (422).
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db, Tx } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { AppError, BadRequestError } from './errors.ts';

export type IdempotentResult<T> = { status: number; body: T; replayed: boolean };

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The request's `Idempotency-Key`, if any (400 when malformed). */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || !KEY_PATTERN.test(key)) {
    throw new BadRequestError('The Idempotency-Key header must be 1–200 visible ASCII characters.', [
      { field: 'Idempotency-Key', message: 'invalid' },
    ]);
  }
  return key;
}

/**
 * Runs `create` once per (actor, scope, key), in one transaction with the stored answer. Without a
 * key it simply runs `create` in a transaction.
 */
export async function idempotent<T>(
  db: Db,
  input: { actorId: string; scope: string; key: string | undefined; body: unknown },
  create: (tx: Tx) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  const { actorId, scope, key } = input;
  return db.$transaction(async (tx) => {
    if (key === undefined) return { ...(await create(tx)), replayed: false };
    const requestHash = createHash('sha256')
      .update(JSON.stringify(input.body ?? null))
      .digest('hex');
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${actorId}|${scope}|${key}`}, 0))`;
    const stored = await tx.idempotencyRecord.findUnique({
      where: { actorId_scope_key: { actorId, scope, key } },
    });
    if (stored) {
      if (stored.requestHash !== requestHash) {
        throw new AppError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was used for a different request.',
          { errors: [{ field: 'Idempotency-Key', message: 'reused with a different body' }] },
        );
      }
      return { status: stored.status, body: stored.response as T, replayed: true };
    }
    const result = await create(tx);
    await tx.idempotencyRecord.create({
      data: {
        actorId,
        scope,
        key,
        requestHash,
        status: result.status,
        response: JSON.parse(JSON.stringify(result.body)) as Prisma.InputJsonValue,
      },
    });
    return { ...result, replayed: false };
  });
}
