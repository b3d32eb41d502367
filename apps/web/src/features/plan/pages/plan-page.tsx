import type { PlanPeriodListItem } from '@portal/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formatFiscalYearSpan } from '../../../shared/format/date.ts';
import {
  FieldMessage,
  FormAlert,
  type FormErrors,
  useFormErrors,
} from '../../../shared/forms/use-form-errors.tsx';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { usePlanPeriods } from '../api/get-plan-periods.ts';
import { copyPeriod, createPeriod, usePlanCreate } from '../api/plan-writes.ts';
import { SaveError } from '../components/field-error.tsx';
import { PeriodStatusBadge } from '../components/status-badge.tsx';
import { inputClass, labelClass } from '../lib/styles.ts';

/** `/plan`: the 推進計画's periods; HR starts a new one or copies one into the next. */
export function PlanPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const query = usePlanPeriods();
  useDocumentTitle(t('plan.title'));
  return (
    <>
      <PageHeader title={t('plan.title')} lead={t('plan.lead')} />
      <QueryContent query={query} isEmpty={(d) => d.items.length === 0} empty={t('plan.empty')}>
        {(data) => (
          <ul className="grid gap-4 md:grid-cols-2">
            {data.items.map((p) => (
              <PeriodCard key={p.id} period={p} canEdit={can('plan:edit:any')} />
            ))}
          </ul>
        )}
      </QueryContent>
      {can('plan:edit:any') ? <NewPeriodForm /> : null}
    </>
  );
}

function PeriodCard({ period, canEdit }: { period: PlanPeriodListItem; canEdit: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const navigate = useNavigate();
  const copy = usePlanCreate((key) => copyPeriod(period.id, {}, key));
  return (
    <li className="rounded-12 border border-solid-gray-200 bg-white p-5">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-std-20B-150">
          <Link to={`/plan/periods/${period.id}`}>{l(period.name)}</Link>
        </h2>
        <PeriodStatusBadge status={period.status} />
      </div>
      <p className="mt-2 text-std-16N-170 text-solid-gray-800">
        {formatFiscalYearSpan(period.startFiscalYear, period.endFiscalYear, language)}
        {language === 'ja' ? ` (${period.startFiscalYear}〜${period.endFiscalYear})` : ''}
      </p>
      <p className="mt-1 text-dns-14N-130 text-solid-gray-700">
        {t('plan.counts', { items: period.itemCount, kpis: period.kpiCount })}
      </p>
      {canEdit ? (
        <div className="mt-3">
          <Button
            variant="secondary"
            disabled={copy.isPending}
            onClick={() =>
              copy.mutate(undefined, { onSuccess: (created) => navigate(`/plan/periods/${created.id}`) })
            }
          >
            {t('plan.copyToNext')}
          </Button>
          <SaveError error={copy.error} />
        </div>
      ) : null}
    </li>
  );
}

function NewPeriodForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [nameJa, setNameJa] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const form = useFormErrors();
  const create = usePlanCreate((key) =>
    createPeriod({ nameJa, nameEn, startFiscalYear: Number(start), endFiscalYear: Number(end) }, key),
  );
  const check = (): FormErrors => {
    const found: FormErrors = {};
    const from = Number(start);
    const to = Number(end);
    if (!nameJa.trim()) found.nameJa = t('validation.required');
    if (!start) found.startFiscalYear = t('validation.required');
    else if (!Number.isInteger(from)) found.startFiscalYear = t('validation.invalid_type_int');
    if (!end) found.endFiscalYear = t('validation.required');
    else if (!Number.isInteger(to)) found.endFiscalYear = t('validation.invalid_type_int');
    else if (start && to < from) found.endFiscalYear = t('validation.end_year_before_start');
    else if (start && (to - from + 1 < 3 || to - from + 1 > 4))
      found.endFiscalYear = t('plan.newPeriod.span');
    return found;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.show(check())) return;
    create.mutate(undefined, {
      onError: (error) => form.showProblem(error),
      onSuccess: (p) => navigate(`/plan/periods/${p.id}`),
    });
  };
  const text = (name: 'nameJa' | 'nameEn', value: string, onChange: (v: string) => void) => (
    <div>
      <label htmlFor={form.field(name).id} className={labelClass}>
        {t(`plan.fields.${name}`)}
      </label>
      <input
        className={inputClass}
        maxLength={200}
        value={value}
        onChange={(e) => {
          form.clear(name);
          onChange(e.target.value);
        }}
        {...form.field(name)}
      />
      <FieldMessage form={form} name={name} />
    </div>
  );
  const year = (name: 'startFiscalYear' | 'endFiscalYear', value: string, onChange: (v: string) => void) => (
    <div>
      <label htmlFor={form.field(name).id} className={labelClass}>
        {t(`plan.fields.${name}`)}
      </label>
      <input
        className={inputClass}
        type="number"
        inputMode="numeric"
        min={2021}
        max={2100}
        value={value}
        onChange={(e) => {
          form.clear(name);
          onChange(e.target.value);
        }}
        {...form.field(name)}
      />
      <FieldMessage form={form} name={name} />
    </div>
  );
  return (
    <section
      aria-labelledby="new-period"
      className="mt-10 rounded-12 border border-solid-gray-200 bg-solid-gray-50 p-5"
    >
      <h2 id="new-period" className="text-std-20B-150">
        {t('plan.newPeriod.title')}
      </h2>
      <p className="mt-1 text-dns-14N-130 text-solid-gray-700">{t('plan.newPeriod.hint')}</p>
      <form ref={form.ref} noValidate onSubmit={submit} className="mt-4 grid gap-4 md:grid-cols-2">
        {text('nameJa', nameJa, setNameJa)}
        {text('nameEn', nameEn, setNameEn)}
        {year('startFiscalYear', start, setStart)}
        {year('endFiscalYear', end, setEnd)}
        <div className="grid gap-3 md:col-span-2">
          <FormAlert form={form} />
          <Button type="submit" className="justify-self-start" disabled={create.isPending}>
            {t('plan.newPeriod.submit')}
          </Button>
          {isApiError(create.error) && create.error.status === 400 ? null : (
            <SaveError error={create.error} />
          )}
        </div>
      </form>
    </section>
  );
}
