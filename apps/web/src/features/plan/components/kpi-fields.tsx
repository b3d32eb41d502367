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

/** A choice of a KPI's, inside its label; `empty`, when given, is the first option: none chosen. */
function LabelledSelect({
  label,
  value,
  onChange,
  options,
  empty,
  required,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  empty?: string;
  required?: boolean;
}) {
  return (
    <label className={labelClass}>
      {label}
      <select
        className={inputClass}
        required={required}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {empty === undefined ? null : <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

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
        <LabelledSelect
          label={t('plan.fields.source')}
          value={form.source}
          onChange={(v) => set('source', v as KpiForm['source'])}
          options={(['entered', 'computed'] as const).map((v) => ({
            value: v,
            label: t(`plan.kpi.sources.${v}`),
          }))}
        />
        {form.source === 'computed' ? (
          <LabelledSelect
            label={t('plan.fields.metric')}
            required
            value={form.metric}
            onChange={(v) => {
              const metric = v as KpiMetric | '';
              setForm((f) => ({ ...f, metric, unit: metric ? KPI_METRIC_UNITS[metric] : f.unit }));
            }}
            empty={t('plan.kpi.chooseMetric')}
            options={KPI_METRICS.map((m) => ({ value: m, label: t(`plan.kpi.metrics.${m}`) }))}
          />
        ) : null}
        {form.source === 'computed' && form.metric === 'survey_staff_image_score' ? (
          <LabelledSelect
            label={t('plan.fields.staffImage')}
            required
            value={form.staffImageId}
            onChange={(v) => set('staffImageId', v)}
            empty={t('plan.kpi.chooseStaffImage')}
            options={(policy.data?.staffImages ?? []).map((s) => ({ value: s.id, label: l(s.title) }))}
          />
        ) : null}
        {form.source === 'computed' && form.metric === 'survey_priority_policy_score' ? (
          <LabelledSelect
            label={t('plan.fields.priorityPolicy')}
            required
            value={form.priorityPolicyId}
            onChange={(v) => set('priorityPolicyId', v)}
            empty={t('plan.kpi.choosePriorityPolicy')}
            options={(policy.data?.priorityPolicies ?? []).map((p) => ({ value: p.id, label: l(p.title) }))}
          />
        ) : null}
        {form.source === 'computed' ? null : (
          <LabelledSelect
            label={t('plan.fields.ownerBureau')}
            value={form.ownerBureauId}
            onChange={(v) => set('ownerBureauId', v)}
            empty={t('plan.kpi.hrOnly')}
            options={bureaus.map((b) => ({ value: b.id, label: l(b.name) }))}
          />
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
