import { OneOnOnePage } from '@portal/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { dialogueKeys, type OneOnOneFilters } from './keys.ts';

/** `GET /api/one-on-ones`: the records the reader may see (the API scopes them), newest first. */
export function getOneOnOnes(filters: OneOnOneFilters, signal?: AbortSignal): Promise<OneOnOnePage> {
  const search = new URLSearchParams();
  if (filters.staffId) search.set('staffId', filters.staffId);
  if (filters.authorId) search.set('authorId', filters.authorId);
  search.set('page', String(filters.page));
  search.set('pageSize', String(filters.pageSize));
  return apiFetch(`/api/one-on-ones?${search}`, { schema: OneOnOnePage, ...(signal ? { signal } : {}) });
}

export function oneOnOnesQueryOptions(filters: OneOnOneFilters) {
  return queryOptions({
    queryKey: dialogueKeys.list(filters),
    queryFn: ({ signal }) => getOneOnOnes(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOneOnOnes(filters: OneOnOneFilters) {
  return useQuery(oneOnOnesQueryOptions(filters));
}
