import { PlanPeriodList } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { planKeys } from './keys.ts';

/** `GET /api/plan-periods`: the periods the reader may see (HR: drafts too). */
export function getPlanPeriods(signal?: AbortSignal): Promise<PlanPeriodList> {
  return apiFetch('/api/plan-periods', { schema: PlanPeriodList, ...(signal ? { signal } : {}) });
}

export function planPeriodsQueryOptions() {
  return queryOptions({ queryKey: planKeys.periods(), queryFn: ({ signal }) => getPlanPeriods(signal) });
}

export function usePlanPeriods() {
  return useQuery(planPeriodsQueryOptions());
}
