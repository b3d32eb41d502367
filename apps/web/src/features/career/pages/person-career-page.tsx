import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { useCareerPath } from '../api/get-career-path.ts';
import { personName } from '../lib/people.ts';
import { CareerWorkspace } from './career-workspace.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('career.page.notFoundTitle'));
  return (
    <>
      <PageHeader title={t('career.page.notFoundTitle')} lead={t('career.page.notFoundBody')} />
      <p>
        <Link to="/staff">{t('career.page.toDirectory')}</Link>
      </p>
    </>
  );
}

function PersonCareer({ staffId }: { staffId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const path = useCareerPath(staffId);
  const name = path.data ? personName(path.data.staff, language) : '';
  useDocumentTitle(name ? t('career.page.personTitle', { name }) : undefined);
  if (path.isPending) return <LoadingState />;
  if (path.isError) {
    if (isApiError(path.error) && (path.error.status === 404 || path.error.status === 400))
      return <NotFound />;
    return <ErrorState error={path.error} onRetry={() => void path.refetch()} />;
  }
  return (
    <>
      <PageHeader
        title={t('career.page.personTitle', { name })}
        lead={path.data.currentGrade ? l(path.data.currentGrade.name) : undefined}
      />
      <p className="-mt-4 mb-6">
        <Link to={`/staff/${staffId}`}>{t('career.page.toPerson', { name })}</Link>
      </p>
      <CareerWorkspace staffId={staffId} self={false} />
    </>
  );
}

/** `/staff/:id/career`: someone else's career, as far as the reader may see it (404 otherwise). */
export function PersonCareerPage() {
  const { id = '' } = useParams();
  const { hash, search } = useLocation();
  const me = useMe();
  if (!UUID.test(id)) return <NotFound />;
  // One's own career is the "my career" page
  if (me.data?.staff.id === id) return <Navigate to={{ pathname: '/career', search, hash }} replace />;
  return <PersonCareer staffId={id} />;
}
