import type { UnreadCount } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';

/**
 * The notifications' query keys and the header bell's unread count, apart from the rest of the
 * notifications API: the bell is on every page, so its count is typed, not parsed, and brings no
 * schema with it (decision 037).
 */
export const notificationKeys = {
  all: ['notifications'] as const,
  count: () => [...notificationKeys.all, 'count'] as const,
  list: (params: string) => [...notificationKeys.all, 'list', params] as const,
  settings: () => [...notificationKeys.all, 'settings'] as const,
  unsubscribe: (token: string) => ['unsubscribe', token] as const,
};

/** One indexed query; asked again every minute and when the window regains focus. */
export function unreadCountQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.count(),
    queryFn: ({ signal }) => apiFetch<UnreadCount>('/api/notifications/unread-count', { signal }),
    refetchInterval: 60_000,
  });
}

export function useUnreadCount() {
  return useQuery(unreadCountQueryOptions());
}
