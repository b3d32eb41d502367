import type { PolicyLinks, PriorityTagCode } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { initiativesHref } from '../lib/filter-initiatives.ts';
import { chipShape, tagTone } from './priority-tag-chip.tsx';

const isTag = (code: string): code is PriorityTagCode => code in tagTone;

/**
 * A record's link to the policy, as chips that lead to the policy pages: its 目指す職員像, its
 * initiatives (主な取組) and the 重点取組方針 tags those carry. Renders nothing when there are no links.
 */
export function PolicyLinkChips({ links, className = '' }: { links: PolicyLinks; className?: string }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const tags = links.tagCodes.filter(isTag);
  if (!links.staffImages.length && !links.initiatives.length && !tags.length) return null;
  return (
    <ul className={`flex flex-wrap gap-2 ${className}`} aria-label={t('policyLinks.label')}>
      {links.staffImages.map((image) => (
        <li key={image.id}>
          <Link
            to={`/policy/staff-images#staff-image-${image.code}`}
            className={`${chipShape} border-solid-gray-600 bg-white text-solid-gray-900 no-underline hover:underline`}
          >
            <span className="sr-only">{t('policyLinks.staffImage')}: </span>
            {l(image.title)}
          </Link>
        </li>
      ))}
      {links.initiatives.map((initiative) => (
        <li key={initiative.id}>
          <Link
            to={`/policy/initiatives#initiative-${initiative.code}`}
            className={`${chipShape} border-blue-900 bg-blue-50 text-blue-1100 no-underline hover:underline`}
          >
            <span className="sr-only">{t('policyLinks.initiative')}: </span>
            {l(initiative.title)}
          </Link>
        </li>
      ))}
      {tags.map((code) => (
        <li key={code}>
          <Link
            to={initiativesHref(code)}
            data-tag={code}
            className={`${chipShape} ${tagTone[code].idle} no-underline hover:underline`}
          >
            <span className="sr-only">{t('policyLinks.tag')}: </span>
            {t(`policyLinks.tags.${code}`)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
