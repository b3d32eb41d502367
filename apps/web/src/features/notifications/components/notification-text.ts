import type { Notification } from '@portal/contracts';
import type { TFunction } from 'i18next';

/**
 * The notification's sentence in the reader's language: names and titles in English where the
 * notification carries them (`nameEn`, `titleEn`), dates in the reader's format.
 */
export function notificationText(
  t: TFunction,
  n: Pick<Notification, 'kind' | 'params'>,
  language: 'ja' | 'en',
  formatDate: (iso: string) => string,
): string {
  const p = n.params;
  const pick = (key: string) => String((language === 'en' && p[`${key}En`]) || p[key] || '');
  return t(`notifications.kinds.${n.kind.replaceAll('.', '_')}`, {
    defaultValue: t('notifications.kinds.other'),
    name: pick('name'),
    title: pick('title'),
    fiscalYear: p.fiscalYear ?? '',
    total: p.count ?? '',
    capacity: p.capacity ?? '',
    date: typeof p.date === 'string' ? formatDate(p.date) : '',
    since: typeof p.since === 'string' ? formatDate(p.since) : '',
    startsAt: typeof p.startsAt === 'string' ? formatDate(p.startsAt) : '',
    closesOn: typeof p.closesOn === 'string' ? formatDate(p.closesOn) : '',
    decision: t(`notifications.decision.${p.decision === 'approved' ? 'approved' : 'declined'}`),
  });
}
