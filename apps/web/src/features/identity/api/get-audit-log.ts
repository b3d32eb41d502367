import { AuditLogPage } from '@portal/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { type AuditLogFilters, identityKeys } from './keys.ts';

export const AUDIT_PAGE_SIZE = 50;

/** The query string of `GET /api/audit-log`; empty filters are left out. */
export function auditLogSearch(filters: AuditLogFilters, cursor?: string | null): string {
  const search = new URLSearchParams();
  for (const key of ['actorId', 'action', 'entityType', 'entityId', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  if (cursor) search.set('cursor', cursor);
  search.set('limit', String(AUDIT_PAGE_SIZE));
  return search.toString();
}

/** `GET /api/audit-log` (HR, `audit:read:any`): newest first; `nextCursor` leads to older entries. */
export function getAuditLog(
  filters: AuditLogFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<AuditLogPage> {
  return apiFetch(`/api/audit-log?${auditLogSearch(filters, cursor)}`, {
    schema: AuditLogPage,
    ...(signal ? { signal } : {}),
  });
}

export function auditLogQueryOptions(filters: AuditLogFilters) {
  return infiniteQueryOptions({
    queryKey: identityKeys.auditLog(filters),
    queryFn: ({ pageParam, signal }) => getAuditLog(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // What happened a moment ago matters here.
    staleTime: 0,
  });
}

export function useAuditLog(filters: AuditLogFilters) {
  return useInfiniteQuery(auditLogQueryOptions(filters));
}
