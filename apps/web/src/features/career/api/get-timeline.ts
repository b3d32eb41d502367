import { TimelinePage } from '@portal/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { careerKeys, staffPath, type TimelineFilters } from './keys.ts';

/** `GET /api/staff/{id}/timeline`: the person's history, newest first, filtered and paginated. */
export function getTimeline(staffId: string, filters: TimelineFilters, signal?: AbortSignal) {
  const params = new URLSearchParams({ page: String(filters.page), pageSize: String(filters.pageSize) });
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.staffImageId) params.set('staffImageId', filters.staffImageId);
  if (filters.initiativeId) params.set('initiativeId', filters.initiativeId);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.fiscalYear) params.set('fiscalYear', String(filters.fiscalYear));
  return apiFetch(`${staffPath(staffId)}/timeline?${params}`, {
    schema: TimelinePage,
    ...(signal ? { signal } : {}),
  });
}

export function timelineQueryOptions(staffId: string, filters: TimelineFilters) {
  return queryOptions({
    queryKey: careerKeys.timeline(staffId, filters),
    queryFn: ({ signal }) => getTimeline(staffId, filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTimeline(staffId: string, filters: TimelineFilters) {
  return useQuery(timelineQueryOptions(staffId, filters));
}
