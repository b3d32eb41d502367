import type { PriorityPolicy, PriorityTagCode } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { byPosition } from '../lib/by-position.ts';
import { chipShape, tagTone } from './priority-tag-chip.tsx';

/**
 * Toggle buttons (aria-pressed), one per 重点取組方針 tag. The selection lives in the URL, so the
 * filtered list can be linked to and survives a reload.
 */
export function InitiativeFilter({
  policies,
  selected,
  onToggle,
  onClear,
}: {
  policies: readonly PriorityPolicy[];
  selected: readonly PriorityTagCode[];
  onToggle: (code: PriorityTagCode) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  return (
    <fieldset className="rounded-12 border border-solid-gray-200 bg-solid-gray-50 p-4 md:p-5">
      <legend className="px-1 text-std-16B-170 text-solid-gray-900">{t('initiatives.filter.legend')}</legend>
      <p id="initiative-filter-hint" className="text-dns-14N-130 leading-170 text-solid-gray-700">
        {t('initiatives.filter.hint')}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        {byPosition(policies).map((policy) => {
          const code = policy.tag.code;
          const pressed = selected.includes(code);
          return (
            <button
              key={code}
              type="button"
              aria-pressed={pressed}
              aria-describedby="initiative-filter-hint"
              data-tag={code}
              onClick={() => onToggle(code)}
              className={`${chipShape} min-h-11 gap-2 px-4 text-dns-16B-130 ${pressed ? tagTone[code].active : tagTone[code].idle}`}
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 16 16"
                className="size-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              >
                {pressed ? <path d="M3 8.5l3 3 7-7" /> : <circle cx="8" cy="8" r="5.5" />}
              </svg>
              {l(policy.tag.label)}
            </button>
          );
        })}
        <Button
          variant="tertiary"
          onClick={onClear}
          disabled={selected.length === 0}
          className="disabled:opacity-60"
        >
          {t('initiatives.filter.clear')}
        </Button>
      </div>
    </fieldset>
  );
}
