import type { PolicyArea, PriorityPolicy } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { byPosition } from '../lib/by-position.ts';
import { countInitiativesWithTag, initiativesHref } from '../lib/filter-initiatives.ts';
import { PriorityTagChip } from './priority-tag-chip.tsx';

export function PriorityPolicyList({
  policies,
  areas,
}: {
  policies: readonly PriorityPolicy[];
  areas: readonly PolicyArea[];
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  return (
    <ol className="space-y-6">
      {byPosition(policies).map((policy, index) => (
        <li key={policy.id} className="rounded-12 border border-solid-gray-200 bg-white p-5 md:p-6">
          <div className="flex flex-wrap items-start gap-3">
            <h2 className="flex-1 text-std-20B-150 text-solid-gray-900 md:text-std-22B-150">
              <span className="mr-2 text-blue-900">{index + 1}.</span>
              {l(policy.title)}
            </h2>
            <p className="flex items-center gap-2 text-dns-14N-130 text-solid-gray-700">
              <span>{t('priorities.tag')}</span>
              <PriorityTagChip tag={policy.tag} />
            </p>
          </div>
          {policy.focusItems.length > 0 ? (
            <>
              <h3 className="sr-only">{t('priorities.focusItems')}</h3>
              <ul className="list-diamond mt-4 space-y-2 pl-6 text-std-16N-170 marker:text-blue-900">
                {byPosition(policy.focusItems).map((item) => (
                  <li key={item.id} className="pl-1">
                    {l(item.text)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="mt-4">
            <Link to={initiativesHref(policy.tag.code)} className="text-std-16B-170">
              {t('priorities.viewInitiatives', {
                tag: l(policy.tag.label),
                n: countInitiativesWithTag(areas, policy.tag.code),
              })}
            </Link>
          </p>
        </li>
      ))}
    </ol>
  );
}
