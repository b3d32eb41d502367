import type { PromotionBody } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { byPosition } from '../lib/by-position.ts';

/**
 * 推進体制 as an organisation chart. The markup is plain nested lists (body → roles), so it reads
 * as a list to assistive technology; the lines of the chart are drawn by CSS alone.
 */
export function PromotionChart({ bodies }: { bodies: readonly PromotionBody[] }) {
  const { t } = useTranslation();
  const l = useLocalized();
  return (
    <ul aria-label={t('promotion.chartLabel')} className="grid gap-10 lg:grid-cols-2">
      {byPosition(bodies).map((body) => (
        <li key={body.id} data-body={body.code}>
          <h2 className="rounded-8 border-2 border-blue-900 bg-blue-900 px-5 py-3 text-center text-std-20B-150 text-white">
            {l(body.name)}
          </h2>
          <ul className="ml-6">
            {byPosition(body.roles).map((role) => (
              <li
                key={role.id}
                className="relative pt-4 pl-8 before:absolute before:top-11 before:left-0 before:w-8 before:border-t-2 before:border-blue-900 after:absolute after:top-0 after:left-0 after:h-full after:border-l-2 after:border-blue-900 last:after:h-11"
              >
                <dl className="rounded-8 border-2 border-blue-200 bg-blue-50 px-4 py-3">
                  <dt className="sr-only">{t('promotion.member')}</dt>
                  <dd className="text-std-17B-170 text-solid-gray-900">{l(role.holder)}</dd>
                  <dt className="sr-only">{t('promotion.role')}</dt>
                  <dd className="text-std-16N-170 text-solid-gray-800">{l(role.title)}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
