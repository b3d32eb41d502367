import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from '../api/unread-count.ts';

function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-6"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/**
 * The bell in the header: a link to the notifications page that says how many are unread. A rise of
 * the count is announced to screen readers (polite), not the count on every page load.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useUnreadCount();
  const count = data?.count ?? 0;
  const previous = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (data === undefined) return;
    if (previous.current !== null && count > previous.current) {
      setAnnouncement(t('notifications.bell.arrived', { total: count }));
    }
    previous.current = count;
  }, [count, data, t]);
  // The name comes from the content, so the visible count is part of it: お知らせ 未読 3 件
  return (
    <>
      <Link
        to="/notifications"
        data-testid="notification-bell"
        data-unread={count}
        className="relative inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-8 border border-solid-gray-420 px-2 text-blue-900 hover:bg-blue-50"
      >
        <BellIcon />
        {count ? (
          <>
            <span className="sr-only">{t('notifications.bell.before')} </span>
            <span
              data-testid="notification-count"
              className="min-w-6 rounded-full bg-red-900 px-1 text-center text-dns-14B-130 text-white"
            >
              {count > 99 ? '99+' : count}
            </span>
            <span className="sr-only"> {t('notifications.bell.after')}</span>
          </>
        ) : (
          <span className="sr-only">{t('notifications.bell.none')}</span>
        )}
      </Link>
      <span aria-live="polite" className="sr-only">
        {announcement}
      </span>
    </>
  );
}
