import { TeamDashboard } from '@portal/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { ojtKeys, type TeamDashboardParams } from './keys.ts';

export function teamDashboardSearch(params: TeamDashboardParams): string {
  const search = new URLSearchParams();
  if (params.fiscalYear) search.set('fiscalYear', String(params.fiscalYear));
  if (params.q) search.set('q', params.q);
  if (params.overdueOnly) search.set('overdueOnly', 'true');
  search.set('sort', params.sort);
  search.set('order', params.order);
  search.set('page', String(params.page));
  search.set('pageSize', String(params.pageSize));
  return search.toString();
}

/** `GET /api/dashboards/team`: my staff, one sorted page, with the whole team's totals. */
export function getTeamDashboard(params: TeamDashboardParams, signal?: AbortSignal): Promise<TeamDashboard> {
  return apiFetch(`/api/dashboards/team?${teamDashboardSearch(params)}`, {
    schema: TeamDashboard,
    ...(signal ? { signal } : {}),
  });
}

export function teamDashboardQueryOptions(params: TeamDashboardParams) {
  return queryOptions({
    queryKey: ojtKeys.team(params),
    queryFn: ({ signal }) => getTeamDashboard(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTeamDashboard(params: TeamDashboardParams, options: { enabled?: boolean } = {}) {
  return useQuery({ ...teamDashboardQueryOptions(params), enabled: options.enabled ?? true });
}
