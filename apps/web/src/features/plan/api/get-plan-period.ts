import { PlanPeriodDetail } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { planKeys } from './keys.ts';

/** `GET /api/plan-periods/{id}`: a period with its items, KPIs, targets and actuals. */
export function getPlanPeriod(id: string, signal?: AbortSignal): Promise<PlanPeriodDetail> {
  return apiFetch(`/api/plan-periods/${encodeURIComponent(id)}`, {
    schema: PlanPeriodDetail,
    ...(signal ? { signal } : {}),
  });
}

export function planPeriodQueryOptions(id: string) {
  return queryOptions({ queryKey: planKeys.period(id), queryFn: ({ signal }) => getPlanPeriod(id, signal) });
}

export function usePlanPeriod(id: string) {
  return useQuery(planPeriodQueryOptions(id));
}
