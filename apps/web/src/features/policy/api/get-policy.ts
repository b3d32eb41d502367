import type { PolicyTree } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';

/** Query keys of the policy feature; invalidate by prefix with `policyKeys.all`. */
export const policyKeys = {
  all: ['policy'] as const,
  tree: () => [...policyKeys.all, 'tree'] as const,
};

/** `GET /api/policy`: the policy tree in force, checked against the contract. */
export function getPolicy(signal?: AbortSignal): Promise<PolicyTree> {
  // Typed, not parsed: the start page reads it (decision 037).
  return apiFetch<PolicyTree>('/api/policy', signal ? { signal } : {});
}

export function policyQueryOptions() {
  return queryOptions({
    queryKey: policyKeys.tree(),
    queryFn: ({ signal }) => getPolicy(signal),
    // The policy changes once in years; keep it for the session.
    staleTime: 30 * 60_000,
  });
}

export function usePolicy() {
  return useQuery(policyQueryOptions());
}
