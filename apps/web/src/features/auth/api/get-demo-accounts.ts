import type { DemoAccounts } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { authKeys } from './get-me.ts';

/** `GET /api/auth/demo-accounts` (public): the demo accounts when the server runs in demo mode. */
export function getDemoAccounts(signal?: AbortSignal): Promise<DemoAccounts> {
  // Typed, not parsed: the sign-in page reads it (decision 037).
  return apiFetch<DemoAccounts>('/api/auth/demo-accounts', signal ? { signal } : {});
}

export function demoAccountsQueryOptions() {
  return queryOptions({
    queryKey: authKeys.demoAccounts(),
    queryFn: ({ signal }) => getDemoAccounts(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDemoAccounts() {
  return useQuery(demoAccountsQueryOptions());
}
