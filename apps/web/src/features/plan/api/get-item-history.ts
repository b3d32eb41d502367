import { PlanHistoryPage } from '@portal/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { planKeys } from './keys.ts';

export const HISTORY_PAGE_SIZE = 20;

/** `GET /api/plan-items/{id}/history`: who changed what, newest first. */
export function getItemHistory(itemId: string, page: number, signal?: AbortSignal): Promise<PlanHistoryPage> {
  return apiFetch(
    `/api/plan-items/${encodeURIComponent(itemId)}/history?page=${page}&pageSize=${HISTORY_PAGE_SIZE}`,
    { schema: PlanHistoryPage, ...(signal ? { signal } : {}) },
  );
}

export function itemHistoryQueryOptions(itemId: string, page: number) {
  return queryOptions({
    queryKey: planKeys.history(itemId, page),
    queryFn: ({ signal }) => getItemHistory(itemId, page, signal),
    placeholderData: keepPreviousData,
  });
}

export function useItemHistory(itemId: string, page: number) {
  return useQuery(itemHistoryQueryOptions(itemId, page));
}
