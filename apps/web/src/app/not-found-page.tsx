import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../shared/i18n/use-document-title.ts';
import { PageHeader } from '../shared/ui/page-header.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <PageHeader title={t('notFound.title')} lead={t('notFound.body')} />
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </>
  );
}
