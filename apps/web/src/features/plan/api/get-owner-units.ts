import { OrgUnitList } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { planKeys } from './keys.ts';

/** `GET /api/org-units`, for picking an item's owning departments and a KPI's bureau. */
export function ownerUnitsQueryOptions() {
  return queryOptions({
    queryKey: [...planKeys.all, 'org-units'] as const,
    queryFn: ({ signal }) => apiFetch('/api/org-units', { schema: OrgUnitList, signal }),
    staleTime: 10 * 60_000,
  });
}

export function useOwnerUnits() {
  return useQuery(ownerUnitsQueryOptions());
}
