import type { RolloutDashboard } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate, formatFiscalYear } from '../../../shared/format/date.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { useRollout } from '../api/get-rollout.ts';
import { InitiativesTable, KpiTable, TagsTable } from '../components/plan-figures.tsx';
import { SummaryTiles, TrendTable, UnitsTable } from '../components/unit-figures.tsx';
import { readFiscalYear } from '../lib/export.ts';
import { useKpiHeadline } from '../lib/kpi-headline.ts';

/** On paper: no site header, navigation or footer (the report's own heading is no <header>); A4 margins. */
const PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
@media print {
  header, footer, nav, [data-print-hide] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  a { color: inherit; text-decoration: none; }
  section, table, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
}`;

/** `/dashboards/rollout/print?fy=`: the rollout as the annual 実績報告, laid out for printing. */
export function RolloutPrintPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = useRollout(readFiscalYear(params));
  useDocumentTitle(t('dashboards.report.title'));
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <Report d={query.data} />;
}

function Report({ d }: { d: RolloutDashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headline = useKpiHeadline(d.kpis, d.summary.achievementRate);
  const l = useLocalized();
  const year = formatFiscalYear(d.fiscalYear, language);
  const initiativeLabel = (id: string) => {
    const i = d.initiatives.find((x) => x.id === id);
    return i ? `${i.code} ${l(i.title)}` : '';
  };
  const n = (k: string, i: number) => `${i}. ${t(k)}`;
  return (
    <article className="print:text-[10.5pt]">
      <style>{PRINT_CSS}</style>
      <div data-print-hide className="mb-6 flex flex-wrap items-center gap-4">
        <Link to={`/dashboards/rollout?fy=${d.fiscalYear}`}>{t('dashboards.report.back')}</Link>
        <Button onClick={() => window.print()}>{t('dashboards.report.print')}</Button>
      </div>
      <div className="mb-8 border-b-2 border-solid-gray-900 pb-4">
        <p className="text-std-16N-170">{t('dashboards.report.issuer')}</p>
        <h1 className="text-std-28B-150">{t('dashboards.report.heading', { year })}</h1>
        <p className="mt-2 text-std-16N-170">
          {d.period ? l(d.period.name) : t('dashboards.report.noPeriod')} ·{' '}
          {t('dashboards.asOf', { date: formatDate(d.asOf, language) })}
        </p>
      </div>
      <section className="mt-6">
        <h2 className="mb-3 text-std-22B-150">{n('dashboards.report.summary', 1)}</h2>
        <p className="mb-4 max-w-prose">
          {t('dashboards.report.summaryText', {
            year,
            items: Object.values(d.summary.statusCounts).reduce((a, b) => a + b, 0),
            done: d.summary.statusCounts.done,
            delayed: d.summary.statusCounts.delayed,
          })}
          {language === 'ja' ? '' : ' '}
          {headline.summary}
        </p>
        {headline.missing ? <p className="mb-4 max-w-prose">{headline.missing}</p> : null}
        <SummaryTiles figures={d.summary} />
      </section>
      <section className="mt-8">
        <h2 className="mb-3 text-std-22B-150">{n('dashboards.sections.initiatives', 2)}</h2>
        <InitiativesTable
          caption={t('dashboards.sections.initiatives')}
          initiatives={d.initiatives}
          tags={d.tags}
        />
      </section>
      <section className="mt-8">
        <h2 className="mb-3 text-std-22B-150">{n('dashboards.sections.kpis', 3)}</h2>
        <KpiTable caption={t('dashboards.sections.kpis')} kpis={d.kpis} initiativeLabel={initiativeLabel} />
      </section>
      <section className="mt-8">
        <h2 className="mb-3 text-std-22B-150">{n('dashboards.sections.units', 4)}</h2>
        <UnitsTable caption={t('dashboards.sections.units')} units={d.units} fiscalYear={d.fiscalYear} />
      </section>
      <section className="mt-8">
        <h2 className="mb-3 text-std-22B-150">{n('dashboards.sections.tags', 5)}</h2>
        <TagsTable caption={t('dashboards.sections.tags')} tags={d.tags} />
      </section>
      <section className="mt-8">
        <h2 className="mb-3 text-std-22B-150">{n('dashboards.sections.trend', 6)}</h2>
        <TrendTable caption={t('dashboards.sections.trend')} trend={d.trend} />
      </section>
      <p className="mt-8 text-dns-14N-130">{t('dashboards.definitions')}</p>
      <p className="mt-2 text-dns-14N-130">{t('dashboards.ojt.note')}</p>
    </article>
  );
}
