import { StaffPage } from '@portal/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { identityKeys, type StaffListParams } from './keys.ts';

/** The query string of `GET /api/staff`; empty filters are left out. */
export function staffListSearch(params: StaffListParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.orgUnitId) search.set('orgUnitId', params.orgUnitId);
  if (params.gradeId) search.set('gradeId', params.gradeId);
  if (params.account) search.set('account', params.account);
  search.set('page', String(params.page));
  search.set('pageSize', String(params.pageSize));
  return search.toString();
}

/** `GET /api/staff`: the people the reader may see (the API scopes the list), one page of them. */
export function getStaffList(params: StaffListParams, signal?: AbortSignal): Promise<StaffPage> {
  return apiFetch(`/api/staff?${staffListSearch(params)}`, {
    schema: StaffPage,
    ...(signal ? { signal } : {}),
  });
}

export function staffListQueryOptions(params: StaffListParams) {
  return queryOptions({
    queryKey: identityKeys.staffList(params),
    queryFn: ({ signal }) => getStaffList(params, signal),
    // The previous page stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useStaffList(params: StaffListParams) {
  return useQuery(staffListQueryOptions(params));
}
