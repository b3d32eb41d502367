/**
 * Text that PostgreSQL cannot store never reaches a service: a NUL character (refused by `text`) or
 * an unpaired UTF-16 surrogate (not encodable as UTF-8) anywhere in a request's body, query or path
 * parameters — values and keys alike — is answered 400 naming the field. One hook for every route,
 * so a route added later is covered without doing anything.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { BadRequestError, type FieldError } from '../shared/errors.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: PostgreSQL text cannot hold it
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE =
  'Contains a character that cannot be stored (NUL or an unpaired surrogate).';

/** Whether a string can be kept as PostgreSQL text. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** The dotted paths (`body.items.0.title`) of every string, key included, that cannot be stored. */
export function unstorableFields(value: unknown, path: string, found: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') {
    if (!isStorableText(value)) found.push(path);
    return found;
  }
  // Buffers (uploaded files) are read by their own parsers; JSON is not nested this deep in practice.
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || depth > 64) return found;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, item] of entries) {
    const child = `${path}.${key}`;
    if (typeof key === 'string' && !isStorableText(key)) found.push(child);
    else unstorableFields(item, child, found, depth + 1);
  }
  return found;
}

export const storableText = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const fields = [
      ...unstorableFields(request.params, 'params'),
      ...unstorableFields(request.query, 'query'),
      ...unstorableFields(request.body, 'body'),
    ];
    if (fields.length > 0) {
      const errors: FieldError[] = fields.map((field) => ({ field, message: UNSTORABLE_MESSAGE }));
      throw new BadRequestError('The request has invalid fields.', errors);
    }
  });
});
