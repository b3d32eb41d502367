import type { OjtSessionFilters } from './keys.ts';

/** The OJT sessions list's query string. */
export function ojtSessionsSearch(filters: OjtSessionFilters): string {
  const search = new URLSearchParams();
  if (filters.staffId) search.set('staffId', filters.staffId);
  if (filters.supervisorId) search.set('supervisorId', filters.supervisorId);
  if (filters.acknowledged !== undefined) search.set('acknowledged', String(filters.acknowledged));
  search.set('page', String(filters.page));
  search.set('pageSize', String(filters.pageSize));
  return search.toString();
}
