import { OjtSessionPage } from '@portal/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { type OjtSessionFilters, ojtKeys } from './keys.ts';

export function ojtSessionsSearch(filters: OjtSessionFilters): string {
  const search = new URLSearchParams();
  if (filters.staffId) search.set('staffId', filters.staffId);
  if (filters.supervisorId) search.set('supervisorId', filters.supervisorId);
  if (filters.acknowledged !== undefined) search.set('acknowledged', String(filters.acknowledged));
  search.set('page', String(filters.page));
  search.set('pageSize', String(filters.pageSize));
  return search.toString();
}

/** `GET /api/ojt-sessions`: the sessions the reader may see (the API scopes them), newest first. */
export function getOjtSessions(filters: OjtSessionFilters, signal?: AbortSignal): Promise<OjtSessionPage> {
  return apiFetch(`/api/ojt-sessions?${ojtSessionsSearch(filters)}`, {
    schema: OjtSessionPage,
    ...(signal ? { signal } : {}),
  });
}

export function ojtSessionsQueryOptions(filters: OjtSessionFilters) {
  return queryOptions({
    queryKey: ojtKeys.sessions(filters),
    queryFn: ({ signal }) => getOjtSessions(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOjtSessions(filters: OjtSessionFilters, options: { enabled?: boolean } = {}) {
  return useQuery({ ...ojtSessionsQueryOptions(filters), enabled: options.enabled ?? true });
}
