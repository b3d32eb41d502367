import { BadRequestError } from './errors.ts';

/**
 * A list's `from`–`to` (ISO dates, both ends included) as the filter of a date column, or none when
 * neither is given; `from` after `to` → 400 naming `query.from`.
 */
export function dayRange(query: { from?: string; to?: string }): { gte?: Date; lte?: Date } | undefined {
  if (query.from && query.to && query.from > query.to) {
    throw new BadRequestError('`from` must not be after `to`.', [
      { field: 'query.from', message: 'after query.to' },
    ]);
  }
  if (!query.from && !query.to) return undefined;
  return {
    ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}),
    ...(query.to ? { lte: new Date(`${query.to}T00:00:00Z`) } : {}),
  };
}
