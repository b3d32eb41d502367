import {
  MAIL_MODES,
  type MailMode,
  NOTIFICATION_CATEGORIES,
  type NotificationCategory,
} from '@portal/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format/date.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { usePermissions } from '../../auth/lib/permissions.ts';
import {
  useBackgroundJobs,
  useNotificationSettings,
  useSaveNotificationSettings,
} from '../api/notifications.ts';

/** For HR: whether the portal mails at all, and the mail jobs that failed after their retries. */
function BackgroundJobsPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useBackgroundJobs(true);
  return (
    <section aria-labelledby="background-jobs" className="mt-10">
      <h2 id="background-jobs" className="mb-2 text-std-20B-150">
        {t('notifications.jobs.title')}
      </h2>
      <QueryContent query={query}>
        {(status) => (
          <div className="flex flex-col gap-3">
            <p data-testid="hr-mail-status">
              {status.mailEnabled ? t('notifications.jobs.mailOn') : t('notifications.jobs.mailOff')}
            </p>
            <p>{t('notifications.jobs.waiting', { total: status.waiting })}</p>
            {status.failed.length ? (
              <ul className="flex flex-col gap-2">
                {status.failed.map((f) => (
                  <li key={f.id} className="break-words rounded-8 border border-error-1 p-3">
                    <strong>{f.queue}</strong> · {f.failedAt ? formatDateTime(f.failedAt, language) : ''} ·{' '}
                    {t('notifications.jobs.retries', { total: f.retries })}
                    <br />
                    <span className="text-dns-14N-130">{f.error}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('notifications.jobs.noneFailed')}</p>
            )}
          </div>
        )}
      </QueryContent>
    </section>
  );
}

/** `/notifications/settings`: per category, mail at once, in the daily digest, or not at all. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.settings.title'));
  const query = useNotificationSettings();
  const { can } = usePermissions();
  const save = useSaveNotificationSettings();
  const [modes, setModes] = useState<Partial<Record<NotificationCategory, MailMode>>>({});
  useEffect(() => {
    if (query.data) setModes(query.data.categories);
  }, [query.data]);

  return (
    <>
      <PageHeader title={t('notifications.settings.title')} lead={t('notifications.settings.lead')} />
      <p className="mb-4">
        <Link to="/notifications" className="text-blue-1000 underline">
          {t('notifications.backToList')}
        </Link>
      </p>
      <QueryContent query={query}>
        {(settings) => (
          <form
            className="flex flex-col gap-6"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ categories: modes });
            }}
          >
            {settings.mailEnabled ? null : (
              <p
                role="note"
                className="rounded-8 border-2 border-solid-gray-600 bg-solid-gray-50 p-4"
                data-testid="mail-off"
              >
                {t('notifications.settings.mailOff')}
              </p>
            )}
            {settings.mailEnabled && !settings.hasAddress ? (
              <p role="note" className="rounded-8 border-2 border-solid-gray-600 bg-solid-gray-50 p-4">
                {t('notifications.settings.noAddress')}
              </p>
            ) : null}
            <p>{t('notifications.settings.digestAt', { hour: settings.digestHour })}</p>
            {NOTIFICATION_CATEGORIES.filter((c) => c !== 'security' || can('staff:manage:any')).map((c) => (
              <fieldset key={c} className="rounded-8 border border-solid-gray-420 p-4">
                <legend className="px-1 text-std-17B-170">{t(`notifications.category.${c}`)}</legend>
                <p className="mb-2 text-dns-14N-130 text-solid-gray-700">
                  {t(`notifications.categoryHint.${c}`)}
                </p>
                <div className="flex flex-col gap-2 md:flex-row md:gap-6">
                  {MAIL_MODES.map((mode) => (
                    <label key={mode} className="flex min-h-11 items-center gap-2">
                      <input
                        type="radio"
                        name={c}
                        value={mode}
                        className="size-6"
                        checked={modes[c] === mode}
                        onChange={() => setModes((m) => ({ ...m, [c]: mode }))}
                      />
                      {t(`notifications.mode.${mode}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
            <div className="flex flex-wrap items-center gap-4">
              <Button type="submit" disabled={save.isPending}>
                {t('notifications.settings.save')}
              </Button>
              <span aria-live="polite">{save.isSuccess ? t('notifications.settings.saved') : ''}</span>
            </div>
            {save.isError ? (
              <p role="alert" className="rounded-8 border-2 border-error-1 bg-red-50 p-4">
                {t('notifications.settings.failed')}
              </p>
            ) : null}
          </form>
        )}
      </QueryContent>
      {can('jobs:read:any') ? <BackgroundJobsPanel /> : null}
    </>
  );
}
