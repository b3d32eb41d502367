import type { MyDashboard } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { careerKeys } from './keys.ts';

/** `GET /api/dashboards/me`: my own figures this 年度 (and, for a supervisor, what waits for them). */
export function getMyDashboard(signal?: AbortSignal) {
  // Typed, not parsed: the start page reads it (decision 037).
  return apiFetch<MyDashboard>('/api/dashboards/me', signal ? { signal } : {});
}

export function myDashboardQueryOptions() {
  return queryOptions({ queryKey: careerKeys.mine(), queryFn: ({ signal }) => getMyDashboard(signal) });
}

export function useMyDashboard() {
  return useQuery(myDashboardQueryOptions());
}
