/** The notifications API: my list (paged by cursor), the unread count, mark read, my mail settings, unsubscribe. */
import {
  BackgroundJobStatus,
  NotificationPage,
  NotificationSettings,
  type NotificationSettingsUpdate,
  UnsubscribeView,
} from '@portal/contracts';
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/api-client.ts';
import { notificationKeys } from './unread-count.ts';

export { notificationKeys, unreadCountQueryOptions, useUnreadCount } from './unread-count.ts';

/** `params`: `unread=true&category=…` (without the cursor) */
export function notificationsQueryOptions(params: string) {
  return infiniteQueryOptions({
    queryKey: notificationKeys.list(params),
    initialPageParam: '',
    queryFn: ({ signal, pageParam }) =>
      apiFetch(
        `/api/notifications?limit=20${params ? `&${params}` : ''}${pageParam ? `&cursor=${pageParam}` : ''}`,
        {
          schema: NotificationPage,
          signal,
        },
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useNotifications(params: string) {
  return useInfiniteQuery(notificationsQueryOptions(params));
}

function useNotificationMutation<V>(fn: (v: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}

export function useMarkRead() {
  return useNotificationMutation((id: string) =>
    apiFetch(`/api/notifications/${id}/read`, { method: 'POST' }),
  );
}

export function useMarkAllRead() {
  return useNotificationMutation(() => apiFetch('/api/notifications/read-all', { method: 'POST' }));
}

export function notificationSettingsQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.settings(),
    queryFn: ({ signal }) =>
      apiFetch('/api/me/notification-settings', { schema: NotificationSettings, signal }),
  });
}

export function useNotificationSettings() {
  return useQuery(notificationSettingsQueryOptions());
}

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NotificationSettingsUpdate) =>
      apiFetch('/api/me/notification-settings', { method: 'PUT', json: input, schema: NotificationSettings }),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.settings(), saved),
  });
}

export function useUnsubscribeView(token: string) {
  return useQuery({
    queryKey: notificationKeys.unsubscribe(token),
    queryFn: ({ signal }) =>
      apiFetch(`/api/unsubscribe/${encodeURIComponent(token)}`, { schema: UnsubscribeView, signal }),
    retry: false,
  });
}

export function useUnsubscribe(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch(`/api/unsubscribe/${encodeURIComponent(token)}`, { method: 'POST', schema: UnsubscribeView }),
    onSuccess: (view) => queryClient.setQueryData(notificationKeys.unsubscribe(token), view),
  });
}

/** `GET /api/background-jobs` (HR): whether mail is on, jobs waiting, the failed ones. */
export function useBackgroundJobs(enabled: boolean) {
  return useQuery({
    queryKey: ['background-jobs'],
    queryFn: ({ signal }) => apiFetch('/api/background-jobs', { schema: BackgroundJobStatus, signal }),
    enabled,
  });
}
