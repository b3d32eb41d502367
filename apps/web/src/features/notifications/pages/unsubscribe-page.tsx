import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { useUnsubscribe, useUnsubscribeView } from '../api/notifications.ts';

/** `/unsubscribe/:token` (no sign-in): the link in a mail; one button turns that mail off. */
export function UnsubscribePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.unsubscribe.title'));
  const token = useParams().token ?? '';
  const view = useUnsubscribeView(token);
  const unsubscribe = useUnsubscribe(token);
  const names = (view.data?.categories ?? []).map((c) => t(`notifications.category.${c}`)).join('、');
  return (
    <>
      <PageHeader title={t('notifications.unsubscribe.title')} />
      {view.isPending ? (
        <LoadingState />
      ) : view.isError ? (
        <p role="alert" className="rounded-8 border-2 border-error-1 bg-red-50 p-4">
          {t('notifications.unsubscribe.invalid')}
        </p>
      ) : view.data.done ? (
        <p role="status" className="rounded-8 border-2 border-blue-900 bg-blue-50 p-4">
          {t('notifications.unsubscribe.done', { categories: names })}
        </p>
      ) : (
        <div className="flex flex-col gap-4">
          <p>{t('notifications.unsubscribe.lead', { categories: names })}</p>
          <Button
            className="self-start"
            onClick={() => unsubscribe.mutate()}
            disabled={unsubscribe.isPending}
          >
            {t('notifications.unsubscribe.button')}
          </Button>
          {unsubscribe.isError ? <ErrorState error={unsubscribe.error} /> : null}
        </div>
      )}
    </>
  );
}
