import type { PriorityTag, PriorityTagCode } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { initiativesHref } from '../lib/filter-initiatives.ts';

/** One colour per 重点取組方針 tag, each with AA contrast; shared by the chip and the filter toggles. */
export const tagTone: Record<PriorityTagCode, { idle: string; active: string }> = {
  young: {
    idle: 'border-green-800 bg-green-50 text-green-1000',
    active: 'border-green-900 bg-green-900 text-white',
  },
  workplace: {
    idle: 'border-light-blue-900 bg-light-blue-50 text-light-blue-1100',
    active: 'border-light-blue-1000 bg-light-blue-1000 text-white',
  },
  combined: {
    idle: 'border-purple-800 bg-purple-50 text-purple-1000',
    active: 'border-purple-900 bg-purple-900 text-white',
  },
};

export const chipShape = 'inline-flex min-h-8 items-center rounded-full border px-3 py-1 text-dns-14B-130';

/** A 重点取組方針 tag (若手 / 職場 / 総合力), linking to the initiatives that carry it. */
export function PriorityTagChip({ tag }: { tag: PriorityTag }) {
  const { t } = useTranslation();
  const l = useLocalized();
  return (
    <Link
      to={initiativesHref(tag.code)}
      data-tag={tag.code}
      className={`${chipShape} ${tagTone[tag.code].idle} no-underline hover:underline`}
    >
      {l(tag.label)}
      <span className="sr-only">{t('tags.showInitiatives')}</span>
    </Link>
  );
}
