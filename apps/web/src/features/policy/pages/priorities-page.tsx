import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { usePolicy } from '../api/get-policy.ts';
import { PriorityPolicyList } from '../components/priority-policy-list.tsx';

export function PrioritiesPage() {
  const { t } = useTranslation();
  const l = useLocalized();
  const title = t('nav.priorities');
  useDocumentTitle(title);
  const query = usePolicy();
  return (
    <>
      <PageHeader title={title} lead={t('priorities.lead')} />
      <QueryContent
        query={query}
        isEmpty={(p) => p.priorityPolicies.length === 0}
        empty={t('priorities.empty')}
      >
        {(policy) => (
          <>
            <p className="mb-8 max-w-prose text-std-16N-170">{l(policy.priorityIntro)}</p>
            <PriorityPolicyList policies={policy.priorityPolicies} areas={policy.policyAreas} />
          </>
        )}
      </QueryContent>
    </>
  );
}
