import { fiscalYearLabelEn, fiscalYearLabelJa, fiscalYearSpanLabel, type Language } from '@portal/contracts';

/**
 * Reads an ISO date (`2026-04-01`) as that calendar day, or a Date as its local calendar day, and
 * returns it as midnight UTC, so formatting never shifts it by the time zone.
 */
function toUtcDay(date: Date | string): Date {
  if (typeof date === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    if (!match) throw new RangeError(`not an ISO date: ${date}`);
    return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  }
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid date');
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
}

const japaneseEraDate = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

const englishDate = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/**
 * A calendar date for the reader: `令和8年4月1日` (和暦, with 元年 for an era's first year) in
 * Japanese, `1 April 2026` in English.
 */
export function formatDate(date: Date | string, language: Language): string {
  const day = toUtcDay(date);
  if (language === 'en') return englishDate.format(day);
  // Engines differ on the first year of an era (`1年` or `元年`); official documents write 元年.
  return japaneseEraDate
    .formatToParts(day)
    .map((part) => (part.type === 'year' && part.value === '1' ? '元' : part.value))
    .join('');
}

/** `令和3年度` / `FY2021` */
export function formatFiscalYear(fiscalYear: number, language: Language): string {
  return language === 'en' ? fiscalYearLabelEn(fiscalYear) : fiscalYearLabelJa(fiscalYear);
}

/** `令和3〜12年度` / `FY2021–2030`; a single year when both ends are the same. */
export function formatFiscalYearSpan(from: number, to: number, language: Language): string {
  if (from === to) return formatFiscalYear(from, language);
  return fiscalYearSpanLabel(from, to, language);
}

const timeOfDay = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Asia/Tokyo',
});
const japanDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' });

/**
 * An instant as the city reads it, in Japan time: `令和8年6月15日 10:05` in Japanese, `15 June 2026
 * 10:05` in English.
 */
export function formatDateTime(instant: Date | string, language: Language): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new RangeError('invalid instant');
  return `${formatDate(japanDay.format(at), language)} ${timeOfDay.format(at)}`;
}
