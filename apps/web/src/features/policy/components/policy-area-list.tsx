import type { Initiative, PolicyArea } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { byPosition } from '../lib/by-position.ts';
import { PriorityTagChip } from './priority-tag-chip.tsx';

function InitiativeCard({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const l = useLocalized();
  return (
    <li
      id={`initiative-${initiative.code}`}
      className="flex scroll-mt-24 flex-col rounded-12 border border-solid-gray-200 bg-white p-4 md:p-5"
      data-initiative={initiative.code}
    >
      <h4 className="text-std-17B-170 text-solid-gray-900">
        <span className="mr-1 text-blue-900">{initiative.marker}</span>
        {l(initiative.title)}
      </h4>
      <dl className="mt-2 flex-1 text-std-16N-170">
        <dt className="text-dns-14B-130 text-solid-gray-700">{t('initiatives.exampleAction')}</dt>
        <dd className="mt-1">
          {l(initiative.exampleAction)}
          <span className="ml-1 text-solid-gray-700">{t('initiatives.exampleSuffix')}</span>
        </dd>
      </dl>
      {initiative.tags.length > 0 ? (
        <div className="mt-3">
          <p className="sr-only">{t('initiatives.tags')}</p>
          <ul className="flex flex-wrap gap-2">
            {initiative.tags.map((tag) => (
              <li key={tag.code}>
                <PriorityTagChip tag={tag} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}

/**
 * The 施策分野 with their initiatives. `numbers` gives each area its number in the whole policy,
 * which stays the same when a filter hides some areas.
 */
export function PolicyAreaList({
  areas,
  numbers,
}: {
  areas: readonly PolicyArea[];
  numbers: ReadonlyMap<string, number>;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  return (
    <div className="space-y-10">
      {byPosition(areas).map((area) => (
        <section key={area.id} aria-labelledby={`area-${area.id}`}>
          <h2 id={`area-${area.id}`} className="text-std-22B-150 text-solid-gray-900 md:text-std-24B-150">
            <span className="mr-2 text-blue-900">({numbers.get(area.id) ?? area.position})</span>
            {l(area.title)}
          </h2>
          <p className="mt-3 max-w-prose text-std-16N-170">{l(area.description)}</p>
          <h3 className="mt-5 mb-3 text-std-17B-170 text-solid-gray-800">
            {t('initiatives.mainInitiatives')}
          </h3>
          <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {byPosition(area.initiatives).map((initiative) => (
              <InitiativeCard key={initiative.id} initiative={initiative} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
