/**
 * `Idempotency-Key` for creates, as the request carries it. The replay itself is `write`'s
 * (write.ts): the first request with a key runs and its answer is stored; a retry with the same key
 * (same actor, same domain operation) gets the stored answer and creates nothing.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadRequestError } from './errors.ts';

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

/** Sends a create's answer: a replayed one says so (`idempotent-replayed: true`). */
export function sendWritten<T>(reply: FastifyReply, result: { body: T; replayed: boolean }, status = 201) {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(status).send(result.body);
}
