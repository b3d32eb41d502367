import type { RolloutDashboard } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { formatList } from '../../../shared/format/list.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { useRollout } from '../api/get-rollout.ts';
import { FigureSection } from '../components/figure-section.tsx';
import { FiscalYearPicker } from '../components/fiscal-year-picker.tsx';
import {
  InitiativesChart,
  InitiativesTable,
  KpiChart,
  KpiTable,
  TagsChart,
  TagsTable,
} from '../components/plan-figures.tsx';
import { SummaryTiles, TrendChart, TrendTable, UnitsChart, UnitsTable } from '../components/unit-figures.tsx';
import { exportHref, readFiscalYear } from '../lib/export.ts';
import { fiscalYearWithWestern, num, pct } from '../lib/format.ts';
import { useKpiHeadline } from '../lib/kpi-headline.ts';

const BASE = '/api/dashboards/rollout';

/** `/dashboards/rollout?fy=`: the city-wide rollout for the 推進本部 and HR. */
export function RolloutPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = useRollout(readFiscalYear(params));
  useDocumentTitle(t('dashboards.rollout.title'));
  // The page's h1 comes first, whatever state the figures are in.
  return (
    <>
      <PageHeader title={t('dashboards.rollout.title')} lead={t('dashboards.rollout.lead')} />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <RolloutView d={query.data} />
      )}
    </>
  );
}

function RolloutView({ d }: { d: RolloutDashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const fy = fiscalYearWithWestern(d.fiscalYear, language);
  const headline = useKpiHeadline(d.kpis, d.summary.achievementRate);
  const kpiSummary = [headline.summary, headline.missing].filter(Boolean).join(language === 'ja' ? '' : ' ');
  const initiativeLabel = (id: string) => {
    const i = d.initiatives.find((x) => x.id === id);
    return i ? `${i.code} ${l(i.title)}` : '';
  };
  const best = [...d.units]
    .filter((u) => u.staff > 0)
    .sort((a, b) => (b.ojtCoverage ?? 0) - (a.ojtCoverage ?? 0))[0];
  const lastTwo = d.trend.slice(-2);
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <FiscalYearPicker years={d.fiscalYears} value={d.fiscalYear} />
        <div className="flex flex-wrap gap-3">
          <Link to={`/dashboards/rollout/print?fy=${d.fiscalYear}`}>{t('dashboards.rollout.print')}</Link>
          <a href={exportHref(BASE, { fiscalYear: d.fiscalYear, format: 'xlsx', lang: language })} download>
            {t('dashboards.export.allXlsx')}
          </a>
        </div>
      </div>
      <p className="mb-4 text-dns-14N-130 text-solid-gray-700">
        {d.period
          ? t('dashboards.rollout.period', { period: l(d.period.name), year: fy })
          : t('dashboards.rollout.noPeriod', { year: fy })}{' '}
        {t('dashboards.asOf', { date: formatDate(d.asOf, language) })}
      </p>
      <SummaryTiles
        figures={d.summary}
        extra={[
          { label: t('dashboards.plan.achievement'), value: pct(d.summary.achievementRate, language) },
          {
            label: t('dashboards.plan.itemsDone'),
            value: `${num(d.summary.statusCounts.done, language, 0)} / ${num(
              Object.values(d.summary.statusCounts).reduce((a, b) => a + b, 0),
              language,
              0,
            )}`,
          },
        ]}
      />

      <FigureSection
        title={t('dashboards.sections.initiatives')}
        summary={t('dashboards.summaries.initiatives', {
          done: d.summary.statusCounts.done,
          inProgress: d.summary.statusCounts.in_progress,
          delayed: d.summary.statusCounts.delayed,
        })}
        chart={<InitiativesChart initiatives={d.initiatives} />}
        table={
          <InitiativesTable
            caption={t('dashboards.sections.initiatives')}
            initiatives={d.initiatives}
            tags={d.tags}
          />
        }
        exportBase={BASE}
        tableKey="initiatives"
        fiscalYear={d.fiscalYear}
      />
      <FigureSection
        title={t('dashboards.sections.kpis')}
        summary={kpiSummary}
        chart={<KpiChart kpis={d.kpis} />}
        table={
          <KpiTable
            caption={t('dashboards.sections.kpis')}
            kpis={d.kpis}
            initiativeLabel={initiativeLabel}
            itemHref={(k) => (d.period ? `/plan/periods/${d.period.id}/items/${k.itemId}` : null)}
          />
        }
        exportBase={BASE}
        tableKey="kpis"
        fiscalYear={d.fiscalYear}
      />
      <FigureSection
        title={t('dashboards.sections.units')}
        summary={
          best
            ? t('dashboards.summaries.units', {
                unit: best.unit ? l(best.unit.name) : '',
                rate: pct(best.ojtCoverage, language),
              })
            : t('dashboards.summaries.noStaff')
        }
        chart={<UnitsChart units={d.units} />}
        table={
          <UnitsTable caption={t('dashboards.sections.units')} units={d.units} fiscalYear={d.fiscalYear} />
        }
        exportBase={BASE}
        tableKey="units"
        fiscalYear={d.fiscalYear}
      />
      <FigureSection
        title={t('dashboards.sections.tags')}
        summary={`${t('dashboards.summaries.tags', {
          list: formatList(
            d.tags.map((x) => `${l(x.label)} ${x.itemCount}`),
            language,
          ),
        })}${t('dashboards.summaries.tagsOjt', {
          list: formatList(
            d.tags.map((x) => `${l(x.label)} ${num(x.ojtSessions, language)}`),
            language,
          ),
        })}`}
        chart={<TagsChart tags={d.tags} />}
        table={<TagsTable caption={t('dashboards.sections.tags')} tags={d.tags} />}
        exportBase={BASE}
        tableKey="tags"
        fiscalYear={d.fiscalYear}
      />
      <FigureSection
        title={t('dashboards.sections.trend')}
        summary={
          lastTwo.length === 2
            ? t('dashboards.summaries.trend', {
                from: pct(lastTwo[0]?.ojtCoverage, language),
                to: pct(lastTwo[1]?.ojtCoverage, language),
              })
            : t('dashboards.summaries.trendShort')
        }
        chart={<TrendChart trend={d.trend} />}
        table={<TrendTable caption={t('dashboards.sections.trend')} trend={d.trend} />}
        exportBase={BASE}
        tableKey="trend"
        fiscalYear={d.fiscalYear}
      />
      <p className="mt-10 text-dns-14N-130 text-solid-gray-700">{t('dashboards.definitions')}</p>
      <p className="mt-2 text-dns-14N-130 text-solid-gray-700">{t('dashboards.ojt.note')}</p>
    </>
  );
}
