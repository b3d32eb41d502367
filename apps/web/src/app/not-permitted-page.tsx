import type { Permission } from '@portal/contracts';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../features/auth/lib/permissions.ts';
import { useDocumentTitle } from '../shared/i18n/use-document-title.ts';
import { PageHeader } from '../shared/ui/page-header.tsx';

/** What someone sees on a page their role does not open: why, and the way back — never the editor. */
export function NotPermittedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notPermitted.title'));
  return (
    <>
      <PageHeader title={t('notPermitted.title')} lead={t('notPermitted.body')} />
      <p>
        <Link to="/" className="text-blue-1000 underline underline-offset-4">
          {t('common.backHome')}
        </Link>
      </p>
    </>
  );
}

/**
 * A route's page for the roles that hold one of `anyOf` (the permissions `/api/me` lists, from the same
 * role → permission map the API authorizes with); everyone else gets {@link NotPermittedPage}. The API
 * still decides every request: this only spares people an editor they cannot save.
 */
export function onlyFor<R extends { Component: ComponentType }>(
  anyOf: readonly Permission[],
  load: () => Promise<R>,
): () => Promise<R> {
  return async () => {
    const route = await load();
    const Page = route.Component;
    function Permitted() {
      const { can } = usePermissions();
      return anyOf.some(can) ? <Page /> : <NotPermittedPage />;
    }
    return { ...route, Component: Permitted };
  };
}
