import type { Language } from '@portal/contracts';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formatFiscalYear } from '../../../shared/format/date.ts';

/** `令和8年度 (2026)` / `FY2026`: the 年度 with its Western year, as pickers and tables show it. */
export function fiscalYearWithWestern(fiscalYear: number, language: Language): string {
  return language === 'en'
    ? formatFiscalYear(fiscalYear, 'en')
    : `${formatFiscalYear(fiscalYear, 'ja')} (${fiscalYear})`;
}

/** The 年度 of a period, first to last. */
export function yearsOf(period: { startFiscalYear: number; endFiscalYear: number }): number[] {
  const years: number[] = [];
  for (let fy = period.startFiscalYear; fy <= period.endFiscalYear; fy++) years.push(fy);
  return years;
}

/** A number as the reader's locale writes it; `—` for none. */
export function formatNumber(value: number | null | undefined, language: Language, digits = 1): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
    maximumFractionDigits: digits,
  }).format(value);
}

/** A stale version: someone saved first (the page then shows what is stored now). */
/** Someone saved first (a stale version) — not every 409: an overlapping period says its own cause. */
export function isConflict(error: unknown): boolean {
  return (
    isApiError(error) &&
    error.status === 409 &&
    ['version_conflict', 'stale_version', 'conflict'].includes(error.code)
  );
}
