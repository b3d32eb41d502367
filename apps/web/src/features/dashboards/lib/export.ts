import type { DashboardTable, Language } from '@portal/contracts';

/** Where a table (or, for Excel without a table, every table) of a dashboard downloads from. */
export function exportHref(
  base: string,
  options: { fiscalYear: number; format: 'csv' | 'xlsx'; table?: DashboardTable; lang: Language },
): string {
  const q = new URLSearchParams({
    fiscalYear: String(options.fiscalYear),
    format: options.format,
    lang: options.lang,
  });
  if (options.table) q.set('table', options.table);
  return `${base}/export?${q.toString()}`;
}

/** `?fy=2025` of the page's URL. */
export function readFiscalYear(params: URLSearchParams): number | undefined {
  const n = Number(params.get('fy'));
  return Number.isInteger(n) && n >= 2019 && n <= 2040 ? n : undefined;
}
