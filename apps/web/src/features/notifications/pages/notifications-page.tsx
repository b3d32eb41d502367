import { NOTIFICATION_CATEGORIES, type Notification, type NotificationCategory } from '@portal/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/format/date.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { useSearchParamsWriter } from '../../../shared/navigation/use-search-params-writer.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../api/notifications.ts';
import { notificationText } from '../components/notification-text.ts';

const selectClass =
  'mt-1 block min-h-11 w-full rounded-8 border border-solid-gray-600 bg-white px-3 text-std-16N-170 md:w-64';

/** `/notifications`: mine, newest first; filter by unread and category; mark read, or all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  const language = useLanguage();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParamsWriter();
  const unread = search.get('unread') === 'true';
  const category = (NOTIFICATION_CATEGORIES as readonly string[]).includes(search.get('category') ?? '')
    ? (search.get('category') as NotificationCategory)
    : undefined;
  const params = [unread ? 'unread=true' : '', category ? `category=${category}` : '']
    .filter(Boolean)
    .join('&');
  const list = useNotifications(params);
  const count = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [confirming, setConfirming] = useState(false);
  const ids = { unread: useId(), category: useId(), status: useId() };

  const setFilter = (key: string, value: string | null) => {
    setSearch(
      (current) => {
        if (value) current.set(key, value);
        else current.delete(key);
        return current;
      },
      { replace: true },
    );
  };
  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    void navigate(n.link);
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const text = (n: Notification) =>
    notificationText(t, n, language, (iso) => formatDate(iso.slice(0, 10), language));

  return (
    <>
      <PageHeader title={t('notifications.title')} lead={t('notifications.lead')} />
      <p className="mb-4">
        <Link to="/notifications/settings" className="text-blue-1000 underline">
          {t('notifications.settingsLink')}
        </Link>
      </p>
      <div className="mb-4 flex flex-col gap-4 md:flex-row md:items-end">
        <div className="flex min-h-11 items-center gap-2">
          <input
            id={ids.unread}
            type="checkbox"
            className="size-6"
            checked={unread}
            onChange={(e) => setFilter('unread', e.target.checked ? 'true' : null)}
          />
          <label htmlFor={ids.unread} className="text-std-16N-170">
            {t('notifications.filter.unreadOnly')}
          </label>
        </div>
        <div>
          <label htmlFor={ids.category} className="text-std-16B-170">
            {t('notifications.filter.category')}
          </label>
          <select
            id={ids.category}
            className={selectClass}
            value={category ?? ''}
            onChange={(e) => setFilter('category', e.target.value || null)}
          >
            <option value="">{t('notifications.filter.all')}</option>
            {NOTIFICATION_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`notifications.category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="md:ml-auto">
          {confirming ? (
            <div role="alert" className="flex flex-wrap items-center gap-2">
              <span id={ids.status}>
                {t('notifications.markAll.confirm', { total: count.data?.count ?? 0 })}
              </span>
              <Button
                onClick={() => markAll.mutate(undefined, { onSettled: () => setConfirming(false) })}
                disabled={markAll.isPending}
              >
                {t('notifications.markAll.yes')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('notifications.markAll.no')}
              </Button>
            </div>
          ) : (
            <Button variant="secondary" onClick={() => setConfirming(true)} disabled={!count.data?.count}>
              {t('notifications.markAll.button')}
            </Button>
          )}
        </div>
      </div>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError && !items.length ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !items.length ? (
        <EmptyState>
          {unread || category ? t('notifications.emptyFiltered') : t('notifications.empty')}
        </EmptyState>
      ) : (
        <>
          <ul className="flex flex-col gap-2" aria-label={t('notifications.title')}>
            {items.map((n) => (
              <li
                key={n.id}
                className={`rounded-8 border p-3 ${n.readAt ? 'border-solid-gray-200 bg-white' : 'border-blue-900 bg-blue-50'}`}
              >
                <div className="flex flex-col gap-2 md:flex-row md:items-start md:justify-between">
                  <div className="min-w-0">
                    <p className="text-dns-14N-130 text-solid-gray-700">
                      {n.readAt ? null : (
                        <strong className="mr-2 text-blue-1000">{t('notifications.unreadMark')}</strong>
                      )}
                      {t(`notifications.category.${n.category}`)} · {formatDateTime(n.createdAt, language)}
                    </p>
                    <a
                      href={n.link}
                      onClick={(e) => {
                        e.preventDefault();
                        open(n);
                      }}
                      className={`break-words text-blue-1000 underline ${n.readAt ? 'text-std-16N-170' : 'text-std-16B-170'}`}
                    >
                      {text(n)}
                    </a>
                  </div>
                  {n.readAt ? null : (
                    <Button variant="secondary" className="self-start" onClick={() => markRead.mutate(n.id)}>
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          {list.hasNextPage ? (
            <Button
              variant="secondary"
              className="mt-4"
              onClick={() => void list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
            >
              {t('notifications.more')}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}
