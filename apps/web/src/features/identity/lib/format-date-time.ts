import type { Language } from '@portal/contracts';
import { formatDate } from '../../../shared/format/date.ts';

const TIME_ZONE = 'Asia/Tokyo';
const tokyoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });
const tokyoTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * A moment as the city reads it (Japan time): `令和8年4月1日 09:05:30` in Japanese (和暦),
 * `1 April 2026, 09:05:30` in English.
 */
export function formatDateTime(iso: string, language: Language): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) throw new RangeError(`not a date-time: ${iso}`);
  const day = formatDate(tokyoDay.format(moment), language);
  const time = tokyoTime.format(moment);
  return language === 'en' ? `${day}, ${time}` : `${day} ${time}`;
}

/** The ISO moments that bound a day in Japan time: the audit log's `from` and `to` for a date field. */
export function dayBounds(date: string): { from: string; to: string } {
  return { from: `${date}T00:00:00.000+09:00`, to: `${date}T23:59:59.999+09:00` };
}
