/**
 * 年度 (fiscal year): 1 April to 31 March, named by the calendar year it starts in.
 * 令和 began on 2019-05-01, so 令和N年度 = 2018 + N (令和元年度 = FY2019).
 */

const REIWA_OFFSET = 2018;

/** The fiscal year a calendar date (ISO `YYYY-MM-DD` or a Date, read in local time) falls in. */
export function fiscalYearOf(date: Date | string): number {
  const [year, month] =
    typeof date === 'string' ? date.split('-').map(Number) : [date.getFullYear(), date.getMonth() + 1];
  if (year === undefined || month === undefined || Number.isNaN(year) || Number.isNaN(month)) {
    throw new RangeError(`not a date: ${String(date)}`);
  }
  return month >= 4 ? year : year - 1;
}

/** First and last day of a fiscal year, as ISO dates. */
export function fiscalYearRange(fiscalYear: number): { from: string; to: string } {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` };
}

/** The 令和 year number of a fiscal year (FY2021 → 3); `null` before 令和. */
export function reiwaYear(fiscalYear: number): number | null {
  const n = fiscalYear - REIWA_OFFSET;
  return n >= 1 ? n : null;
}

/** `令和3年度` (`令和元年度` for the first year) or, before 令和, `2018年度`. */
export function fiscalYearLabelJa(fiscalYear: number): string {
  const n = reiwaYear(fiscalYear);
  if (n === null) return `${fiscalYear}年度`;
  return `令和${n === 1 ? '元' : n}年度`;
}

/** `FY2021` */
export function fiscalYearLabelEn(fiscalYear: number): string {
  return `FY${fiscalYear}`;
}

/** `令和3〜5年度` / `FY2021–2023` */
export function fiscalYearSpanLabel(from: number, to: number, language: 'ja' | 'en'): string {
  if (language === 'en') return `FY${from}–${to}`;
  const a = reiwaYear(from);
  const b = reiwaYear(to);
  if (a === null || b === null) return `${from}〜${to}年度`;
  return `令和${a === 1 ? '元' : a}〜${b}年度`;
}
