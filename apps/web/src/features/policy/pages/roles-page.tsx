import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { usePolicy } from '../api/get-policy.ts';
import { ActorList } from '../components/actor-list.tsx';

export function RolesPage() {
  const { t } = useTranslation();
  const title = t('nav.roles');
  useDocumentTitle(title);
  const query = usePolicy();
  return (
    <>
      <PageHeader title={title} lead={t('roles.lead')} />
      <QueryContent query={query} isEmpty={(p) => p.actors.length === 0} empty={t('roles.empty')}>
        {(policy) => <ActorList actors={policy.actors} />}
      </QueryContent>
    </>
  );
}
