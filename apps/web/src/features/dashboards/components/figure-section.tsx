import type { DashboardTable } from '@portal/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { exportHref } from '../lib/export.ts';

const linkClass =
  'inline-flex min-h-11 items-center rounded-8 border-2 border-blue-900 bg-white px-3 py-1 text-oln-16B-100 text-blue-900 no-underline hover:bg-blue-50';

/** CSV and Excel downloads of one table. */
export function ExportLinks({
  base,
  table,
  fiscalYear,
  title,
}: {
  base: string;
  table: DashboardTable;
  fiscalYear: number;
  title: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      <a
        className={linkClass}
        href={exportHref(base, { fiscalYear, format: 'csv', table, lang })}
        aria-label={`${t('dashboards.export.csv')}: ${title}`}
        download
      >
        {t('dashboards.export.csv')}
      </a>
      <a
        className={linkClass}
        href={exportHref(base, { fiscalYear, format: 'xlsx', table, lang })}
        aria-label={`${t('dashboards.export.xlsx')}: ${title}`}
        download
      >
        {t('dashboards.export.xlsx')}
      </a>
    </div>
  );
}

/**
 * One figure of a dashboard: a heading, the chart (an image to assistive technology, described by
 * its summary), the table with the same numbers beside it, and the table's CSV and Excel downloads.
 */
export function FigureSection({
  title,
  summary,
  chart,
  table,
  exportBase,
  tableKey,
  fiscalYear,
}: {
  title: string;
  summary: string;
  chart: ReactNode;
  table: ReactNode;
  exportBase: string;
  tableKey: DashboardTable;
  fiscalYear: number;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="mt-10 break-inside-avoid" data-table={tableKey}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={id} className="text-std-22B-150 text-solid-gray-900">
          {title}
        </h2>
        <ExportLinks base={exportBase} table={tableKey} fiscalYear={fiscalYear} title={title} />
      </div>
      <div className="mt-4 grid gap-6">
        <figure className="min-w-0 max-w-4xl print:hidden">
          <div role="img" aria-label={summary} className="h-72 w-full">
            {chart}
          </div>
          <figcaption className="mt-2 text-dns-14N-130 text-solid-gray-700">{summary}</figcaption>
        </figure>
        <div className="min-w-0">{table}</div>
      </div>
    </section>
  );
}
