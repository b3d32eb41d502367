import { OrgUnitDashboard } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { dashboardKeys } from './keys.ts';

/** `GET /api/dashboards/org-units/{id}?fiscalYear=`: one unit with its children. */
export function getOrgUnitDashboard(id: string, fiscalYear: number | undefined, signal?: AbortSignal) {
  const q = fiscalYear ? `?fiscalYear=${fiscalYear}` : '';
  return apiFetch(`/api/dashboards/org-units/${encodeURIComponent(id)}${q}`, {
    schema: OrgUnitDashboard,
    ...(signal ? { signal } : {}),
  });
}

export function orgUnitDashboardQueryOptions(id: string, fiscalYear: number | undefined) {
  return queryOptions({
    queryKey: dashboardKeys.orgUnit(id, fiscalYear),
    queryFn: ({ signal }) => getOrgUnitDashboard(id, fiscalYear, signal),
  });
}

export function useOrgUnitDashboard(id: string, fiscalYear: number | undefined) {
  return useQuery(orgUnitDashboardQueryOptions(id, fiscalYear));
}
