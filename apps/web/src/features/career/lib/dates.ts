import { fiscalYearOf, type Language } from '@portal/contracts';
import { formatDate } from '../../../shared/format/date.ts';

/** The 年度 of today, in the reader's (the city's) time zone. */
export const currentFiscalYear = (now = new Date()) => fiscalYearOf(now);

/** An instant (`2026-06-15T01:00:00Z`) as the reader's calendar day: `令和8年6月15日`. */
export const formatInstant = (iso: string, language: Language) => formatDate(new Date(iso), language);
