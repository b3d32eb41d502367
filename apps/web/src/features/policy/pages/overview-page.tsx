import { useTranslation } from 'react-i18next';
import { formatFiscalYearSpan } from '../../../shared/format/date.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { WelcomeSection } from '../../home/components/welcome-section.tsx';
import { usePolicy } from '../api/get-policy.ts';
import { PlanPeriodList } from '../components/plan-period-list.tsx';
import { SectionCards } from '../components/section-cards.tsx';

export function OverviewPage() {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const query = usePolicy();
  const policy = query.data;
  useDocumentTitle(policy ? l(policy.title) : t('overview.title'));

  return (
    <>
      <PageHeader
        title={policy ? l(policy.title) : t('overview.title')}
        lead={
          policy ? (
            <span
              data-testid="policy-revision"
              className="inline-block rounded-full border border-blue-900 bg-blue-50 px-3 py-0.5 text-dns-14B-130 text-blue-1000"
            >
              {l(policy.revision)}
            </span>
          ) : undefined
        }
      />
      <WelcomeSection />
      <QueryContent query={query}>
        {(data) => (
          <>
            <div className="max-w-prose space-y-4 text-std-16N-175">
              {data.summary.map((paragraph) => (
                <p key={paragraph.ja}>{l(paragraph)}</p>
              ))}
            </div>

            <section aria-labelledby="policy-facts" className="mt-10 rounded-12 bg-solid-gray-50 p-5 md:p-6">
              <h2 id="policy-facts" className="text-std-22B-150 text-solid-gray-900">
                {t('overview.facts')}
              </h2>
              <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
                <dt className="text-std-16B-170">{t('overview.period')}</dt>
                <dd className="text-std-16N-170" data-testid="policy-period">
                  {t('overview.periodValue', {
                    span: formatFiscalYearSpan(
                      data.period.startFiscalYear,
                      data.period.endFiscalYear,
                      language,
                    ),
                    count: data.period.endFiscalYear - data.period.startFiscalYear + 1,
                  })}
                </dd>
              </dl>
              <h3 className="mt-6 mb-3 text-std-18B-160 text-solid-gray-900">{t('overview.planPeriods')}</h3>
              <PlanPeriodList periods={data.planPeriods} />
              <p className="mt-3 text-std-16N-170 text-solid-gray-700">{l(data.planCycleNote)}</p>
            </section>

            <section aria-labelledby="policy-sections" className="mt-10">
              <h2 id="policy-sections" className="mb-4 text-std-22B-150 text-solid-gray-900">
                {t('overview.sections')}
              </h2>
              <SectionCards />
            </section>
          </>
        )}
      </QueryContent>
    </>
  );
}
