import { OjtSessionPage } from '@portal/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { type OjtSessionFilters, ojtKeys } from './keys.ts';
import { ojtSessionsSearch } from './search.ts';

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
