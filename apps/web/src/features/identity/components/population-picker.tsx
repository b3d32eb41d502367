import type { PopulationCount } from '@portal/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { checkboxRowClass, hintClass, labelClass, panelClass } from '../../../shared/ui/form-styles.ts';
import { useGrades } from '../api/get-grades.ts';
import { useOrgUnits } from '../api/get-org-units.ts';

export type PopulationChoice = { bureauIds: string[]; gradeIds: string[] };

const toggle = (list: string[], id: string) =>
  list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

/**
 * Who a round is for: the 局・区 and the grades (none chosen: everyone), and — as it changes — how many
 * people that is, read from the API by the round's own rule. `children` adds conditions of the round's
 * own (the survey's 若手) and field messages; `count` is the feature's head-count query.
 */
export function PopulationPicker({
  legend,
  hint,
  value,
  onChange,
  count,
  disabled,
  children,
}: {
  legend: string;
  hint: string;
  value: PopulationChoice;
  onChange: (next: PopulationChoice) => void;
  count: UseQueryResult<PopulationCount>;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const local = useLocalized();
  const id = useId();
  const units = useOrgUnits();
  const grades = useGrades();
  const bureaus = (units.data?.items ?? []).filter((u) => u.kind === 'bureau' || u.kind === 'ward');
  return (
    <fieldset className={panelClass} disabled={disabled} aria-describedby={`${id}-hint ${id}-count`}>
      <legend className={labelClass}>{legend}</legend>
      <p id={`${id}-hint`} className={hintClass}>
        {hint}
      </p>
      <details className="mt-2">
        <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170">
          {t('identity.population.bureausChosen', { count: value.bureauIds.length })}
        </summary>
        <div className="grid sm:grid-cols-2">
          {bureaus.map((u) => (
            <label key={u.id} className={checkboxRowClass}>
              <input
                type="checkbox"
                className="mt-1 size-5 shrink-0"
                checked={value.bureauIds.includes(u.id)}
                onChange={() => onChange({ ...value, bureauIds: toggle(value.bureauIds, u.id) })}
              />
              {local(u.name)}
            </label>
          ))}
        </div>
      </details>
      <details>
        <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170">
          {t('identity.population.gradesChosen', { count: value.gradeIds.length })}
        </summary>
        <div className="grid sm:grid-cols-2">
          {(grades.data?.items ?? []).map((g) => (
            <label key={g.id} className={checkboxRowClass}>
              <input
                type="checkbox"
                className="mt-1 size-5 shrink-0"
                checked={value.gradeIds.includes(g.id)}
                onChange={() => onChange({ ...value, gradeIds: toggle(value.gradeIds, g.id) })}
              />
              {local(g.name)}
            </label>
          ))}
        </div>
      </details>
      {children}
      <p
        id={`${id}-count`}
        aria-live="polite"
        className="mt-2 text-std-16B-170"
        data-testid="population-count"
      >
        <HeadCount count={count} />
      </p>
    </fieldset>
  );
}

/** 「対象者: 12人」, or that it is being counted, or that it could not be. */
export function HeadCount({ count }: { count: UseQueryResult<PopulationCount> }) {
  const { t } = useTranslation();
  if (count.isError && !count.data) return <>{t('identity.population.countFailed')}</>;
  if (!count.data) return <>{t('identity.population.counting')}</>;
  return <>{t('identity.population.headCount', { count: count.data.count })}</>;
}
