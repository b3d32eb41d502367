import { OjtPlan } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { ojtKeys } from './keys.ts';

/** `GET /api/staff/{id}/ojt-plan?fiscalYear=`: the person's 年間OJT計画 (empty, version 0, until written). */
export function getOjtPlan(staffId: string, fiscalYear: number, signal?: AbortSignal): Promise<OjtPlan> {
  return apiFetch(`/api/staff/${encodeURIComponent(staffId)}/ojt-plan?fiscalYear=${fiscalYear}`, {
    schema: OjtPlan,
    ...(signal ? { signal } : {}),
  });
}

export function ojtPlanQueryOptions(staffId: string, fiscalYear: number) {
  return queryOptions({
    queryKey: ojtKeys.plan(staffId, fiscalYear),
    queryFn: ({ signal }) => getOjtPlan(staffId, fiscalYear, signal),
  });
}

export function useOjtPlan(staffId: string, fiscalYear: number) {
  return useQuery(ojtPlanQueryOptions(staffId, fiscalYear));
}
