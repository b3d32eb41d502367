import { CareerPlanView } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { careerKeys, staffPath } from './keys.ts';

/**
 * `GET /api/staff/{id}/career-plan?fiscalYear=`: the plan of a 年度 (the current one when left out)
 * and what the reader may do with it. The person's first look carries last year's plan forward.
 */
export function getCareerPlan(staffId: string, fiscalYear?: number, signal?: AbortSignal) {
  const query = fiscalYear === undefined ? '' : `?fiscalYear=${fiscalYear}`;
  return apiFetch(`${staffPath(staffId)}/career-plan${query}`, {
    schema: CareerPlanView,
    ...(signal ? { signal } : {}),
  });
}

export function careerPlanQueryOptions(staffId: string, fiscalYear?: number) {
  return queryOptions({
    queryKey: careerKeys.plan(staffId, fiscalYear),
    queryFn: ({ signal }) => getCareerPlan(staffId, fiscalYear, signal),
  });
}

export function useCareerPlan(staffId: string, fiscalYear?: number) {
  return useQuery(careerPlanQueryOptions(staffId, fiscalYear));
}
