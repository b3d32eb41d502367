import { CareerPlanVersionList } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { careerKeys, staffPath } from './keys.ts';

/** `GET …/career-plan/versions?fiscalYear=`: every saved version, newest first. */
export function getPlanVersions(staffId: string, fiscalYear: number, signal?: AbortSignal) {
  return apiFetch(`${staffPath(staffId)}/career-plan/versions?fiscalYear=${fiscalYear}`, {
    schema: CareerPlanVersionList,
    ...(signal ? { signal } : {}),
  });
}

export function usePlanVersions(staffId: string, fiscalYear: number, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: careerKeys.versions(staffId, fiscalYear),
      queryFn: ({ signal }) => getPlanVersions(staffId, fiscalYear, signal),
      enabled,
    }),
  );
}
