import type { AuthProviders } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { authKeys } from './get-me.ts';

/** `GET /api/auth/providers` (public): which sign-in methods are on. */
export function getProviders(signal?: AbortSignal): Promise<AuthProviders> {
  // Typed, not parsed: the sign-in page reads it (decision 037).
  return apiFetch<AuthProviders>('/api/auth/providers', signal ? { signal } : {});
}

export function providersQueryOptions() {
  return queryOptions({
    queryKey: authKeys.providers(),
    queryFn: ({ signal }) => getProviders(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useProviders() {
  return useQuery(providersQueryOptions());
}

/** Where single sign-on starts and where the provider's logout is reached (full-page navigations). */
export const OIDC_LOGIN_URL = '/api/auth/oidc/login';
export const OIDC_LOGOUT_URL = '/api/auth/oidc/logout';
