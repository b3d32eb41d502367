import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useSearchParamsWriter } from '../../../shared/navigation/use-search-params-writer.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { Pager, pageCountOf } from '../../../shared/ui/pager.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { useRecommendedTrainings, useTrainings } from '../api/get-trainings.ts';
import { CatalogueFilterForm } from '../components/catalogue-filter-form.tsx';
import { CourseCard } from '../components/course-card.tsx';
import { primaryLinkClass, sectionTitleClass } from '../components/styles.ts';
import { TrainingNav } from '../components/training-nav.tsx';
import {
  type CatalogueFilters,
  hasActiveFilters,
  PAGE_SIZE,
  readCatalogueFilters,
  toCatalogueQuery,
  writeCatalogueFilters,
} from '../lib/catalogue-filters.ts';

function Recommended() {
  const { t } = useTranslation();
  const query = useRecommendedTrainings();
  return (
    <section aria-labelledby="recommended-title" className="mb-10">
      <h2 id="recommended-title" className={sectionTitleClass}>
        {t('training.recommended.title')}
      </h2>
      <QueryContent
        query={query}
        isEmpty={(r) => r.items.length === 0}
        empty={t('training.recommended.empty')}
      >
        {(r) => (
          <ul className="grid gap-4 md:grid-cols-2">
            {r.items.map((item) => (
              <li key={item.training.id}>
                <CourseCard training={item.training} reasons={item.reasons} />
              </li>
            ))}
          </ul>
        )}
      </QueryContent>
    </section>
  );
}

/** /training: the catalogue with filters kept in the URL, and "recommended for me" above it. */
export function CataloguePage() {
  const { t } = useTranslation();
  const title = t('training.catalogue.title');
  useDocumentTitle(title);
  const { can } = usePermissions();
  const manager = can('training:manage:any') || can('training:manage:bureau');
  const [params, setParams] = useSearchParamsWriter();
  const filters = readCatalogueFilters(params);
  const query = useTrainings(toCatalogueQuery(filters, manager));
  const update = (next: CatalogueFilters) =>
    setParams(writeCatalogueFilters(next), { replace: true, preventScrollReset: true });
  const filtered = hasActiveFilters(filters);

  return (
    <>
      <PageHeader title={title} lead={t('training.catalogue.lead')} />
      <TrainingNav />
      {manager ? (
        <p className="mb-6">
          <Link to="/training/new" className={primaryLinkClass}>
            {t('training.editor.new')}
          </Link>
        </p>
      ) : null}
      {!filtered && filters.page === 1 ? <Recommended /> : null}
      <section aria-labelledby="catalogue-title">
        <h2 id="catalogue-title" className={sectionTitleClass}>
          {t('training.catalogue.all')}
        </h2>
        <CatalogueFilterForm
          filters={filters}
          onChange={update}
          onClear={() => setParams(new URLSearchParams(), { replace: true })}
        />
        <QueryContent
          query={query}
          isEmpty={(p) => p.total === 0}
          empty={filtered ? t('training.catalogue.noMatch') : t('training.catalogue.empty')}
        >
          {(page) => (
            <>
              <p
                aria-live="polite"
                aria-atomic="true"
                className="mt-4 mb-4 text-std-16B-170 text-solid-gray-800"
              >
                {t('training.catalogue.count', { count: page.total })}
              </p>
              <ul className="grid gap-4 md:grid-cols-2">
                {page.items.map((training) => (
                  <li key={training.id}>
                    <CourseCard training={training} />
                  </li>
                ))}
              </ul>
              <Pager
                page={filters.page}
                pageCount={pageCountOf(page.total, PAGE_SIZE)}
                onPage={(p) => {
                  setParams(writeCatalogueFilters({ ...filters, page: p }));
                  window.scrollTo({ top: 0 });
                }}
              />
            </>
          )}
        </QueryContent>
      </section>
    </>
  );
}
