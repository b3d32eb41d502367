import type { Language } from '@portal/contracts';
import { formatDate } from '../../../shared/format/date.ts';

/** The punctuation of each language: `（…）・：・、・／・〜` in Japanese, `(…) : , / –` in English. */
export function punct(language: Language) {
  return language === 'en'
    ? { open: ' (', close: ')', colon: ': ', list: ', ', slash: ' / ', range: ' – ' }
    : { open: '（', close: '）', colon: '：', list: '、', slash: '／', range: '〜' };
}

const time = new Intl.DateTimeFormat('ja-JP', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' });

/** The calendar day in Japan of an instant, as `YYYY-MM-DD`. */
export function japanDay(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(instant));
}

/**
 * A session's dates for the reader: `令和8年12月17日 9:30〜17:00` for one day,
 * `令和8年4月7日〜令和8年4月9日` for several.
 */
export function formatSessionDates(startsAt: string, endsAt: string, language: Language): string {
  const first = japanDay(startsAt);
  const last = japanDay(endsAt);
  const { range } = punct(language);
  if (first === last) {
    return `${formatDate(first, language)} ${time.format(new Date(startsAt))}${range}${time.format(new Date(endsAt))}`;
  }
  return `${formatDate(first, language)}${range}${formatDate(last, language)}`;
}

/** `YYYY-MM-DDTHH:mm` in Japan, for a `datetime-local` input. */
export function toLocalInput(instant: string): string {
  const d = new Date(instant);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** A `datetime-local` value read as Japan time, as an ISO instant with its offset. */
export function fromLocalInput(value: string): string {
  return `${value}:00+09:00`;
}

/** Today in Japan, as `YYYY-MM-DD`. */
export function todayInJapan(now = new Date()): string {
  return japanDay(now.toISOString());
}
