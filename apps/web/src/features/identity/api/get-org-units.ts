import { OrgUnitList } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { identityKeys } from './keys.ts';

/** `GET /api/org-units`: every unit in force, parents before children. */
export function getOrgUnits(signal?: AbortSignal): Promise<OrgUnitList> {
  return apiFetch('/api/org-units', { schema: OrgUnitList, ...(signal ? { signal } : {}) });
}

export function orgUnitsQueryOptions() {
  return queryOptions({
    queryKey: identityKeys.orgUnits(),
    queryFn: ({ signal }) => getOrgUnits(signal),
    // The organisation changes by roster imports, a few times a year.
    staleTime: 10 * 60_000,
  });
}

export function useOrgUnits() {
  return useQuery(orgUnitsQueryOptions());
}
