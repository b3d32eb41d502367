import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { Button } from '../../shared/ui/button.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';

/** Shown when a route itself fails (e.g. its code could not be loaded after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto max-w-3xl px-4 py-12">
      <PageHeader title={t('errors.routeTitle')} />
      <p role="alert">{t('errors.codes.unknown')}</p>
      <Button className="mt-6" onClick={() => window.location.reload()}>
        {t('errors.reload')}
      </Button>
    </main>
  );
}
