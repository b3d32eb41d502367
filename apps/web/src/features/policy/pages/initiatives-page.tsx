import type { PolicyTree, PriorityTagCode } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useSearchParamsWriter } from '../../../shared/navigation/use-search-params-writer.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, QueryContent } from '../../../shared/ui/states.tsx';
import { usePolicy } from '../api/get-policy.ts';
import { InitiativeFilter } from '../components/initiative-filter.tsx';
import { PolicyAreaList } from '../components/policy-area-list.tsx';
import { byPosition } from '../lib/by-position.ts';
import {
  filterInitiatives,
  readTagFilter,
  toggleTagFilter,
  writeTagFilter,
} from '../lib/filter-initiatives.ts';

function FilteredInitiatives({ policy }: { policy: PolicyTree }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParamsWriter();
  const selected = readTagFilter(searchParams);
  const areas = byPosition(policy.policyAreas);
  const numbers = new Map(areas.map((area, index) => [area.id, index + 1]));
  const result = filterInitiatives(areas, selected);

  // `replace`: flipping a toggle is not a new page; Back should leave the list, not undo a click.
  const update = (next: URLSearchParams) =>
    setSearchParams(next, { replace: true, preventScrollReset: true });

  return (
    <>
      <InitiativeFilter
        policies={policy.priorityPolicies}
        selected={selected}
        onToggle={(code: PriorityTagCode) => update(toggleTagFilter(searchParams, code))}
        onClear={() => update(writeTagFilter(searchParams, []))}
      />
      <p aria-live="polite" aria-atomic="true" className="mt-4 mb-8 text-std-16B-170 text-solid-gray-800">
        {t('initiatives.count', { shown: result.shown, total: result.total })}
      </p>
      {result.shown === 0 ? (
        <EmptyState>{t('initiatives.noMatch')}</EmptyState>
      ) : (
        <PolicyAreaList areas={result.areas} numbers={numbers} />
      )}
    </>
  );
}

export function InitiativesPage() {
  const { t } = useTranslation();
  const title = t('nav.initiatives');
  useDocumentTitle(title);
  const query = usePolicy();
  return (
    <>
      <PageHeader title={title} lead={t('initiatives.lead')} />
      <QueryContent query={query} isEmpty={(p) => p.policyAreas.length === 0} empty={t('initiatives.empty')}>
        {(policy) => <FilteredInitiatives policy={policy} />}
      </QueryContent>
    </>
  );
}
