/**
 * The stored answers of creates a client may retry (`Idempotency-Key`), per actor, domain operation
 * and key. Used by `write` (write.ts) only, inside the write's transaction.
 */
import type { Tx } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';

export type StoredAnswer = { requestHash: string; status: number; response: unknown };
type Key = { actorId: string; scope: string; key: string };

export const idempotencyRepository = {
  /** Serialises retries of one key until the transaction ends (20 concurrent retries store one record). */
  async lock(tx: Tx, k: Key): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${k.actorId}|${k.scope}|${k.key}`}, 0))`;
  },

  find(tx: Tx, k: Key): Promise<StoredAnswer | null> {
    return tx.idempotencyRecord.findUnique({
      where: { actorId_scope_key: k },
      select: { requestHash: true, status: true, response: true },
    });
  },

  async store(tx: Tx, k: Key, answer: StoredAnswer): Promise<void> {
    await tx.idempotencyRecord.create({
      data: {
        ...k,
        requestHash: answer.requestHash,
        status: answer.status,
        response: JSON.parse(JSON.stringify(answer.response)) as Prisma.InputJsonValue,
      },
    });
  },
};
