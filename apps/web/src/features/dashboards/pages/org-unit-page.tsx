import type { OrgUnitDashboard } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formatDate } from '../../../shared/format/date.ts';
import { formatList } from '../../../shared/format/list.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { useOrgUnitDashboard } from '../api/get-org-unit-dashboard.ts';
import { DataTable } from '../components/data-table.tsx';
import { ExportLinks, FigureSection } from '../components/figure-section.tsx';
import { FiscalYearPicker } from '../components/fiscal-year-picker.tsx';
import { KpiTable, TagOjtChart, TagOjtTable } from '../components/plan-figures.tsx';
import { SummaryTiles, TrendChart, TrendTable, UnitsChart, UnitsTable } from '../components/unit-figures.tsx';
import { exportHref, readFiscalYear } from '../lib/export.ts';
import { fiscalYearWithWestern, num, pct } from '../lib/format.ts';

/** `/dashboards/org-units/:id?fy=`: one unit's figures, with its children to drill down to 部・課・係. */
export function OrgUnitDashboardPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = useOrgUnitDashboard(id, readFiscalYear(params));
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
      return <PageHeader title={t('dashboards.unit.notFound')} lead={t('dashboards.unit.notFoundBody')} />;
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <OrgUnitView d={query.data} />;
}

function OrgUnitView({ d }: { d: OrgUnitDashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const base = `/api/dashboards/org-units/${d.unit.id}`;
  const fy = fiscalYearWithWestern(d.fiscalYear, language);
  useDocumentTitle(t('dashboards.unit.title', { unit: l(d.unit.name) }));
  const withChildren = d.children.filter((c) => c.staff > 0);
  return (
    <>
      <nav aria-label={t('dashboards.unit.breadcrumb')} className="mb-3">
        <ol className="flex flex-wrap gap-2 text-dns-14N-130">
          {d.canReadRollout ? (
            <li>
              <Link to={`/dashboards/rollout?fy=${d.fiscalYear}`}>{t('dashboards.rollout.short')}</Link>
              <span aria-hidden="true"> ›</span>
            </li>
          ) : null}
          {d.path.map((u, i) =>
            i === d.path.length - 1 ? (
              <li key={u.id} aria-current="page">
                {l(u.name)}
              </li>
            ) : (
              <li key={u.id}>
                <Link to={`/dashboards/org-units/${u.id}?fy=${d.fiscalYear}`}>{l(u.name)}</Link>
                <span aria-hidden="true"> ›</span>
              </li>
            ),
          )}
        </ol>
      </nav>
      <PageHeader
        title={t('dashboards.unit.title', { unit: l(d.unit.name) })}
        lead={t('dashboards.unit.lead')}
      />
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <FiscalYearPicker years={d.fiscalYears} value={d.fiscalYear} />
        <a href={exportHref(base, { fiscalYear: d.fiscalYear, format: 'xlsx', lang: language })} download>
          {t('dashboards.export.allXlsx')}
        </a>
      </div>
      <p className="mb-4 text-dns-14N-130 text-solid-gray-700">
        {fy} · {t('dashboards.asOf', { date: formatDate(d.asOf, language) })}
      </p>
      <SummaryTiles figures={d.summary} />
      {d.children.length ? (
        <FigureSection
          title={t('dashboards.unit.children')}
          summary={t('dashboards.summaries.children', {
            count: withChildren.length,
            rate: pct(d.summary.ojtCoverage, language),
          })}
          chart={<UnitsChart units={d.children} />}
          table={
            <UnitsTable
              caption={t('dashboards.unit.children')}
              units={d.children}
              fiscalYear={d.fiscalYear}
            />
          }
          exportBase={base}
          tableKey="units"
          fiscalYear={d.fiscalYear}
        />
      ) : (
        <EmptyState>{t('dashboards.unit.noChildren')}</EmptyState>
      )}
      <FigureSection
        title={t('dashboards.sections.tagsOjt')}
        summary={
          d.tags.some((x) => x.ojtSessions > 0)
            ? t('dashboards.summaries.tagsOjt', {
                list: formatList(
                  d.tags.map((x) => `${l(x.label)} ${num(x.ojtSessions, language)}`),
                  language,
                ),
              })
            : t('dashboards.summaries.tagsOjtNone')
        }
        chart={<TagOjtChart tags={d.tags} />}
        table={
          <>
            <TagOjtTable caption={t('dashboards.sections.tagsOjt')} tags={d.tags} />
            <p className="mt-2 text-dns-14N-130 text-solid-gray-700">{t('dashboards.ojt.note')}</p>
          </>
        }
        exportBase={base}
        tableKey="tags"
        fiscalYear={d.fiscalYear}
      />
      <FigureSection
        title={t('dashboards.sections.trend')}
        summary={t('dashboards.summaries.trendUnit', { unit: l(d.unit.name) })}
        chart={<TrendChart trend={d.trend} />}
        table={<TrendTable caption={t('dashboards.sections.trend')} trend={d.trend} />}
        exportBase={base}
        tableKey="trend"
        fiscalYear={d.fiscalYear}
      />
      <section className="mt-10" aria-labelledby="unit-kpis">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="unit-kpis" className="text-std-22B-150">
            {t('dashboards.unit.kpis')}
          </h2>
          <ExportLinks base={base} table="kpis" fiscalYear={d.fiscalYear} title={t('dashboards.unit.kpis')} />
        </div>
        {d.kpis.length ? (
          <KpiTable
            caption={t('dashboards.unit.kpis')}
            kpis={d.kpis}
            itemHref={(k) => (d.period ? `/plan/periods/${d.period.id}/items/${k.itemId}` : null)}
          />
        ) : (
          <EmptyState>{t('dashboards.unit.noKpis')}</EmptyState>
        )}
      </section>
      <section className="mt-10" aria-labelledby="unit-items">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="unit-items" className="text-std-22B-150">
            {t('dashboards.unit.items')}
          </h2>
          <ExportLinks
            base={base}
            table="initiatives"
            fiscalYear={d.fiscalYear}
            title={t('dashboards.unit.items')}
          />
        </div>
        {d.items.length ? (
          <DataTable
            caption={t('dashboards.unit.items')}
            rows={d.items}
            rowKey={(i) => i.id}
            columns={[
              { key: 'code', label: t('dashboards.plan.initiative'), cell: (i) => i.initiativeCode },
              {
                key: 'title',
                label: t('dashboards.plan.item'),
                rowHeader: true,
                cell: (i) =>
                  d.period ? (
                    <Link to={`/plan/periods/${d.period.id}/items/${i.id}`}>{l(i.title)}</Link>
                  ) : (
                    l(i.title)
                  ),
              },
              {
                key: 'status',
                label: t('dashboards.plan.status'),
                cell: (i) => t(`plan.itemStatus.${i.status}`),
              },
            ]}
          />
        ) : (
          <EmptyState>{t('dashboards.unit.noItems')}</EmptyState>
        )}
      </section>
    </>
  );
}
