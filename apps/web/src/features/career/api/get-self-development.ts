import { SelfDevelopmentPage } from '@portal/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { careerKeys, type SelfDevelopmentFilters, staffPath } from './keys.ts';

/** `GET /api/staff/{id}/self-development`: the person's records, newest 年度 first, paginated. */
export function getSelfDevelopment(staffId: string, filters: SelfDevelopmentFilters, signal?: AbortSignal) {
  const params = new URLSearchParams({ page: String(filters.page), pageSize: String(filters.pageSize) });
  if (filters.fiscalYear) params.set('fiscalYear', String(filters.fiscalYear));
  return apiFetch(`${staffPath(staffId)}/self-development?${params}`, {
    schema: SelfDevelopmentPage,
    ...(signal ? { signal } : {}),
  });
}

export function selfDevelopmentQueryOptions(staffId: string, filters: SelfDevelopmentFilters) {
  return queryOptions({
    queryKey: careerKeys.selfDevelopment(staffId, filters),
    queryFn: ({ signal }) => getSelfDevelopment(staffId, filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSelfDevelopment(staffId: string, filters: SelfDevelopmentFilters) {
  return useQuery(selfDevelopmentQueryOptions(staffId, filters));
}
