import { fiscalYearOf } from '@portal/contracts';

/** Today on the reader's calendar, as `YYYY-MM-DD` (the default date of a session). */
export function localToday(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** This 年度 on the reader's calendar. */
export function currentFiscalYear(now = new Date()): number {
  return fiscalYearOf(localToday(now));
}

/** The first day a session may be dated: 1 April of the previous 年度 (as the API allows). */
export function earliestSessionDay(now = new Date()): string {
  return `${currentFiscalYear(now) - 1}-04-01`;
}
