import type { Language } from '@portal/contracts';
import { formatFiscalYear } from '../../../shared/format/date.ts';

/** `令和8年度 (2026)` / `FY2026 (令和8)`: the 年度 with the other calendar beside it. */
export function fiscalYearWithWestern(fiscalYear: number, language: Language): string {
  if (language === 'en') {
    const reiwa = fiscalYear - 2018;
    return reiwa >= 1 ? `FY${fiscalYear} (Reiwa ${reiwa})` : `FY${fiscalYear}`;
  }
  return `${formatFiscalYear(fiscalYear, 'ja')} (${fiscalYear})`;
}

/** A number as the reader's locale writes it; `—` for none. */
export function num(value: number | null | undefined, language: Language, digits = 1): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
    maximumFractionDigits: digits,
  }).format(value);
}

/** A percentage, or `—`. */
export function pct(value: number | null | undefined, language: Language): string {
  return value === null || value === undefined ? '—' : `${num(value, language)}%`;
}
