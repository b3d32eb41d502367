import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-client.ts';
import { Button } from './button.tsx';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="flex items-center gap-3 py-8 text-std-16N-170 text-solid-gray-700">
      <span
        aria-hidden="true"
        className="size-6 motion-safe:animate-spin rounded-full border-4 border-blue-100 border-t-blue-900"
      />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

/** The translated message for an error (by the API's stable `code`). */
export function useErrorMessage(error: unknown): string {
  const { t, i18n } = useTranslation();
  const code = isApiError(error) ? error.code : 'unknown';
  const key = `errors.codes.${code}`;
  return i18n.exists(key) ? t(key) : t('errors.codes.unknown');
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage(error);
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <div role="alert" className="my-6 rounded-8 border-2 border-error-1 bg-red-50 p-4 md:p-6">
      <p className="text-std-17B-170 text-error-2">{t('errors.title')}</p>
      <p className="mt-1 text-std-16N-170 text-solid-gray-800">{message}</p>
      {requestId ? (
        <p className="mt-1 text-dns-14N-130 text-solid-gray-700">
          {t('errors.requestId', { id: requestId })}
        </p>
      ) : null}
      {onRetry ? (
        <Button variant="secondary" className="mt-4" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </div>
  );
}

const subscribeOnline = (onChange: () => void) => {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
};

/** Whether the browser has a network connection, kept up to date. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

/** No network: what is waiting is read as soon as the connection is back, or on "retry". */
export function OfflineState({ onRetry }: { onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="my-6 rounded-8 border-2 border-orange-800 bg-orange-50 p-4 md:p-6">
      <p className="text-std-17B-170 text-solid-gray-900">{t('offline.title')}</p>
      <p className="mt-1 text-std-16N-170 text-solid-gray-800">{t('offline.body')}</p>
      {onRetry ? (
        <Button variant="secondary" className="mt-4" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </div>
  );
}

/** A line at the top of every page while the browser is offline. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useOnline();
  if (online) return null;
  return (
    <div role="alert" className="mb-6 rounded-8 bg-orange-50 px-4 py-2 text-center text-std-16B-170">
      {t('offline.banner')}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="my-6 rounded-8 border border-dashed border-solid-gray-420 bg-solid-gray-50 p-6 text-std-16N-170 text-solid-gray-700">
      {children}
    </div>
  );
}

/**
 * Renders a query's loading, error (with retry) and empty states, and the data once it is there:
 * `<QueryContent query={q} isEmpty={(d) => d.items.length === 0}>{(d) => …}</QueryContent>`.
 */
export function QueryContent<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  // Offline, a query waits (paused) instead of failing: say so rather than "loading" forever.
  if (query.isPending && query.fetchStatus === 'paused')
    return <OfflineState onRetry={() => void query.refetch()} />;
  if (query.isPending && !query.isLoadingError) return <LoadingState />;
  if (query.isLoadingError) {
    if (query.isFetching) return <LoadingState />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (isEmpty?.(query.data)) return <EmptyState>{empty ?? t('common.empty')}</EmptyState>;
  return <>{children(query.data)}</>;
}
