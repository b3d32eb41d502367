import { fiscalYearOf, isInKpiRange, type Kpi, kpiValueRange } from '@portal/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formatFiscalYear } from '../../../shared/format/date.ts';
import { FieldMessage, useFormErrors } from '../../../shared/forms/use-form-errors.tsx';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { putActual, usePlanWrite } from '../api/plan-writes.ts';
import { inputClass, labelClass } from '../lib/styles.ts';
import { SaveError } from './field-error.tsx';

const currentFiscalYear = () => fiscalYearOf(new Date());

/** Entered actuals, one 年度 at a time (the 年度 so far of the period). */
export function ActualsEditor({ kpi, years }: { kpi: Kpi; years: number[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const open = years.filter((fy) => fy <= currentFiscalYear());
  const [year, setYear] = useState<number>(open.at(-1) ?? years[0] ?? currentFiscalYear());
  const stored = kpi.actuals.find((a) => a.fiscalYear === year);
  const [value, setValue] = useState(stored?.value?.toString() ?? '');
  const [note, setNote] = useState(stored?.note ?? '');
  const save = usePlanWrite(() =>
    putActual(kpi.id, year, { value: Number(value), note, version: stored?.version ?? 0 }),
  );
  const form = useFormErrors();
  const range = kpiValueRange(kpi);
  const number = new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB');
  const rangeText = { min: number.format(range.min), max: number.format(range.max) };
  if (!open.length) return null;
  const pick = (fy: number) => {
    const a = kpi.actuals.find((x) => x.fiscalYear === fy);
    setYear(fy);
    setValue(a?.value?.toString() ?? '');
    setNote(a?.note ?? '');
    save.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = value.trim() === '' || !isInKpiRange(Number(value), range);
    if (form.show(bad ? { value: t('validation.value_out_of_range', rangeText) } : {})) return;
    save.mutate(undefined, { onError: (error) => form.showProblem(error) });
  };
  const valueField = form.field('value');
  return (
    <form
      ref={form.ref}
      noValidate
      onSubmit={submit}
      className="mt-4 rounded-8 bg-solid-gray-50 p-3"
      aria-label={t('plan.actual.form', { name: l(kpi.name) })}
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className={labelClass}>
          {t('plan.actual.year')}
          <select className={inputClass} value={year} onChange={(e) => pick(Number(e.target.value))}>
            {open.map((fy) => (
              <option key={fy} value={fy}>
                {formatFiscalYear(fy, language)}
              </option>
            ))}
          </select>
        </label>
        <div>
          <label htmlFor={valueField.id} className={labelClass}>
            {t('plan.actual.value', { unit: kpi.unit })}
          </label>
          <input
            className={inputClass}
            required
            type="number"
            step="any"
            min={range.min}
            max={range.max}
            value={value}
            onChange={(e) => {
              form.clear('value');
              setValue(e.target.value);
            }}
            {...valueField}
            aria-describedby={[`${valueField.id}-hint`, valueField['aria-describedby']]
              .filter(Boolean)
              .join(' ')}
          />
          <p id={`${valueField.id}-hint`} className="mt-1 text-dns-14N-130 text-solid-gray-700">
            {t('plan.actual.range', rangeText)}
          </p>
          <FieldMessage form={form} name="value" />
        </div>
        <label className={`${labelClass} min-w-48 flex-1`}>
          {t('plan.actual.note')}
          <input
            className={inputClass}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <Button type="submit" disabled={save.isPending || value === ''}>
          {t('plan.actual.save')}
        </Button>
      </div>
      {save.isSuccess ? (
        <p role="status" className="mt-2 text-std-16B-170 text-green-1100">
          {t('plan.actual.saved')}
        </p>
      ) : null}
      {isApiError(save.error) && save.error.status === 400 ? null : <SaveError error={save.error} />}
    </form>
  );
}
