import { type PriorityTagCode, TrainingKind } from '@portal/contracts';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFiscalYear } from '../../../shared/format/date.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { usePolicy } from '../../policy/api/get-policy.ts';
import { useTrainingOptions } from '../api/get-trainings.ts';
import type { CatalogueFilters } from '../lib/catalogue-filters.ts';
import { inputClass, labelClass, panelClass, selectClass } from './styles.ts';

/**
 * The catalogue's filters: text, kind, grade, initiative, 重点取組方針 tag and 年度. Selects apply at
 * once; the text applies on submit (Enter), so typing does not fetch on every key.
 */
export function CatalogueFilterForm({
  filters,
  onChange,
  onClear,
}: {
  filters: CatalogueFilters;
  onChange: (next: CatalogueFilters) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const id = useId();
  const options = useTrainingOptions();
  const policy = usePolicy();
  const [q, setQ] = useState(filters.q);
  // the URL is the truth: back/forward and "clear" bring the text with them
  useEffect(() => setQ(filters.q), [filters.q]);
  const set = (patch: Partial<CatalogueFilters>) => onChange({ ...filters, ...patch, page: 1 });

  return (
    <search aria-label={t('training.filters.label')}>
      <form
        className={panelClass}
        onSubmit={(e) => {
          e.preventDefault();
          set({ q });
        }}
      >
        <div className="grid gap-4 md:grid-cols-3">
          <div className="md:col-span-3">
            <label htmlFor={`${id}-q`} className={labelClass}>
              {t('training.filters.q')}
            </label>
            <div className="flex gap-2">
              <input
                id={`${id}-q`}
                type="search"
                className={inputClass}
                value={q}
                maxLength={100}
                onChange={(e) => setQ(e.target.value)}
                placeholder={t('training.filters.qPlaceholder')}
              />
              <Button type="submit" className="mt-1 shrink-0">
                {t('training.filters.search')}
              </Button>
            </div>
          </div>
          <div>
            <label htmlFor={`${id}-kind`} className={labelClass}>
              {t('training.fields.kind')}
            </label>
            <select
              id={`${id}-kind`}
              className={selectClass}
              value={filters.kind}
              onChange={(e) => set({ kind: e.target.value as CatalogueFilters['kind'] })}
            >
              <option value="">{t('training.filters.any')}</option>
              {TrainingKind.options.map((k) => (
                <option key={k} value={k}>
                  {t(`training.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-grade`} className={labelClass}>
              {t('training.filters.grade')}
            </label>
            <select
              id={`${id}-grade`}
              className={selectClass}
              value={filters.gradeId}
              onChange={(e) => set({ gradeId: e.target.value })}
            >
              <option value="">{t('training.filters.any')}</option>
              {options.data?.grades.map((g) => (
                <option key={g.id} value={g.id}>
                  {l(g.name)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-fy`} className={labelClass}>
              {t('training.filters.fiscalYear')}
            </label>
            <select
              id={`${id}-fy`}
              className={selectClass}
              value={filters.fiscalYear ?? ''}
              onChange={(e) => set({ fiscalYear: e.target.value ? Number(e.target.value) : null })}
            >
              <option value="">{t('training.filters.any')}</option>
              {options.data?.fiscalYears.map((fy) => (
                <option key={fy} value={fy}>
                  {formatFiscalYear(fy, language)}
                </option>
              ))}
            </select>
          </div>
          <div className="md:col-span-2">
            <label htmlFor={`${id}-initiative`} className={labelClass}>
              {t('training.filters.initiative')}
            </label>
            <select
              id={`${id}-initiative`}
              className={selectClass}
              value={filters.initiativeId}
              onChange={(e) => set({ initiativeId: e.target.value })}
            >
              <option value="">{t('training.filters.any')}</option>
              {policy.data?.policyAreas.map((area) => (
                <optgroup key={area.id} label={l(area.title)}>
                  {area.initiatives.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.marker} {l(i.title)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-tag`} className={labelClass}>
              {t('training.filters.tag')}
            </label>
            <select
              id={`${id}-tag`}
              className={selectClass}
              value={filters.tag}
              onChange={(e) => set({ tag: e.target.value as PriorityTagCode | '' })}
            >
              <option value="">{t('training.filters.any')}</option>
              {policy.data?.priorityPolicies.map((p) => (
                <option key={p.tag.code} value={p.tag.code}>
                  {l(p.tag.label)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="mt-4">
          <Button
            variant="tertiary"
            onClick={() => {
              setQ('');
              onClear();
            }}
          >
            {t('training.filters.clear')}
          </Button>
        </div>
      </form>
    </search>
  );
}
