import { KPI_METRIC_UNITS, KPI_METRICS, type KpiMetric } from '@portal/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFiscalYear } from '../../../shared/format/date.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { usePolicy } from '../../policy/api/get-policy.ts';
import { useOwnerUnits } from '../api/get-owner-units.ts';
import type { KpiForm } from '../lib/kpi-form.ts';
import { inputClass, labelClass } from '../lib/styles.ts';
import { SaveError } from './field-error.tsx';

/** A KPI's fields, for adding one and for changing one. */
export function KpiFields({
  form,
  setForm,
  years,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  form: KpiForm;
  setForm: (f: (prev: KpiForm) => KpiForm) => void;
  years: number[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const units = useOwnerUnits();
  const policy = usePolicy();
  const bureaus = (units.data?.items ?? []).filter((u) => u.kind === 'bureau' || u.kind === 'ward');
  const set = <K extends keyof KpiForm>(key: K, value: KpiForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const maxHintId = useId();
  return (
    <form
      className="mt-3 grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <label className={labelClass}>
          {t('plan.fields.nameJa')}
          <input
            className={inputClass}
            required
            maxLength={300}
            value={form.nameJa}
            onChange={(e) => set('nameJa', e.target.value)}
          />
        </label>
        <label className={labelClass}>
          {t('plan.fields.nameEn')}
          <input
            className={inputClass}
            maxLength={300}
            value={form.nameEn}
            onChange={(e) => set('nameEn', e.target.value)}
          />
        </label>
        <label className={labelClass}>
          {t('plan.fields.source')}
          <select
            className={inputClass}
            value={form.source}
            onChange={(e) => set('source', e.target.value as KpiForm['source'])}
          >
            <option value="entered">{t('plan.kpi.sources.entered')}</option>
            <option value="computed">{t('plan.kpi.sources.computed')}</option>
          </select>
        </label>
        {form.source === 'computed' ? (
          <label className={labelClass}>
            {t('plan.fields.metric')}
            <select
              className={inputClass}
              required
              value={form.metric}
              onChange={(e) => {
                const metric = e.target.value as KpiMetric | '';
                setForm((f) => ({ ...f, metric, unit: metric ? KPI_METRIC_UNITS[metric] : f.unit }));
              }}
            >
              <option value="">{t('plan.kpi.chooseMetric')}</option>
              {KPI_METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`plan.kpi.metrics.${m}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {form.source === 'computed' && form.metric === 'survey_staff_image_score' ? (
          <label className={labelClass}>
            {t('plan.fields.staffImage')}
            <select
              className={inputClass}
              required
              value={form.staffImageId}
              onChange={(e) => set('staffImageId', e.target.value)}
            >
              <option value="">{t('plan.kpi.chooseStaffImage')}</option>
              {(policy.data?.staffImages ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {l(s.title)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {form.source === 'computed' && form.metric === 'survey_priority_policy_score' ? (
          <label className={labelClass}>
            {t('plan.fields.priorityPolicy')}
            <select
              className={inputClass}
              required
              value={form.priorityPolicyId}
              onChange={(e) => set('priorityPolicyId', e.target.value)}
            >
              <option value="">{t('plan.kpi.choosePriorityPolicy')}</option>
              {(policy.data?.priorityPolicies ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {l(p.title)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {form.source === 'computed' ? null : (
          <label className={labelClass}>
            {t('plan.fields.ownerBureau')}
            <select
              className={inputClass}
              value={form.ownerBureauId}
              onChange={(e) => set('ownerBureauId', e.target.value)}
            >
              <option value="">{t('plan.kpi.hrOnly')}</option>
              {bureaus.map((b) => (
                <option key={b.id} value={b.id}>
                  {l(b.name)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className={labelClass}>
          {t('plan.fields.unit')}
          <input
            className={inputClass}
            required
            maxLength={32}
            value={form.unit}
            onChange={(e) => set('unit', e.target.value)}
          />
        </label>
        <label className={`${labelClass} flex items-center gap-2 self-end`}>
          <input
            type="checkbox"
            className="size-5"
            checked={!form.higherIsBetter}
            onChange={(e) => set('higherIsBetter', !e.target.checked)}
          />
          {t('plan.kpi.lowerIsBetter')}
        </label>
        {form.source === 'computed' ? null : (
          <div>
            <label className={labelClass}>
              {t('plan.fields.maxValue')}
              <input
                className={inputClass}
                type="number"
                step="any"
                min={0}
                value={form.maxValue}
                aria-describedby={maxHintId}
                onChange={(e) => set('maxValue', e.target.value)}
              />
            </label>
            <p id={maxHintId} className="mt-1 text-dns-14N-130 text-solid-gray-700">
              {t('plan.kpi.maxValueHint')}
            </p>
          </div>
        )}
        <label className={labelClass}>
          {t('plan.fields.baselineFiscalYear')}
          <input
            className={inputClass}
            type="number"
            min={2019}
            max={2040}
            value={form.baselineFiscalYear}
            onChange={(e) => set('baselineFiscalYear', e.target.value)}
          />
        </label>
        <label className={labelClass}>
          {t('plan.fields.baselineValue')}
          <input
            className={inputClass}
            type="number"
            step="any"
            value={form.baselineValue}
            onChange={(e) => set('baselineValue', e.target.value)}
          />
        </label>
      </div>
      <fieldset className="rounded-8 border border-solid-gray-200 p-3">
        <legend className="px-1 text-std-16B-170">{t('plan.fields.targets')}</legend>
        <div className="grid gap-3 md:grid-cols-4">
          {years.map((fy) => (
            <label key={fy} className={labelClass}>
              {t('plan.kpi.targetFor', { year: formatFiscalYear(fy, language) })}
              <input
                className={inputClass}
                type="number"
                step="any"
                value={form.targets[fy] ?? ''}
                onChange={(e) => setForm((f) => ({ ...f, targets: { ...f.targets, [fy]: e.target.value } }))}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
      <SaveError error={error} />
    </form>
  );
}
