import { RolloutDashboard } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { dashboardKeys } from './keys.ts';

/** `GET /api/dashboards/rollout?fiscalYear=`: the city-wide rollout (executives, HR). */
export function getRollout(fiscalYear: number | undefined, signal?: AbortSignal): Promise<RolloutDashboard> {
  const q = fiscalYear ? `?fiscalYear=${fiscalYear}` : '';
  return apiFetch(`/api/dashboards/rollout${q}`, { schema: RolloutDashboard, ...(signal ? { signal } : {}) });
}

export function rolloutQueryOptions(fiscalYear: number | undefined) {
  return queryOptions({
    queryKey: dashboardKeys.rollout(fiscalYear),
    queryFn: ({ signal }) => getRollout(fiscalYear, signal),
  });
}

export function useRollout(fiscalYear: number | undefined) {
  return useQuery(rolloutQueryOptions(fiscalYear));
}
