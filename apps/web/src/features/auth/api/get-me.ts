import type { Me } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';

/** Query keys of the auth feature; `authKeys.all` covers them all. */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  demoAccounts: () => [...authKeys.all, 'demo-accounts'] as const,
  providers: () => [...authKeys.all, 'providers'] as const,
};

/** `GET /api/me`: the signed-in person, their roles and permissions. 401 when there is no session. */
export function getMe(signal?: AbortSignal): Promise<Me> {
  // Typed, not parsed: the session is read before any page (decision 037).
  return apiFetch<Me>('/api/me', signal ? { signal } : {});
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
