import {
  fiscalYearOf,
  isInKpiRange,
  KPI_METRIC_UNITS,
  KPI_METRICS,
  type Kpi,
  type KpiMetric,
  type KpiMetricParams,
  kpiValueRange,
  type OrgUnit,
  type PlanItem,
  type PlanItemStatus,
  type PlanItemUpdate,
  type PlanPeriodDetail,
} from '@portal/contracts';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formatFiscalYear } from '../../../shared/format/date.ts';
import { formatList } from '../../../shared/format/list.ts';
import { FieldMessage, useFormErrors } from '../../../shared/forms/use-form-errors.tsx';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { usePolicy } from '../../policy/api/get-policy.ts';
import { useOwnerUnits } from '../api/get-owner-units.ts';
import { usePlanPeriod } from '../api/get-plan-period.ts';
import {
  createKpi,
  deleteItem,
  deleteKpi,
  putActual,
  updateItem,
  updateKpi,
  usePlanCreate,
  usePlanWrite,
} from '../api/plan-writes.ts';
import { SaveError } from '../components/field-error.tsx';
import { HistoryList } from '../components/history-list.tsx';
import { KpiYearsTable } from '../components/kpi-table.tsx';
import { ItemStatusBadge } from '../components/status-badge.tsx';
import { yearsOf } from '../lib/format.ts';
import { inputClass, labelClass, sectionTitleClass } from '../lib/styles.ts';

const STATUSES: PlanItemStatus[] = ['not_started', 'in_progress', 'done', 'delayed'];
const currentFiscalYear = () => fiscalYearOf(new Date());

/** `/plan/periods/:periodId/items/:itemId`: one item, its KPIs and actuals, and its history. */
export function ItemPage() {
  const { periodId = '', itemId = '' } = useParams();
  const { t } = useTranslation();
  const query = usePlanPeriod(periodId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const item = query.data.items.find((i) => i.id === itemId);
  if (!item) {
    return (
      <>
        <PageHeader title={t('plan.notFound.itemTitle')} lead={t('plan.notFound.itemBody')} />
        <Link to={`/plan/periods/${periodId}`}>{t('plan.backToPeriod')}</Link>
      </>
    );
  }
  return <ItemView period={query.data} item={item} />;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className={sectionTitleClass}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function ItemView({ period, item }: { period: PlanPeriodDetail; item: PlanItem }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const canEdit = can('plan:edit:any');
  const save = usePlanWrite((body: PlanItemUpdate) => updateItem(item.id, body));
  const remove = usePlanWrite(() => deleteItem(item.id, item.version));
  const years = yearsOf(period);
  useDocumentTitle(l(item.title));
  return (
    <>
      <p className="mb-2">
        <Link to={`/plan/periods/${period.id}`}>{t('plan.backToPeriodNamed', { name: l(period.name) })}</Link>
      </p>
      <PageHeader title={l(item.title)} lead={<ItemStatusBadge status={item.status} />} />
      <Section title={t('plan.item.content')}>
        {canEdit ? (
          <>
            <ItemEditor
              key={item.version}
              item={item}
              years={years}
              onSave={(b) => save.mutate(b)}
              pending={save.isPending}
            />
            {save.isSuccess && !save.isPending ? (
              <p role="status" className="mt-3 text-std-16B-170 text-green-1100">
                {t('plan.saved')}
              </p>
            ) : null}
            <SaveError error={save.error} />
          </>
        ) : (
          <ItemReadOnly item={item} />
        )}
      </Section>

      <Section title={t('plan.kpi.title')}>
        {item.kpis.length === 0 ? <p className="text-solid-gray-700">{t('plan.kpi.none')}</p> : null}
        <div className="grid grid-cols-1 gap-6">
          {item.kpis.map((kpi) => (
            <KpiBlock key={kpi.id} kpi={kpi} years={years} canEdit={canEdit} />
          ))}
        </div>
        {canEdit ? <NewKpi item={item} years={years} /> : null}
      </Section>

      <Section title={t('plan.history.title')}>
        <HistoryList itemId={item.id} />
      </Section>

      {canEdit ? (
        <div className="mt-10 border-t border-solid-gray-200 pt-6">
          <Button
            variant="tertiary"
            disabled={remove.isPending}
            onClick={() => {
              if (!window.confirm(t('plan.item.confirmDelete'))) return;
              remove.mutate(undefined, { onSuccess: () => navigate(`/plan/periods/${period.id}`) });
            }}
          >
            {t('plan.item.delete')}
          </Button>
          <SaveError error={remove.error} />
        </div>
      ) : null}
    </>
  );
}

function ItemReadOnly({ item }: { item: PlanItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  return (
    <dl className="grid gap-3">
      <div>
        <dt className="font-bold">{t('plan.fields.descriptionJa')}</dt>
        <dd>{l(item.description) || '—'}</dd>
      </div>
      <div>
        <dt className="font-bold">{t('plan.fields.actions')}</dt>
        <dd>
          <ul className="list-disc pl-6">
            {item.actions.map((a) => (
              <li key={a.textJa}>{language === 'en' ? a.textEn || a.textJa : a.textJa}</li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt className="font-bold">{t('plan.fields.owners')}</dt>
        <dd>
          {formatList(
            item.owners.map((o) => l(o.name)),
            language,
          ) || '—'}
        </dd>
      </div>
      <div>
        <dt className="font-bold">{t('plan.fields.schedule')}</dt>
        <dd>
          <ul>
            {item.schedule.map((s) => (
              <li key={s.fiscalYear}>
                {formatFiscalYear(s.fiscalYear, language)}:{' '}
                {language === 'en' ? s.textEn || s.textJa : s.textJa}
              </li>
            ))}
          </ul>
        </dd>
      </div>
    </dl>
  );
}

type ActionRow = { key: string; textJa: string; textEn: string };

function ItemEditor({
  item,
  years,
  onSave,
  pending,
}: {
  item: PlanItem;
  years: number[];
  onSave: (body: PlanItemUpdate) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const units = useOwnerUnits();
  const [titleJa, setTitleJa] = useState(item.title.ja);
  const [titleEn, setTitleEn] = useState(item.title.en === item.title.ja ? '' : item.title.en);
  const [descriptionJa, setDescriptionJa] = useState(item.description.ja);
  const [status, setStatus] = useState<PlanItemStatus>(item.status);
  const [actions, setActions] = useState<ActionRow[]>(
    item.actions.map((a) => ({ key: crypto.randomUUID(), textJa: a.textJa, textEn: a.textEn })),
  );
  const [owners, setOwners] = useState<string[]>(item.owners.map((o) => o.id));
  const [schedule, setSchedule] = useState<Record<number, string>>(
    Object.fromEntries(item.schedule.map((s) => [s.fiscalYear, s.textJa])),
  );
  const [ownerToAdd, setOwnerToAdd] = useState('');
  const unitById = new Map((units.data?.items ?? []).map((u) => [u.id, u]));
  const ownerChoices = (units.data?.items ?? []).filter(
    (u) => u.kind !== 'section' && !owners.includes(u.id),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({
      version: item.version,
      titleJa,
      titleEn,
      descriptionJa,
      status,
      actions: actions.filter((a) => a.textJa.trim()).map(({ textJa, textEn }) => ({ textJa, textEn })),
      ownerOrgUnitIds: owners,
      schedule: years
        .filter((fy) => schedule[fy]?.trim())
        .map((fy) => ({
          fiscalYear: fy,
          textJa: schedule[fy] ?? '',
          textEn: item.schedule.find((s) => s.fiscalYear === fy)?.textEn ?? '',
        })),
    });
  };

  const unitLabel = (u: OrgUnit) => `${u.kind === 'bureau' || u.kind === 'ward' ? '' : '　'}${l(u.name)}`;

  return (
    <form onSubmit={submit} className="grid gap-5" aria-label={t('plan.item.editForm')}>
      <div className="grid gap-4 md:grid-cols-2">
        <label className={labelClass}>
          {t('plan.fields.titleJa')}
          <input
            className={inputClass}
            required
            maxLength={300}
            value={titleJa}
            onChange={(e) => setTitleJa(e.target.value)}
          />
        </label>
        <label className={labelClass}>
          {t('plan.fields.titleEn')}
          <input
            className={inputClass}
            maxLength={300}
            value={titleEn}
            onChange={(e) => setTitleEn(e.target.value)}
          />
        </label>
      </div>
      <label className={labelClass}>
        {t('plan.fields.descriptionJa')}
        <textarea
          className={inputClass}
          rows={3}
          maxLength={4000}
          value={descriptionJa}
          onChange={(e) => setDescriptionJa(e.target.value)}
        />
      </label>
      <label className={`${labelClass} max-w-xs`}>
        {t('plan.fields.status')}
        <select
          className={inputClass}
          value={status}
          onChange={(e) => setStatus(e.target.value as PlanItemStatus)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`plan.itemStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>

      <fieldset className="rounded-8 border border-solid-gray-200 p-4">
        <legend className="px-1 text-std-16B-170">{t('plan.fields.actions')}</legend>
        <ol className="grid gap-3">
          {actions.map((a, i) => (
            <li key={a.key} className="grid gap-2 md:grid-cols-[1fr_1fr_auto] md:items-end">
              <label className={labelClass}>
                {t('plan.item.actionJa', { n: i + 1 })}
                <input
                  className={inputClass}
                  maxLength={500}
                  value={a.textJa}
                  onChange={(e) =>
                    setActions((xs) =>
                      xs.map((x) => (x.key === a.key ? { ...x, textJa: e.target.value } : x)),
                    )
                  }
                />
              </label>
              <label className={labelClass}>
                {t('plan.item.actionEn', { n: i + 1 })}
                <input
                  className={inputClass}
                  maxLength={500}
                  value={a.textEn}
                  onChange={(e) =>
                    setActions((xs) =>
                      xs.map((x) => (x.key === a.key ? { ...x, textEn: e.target.value } : x)),
                    )
                  }
                />
              </label>
              <Button
                variant="tertiary"
                onClick={() => setActions((xs) => xs.filter((x) => x.key !== a.key))}
              >
                {t('plan.item.removeAction', { n: i + 1 })}
              </Button>
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          className="mt-3"
          onClick={() => setActions((xs) => [...xs, { key: crypto.randomUUID(), textJa: '', textEn: '' }])}
        >
          {t('plan.item.addAction')}
        </Button>
      </fieldset>

      <fieldset className="rounded-8 border border-solid-gray-200 p-4">
        <legend className="px-1 text-std-16B-170">{t('plan.fields.owners')}</legend>
        <ul className="flex flex-wrap gap-2">
          {owners.map((id) => {
            const u = unitById.get(id) ?? item.owners.find((o) => o.id === id);
            const name = u ? l(u.name) : id;
            return (
              <li
                key={id}
                className="inline-flex items-center gap-1 rounded-full border border-solid-gray-600 px-3 py-1"
              >
                {name}
                <button
                  type="button"
                  className="ml-1 min-h-8 min-w-8 rounded-full text-blue-900 hover:bg-blue-50"
                  aria-label={t('plan.item.removeOwner', { name })}
                  onClick={() => setOwners((xs) => xs.filter((x) => x !== id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        <div className="mt-3 flex flex-wrap items-end gap-3">
          <label className={`${labelClass} min-w-64`}>
            {t('plan.item.ownerToAdd')}
            <select className={inputClass} value={ownerToAdd} onChange={(e) => setOwnerToAdd(e.target.value)}>
              <option value="">{t('plan.item.chooseOwner')}</option>
              {ownerChoices.map((u) => (
                <option key={u.id} value={u.id}>
                  {unitLabel(u)}
                </option>
              ))}
            </select>
          </label>
          <Button
            variant="secondary"
            disabled={!ownerToAdd}
            onClick={() => {
              setOwners((xs) => [...xs, ownerToAdd]);
              setOwnerToAdd('');
            }}
          >
            {t('plan.item.addOwner')}
          </Button>
        </div>
      </fieldset>

      <fieldset className="rounded-8 border border-solid-gray-200 p-4">
        <legend className="px-1 text-std-16B-170">{t('plan.fields.schedule')}</legend>
        <div className="grid gap-3">
          {years.map((fy) => (
            <label key={fy} className={labelClass}>
              {formatFiscalYear(fy, language)}
              <input
                className={inputClass}
                maxLength={500}
                value={schedule[fy] ?? ''}
                onChange={(e) => setSchedule((s) => ({ ...s, [fy]: e.target.value }))}
              />
            </label>
          ))}
        </div>
      </fieldset>

      <div>
        <Button type="submit" disabled={pending}>
          {t('plan.item.save')}
        </Button>
      </div>
    </form>
  );
}

/** A computed KPI's figure in words; a survey score names its 職員像 / 重点取組方針. */
function useMetricLabel() {
  const { t } = useTranslation();
  const l = useLocalized();
  const policy = usePolicy();
  return (metric: KpiMetric, params: KpiMetricParams | null) => {
    const name = t(`plan.kpi.metrics.${metric}`);
    const image = policy.data?.staffImages.find((s) => s.id === params?.staffImageId);
    const priority = policy.data?.priorityPolicies.find((p) => p.id === params?.priorityPolicyId);
    if (metric === 'survey_staff_image_score' && image) return `${name}：${l(image.title)}`;
    if (metric === 'survey_priority_policy_score' && priority) return `${name}：${l(priority.title)}`;
    return name;
  };
}

function KpiBlock({ kpi, years, canEdit }: { kpi: Kpi; years: number[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const metricLabel = useMetricLabel();
  const [editing, setEditing] = useState(false);
  const remove = usePlanWrite(() => deleteKpi(kpi.id, kpi.version));
  return (
    <article className="rounded-12 border border-solid-gray-200 bg-white p-4" aria-label={l(kpi.name)}>
      <h3 className="text-std-18B-160">{l(kpi.name)}</h3>
      <p className="mt-1 text-dns-14N-130 text-solid-gray-700">
        {kpi.source === 'computed' && kpi.metric
          ? t('plan.kpi.computedFrom', { metric: metricLabel(kpi.metric, kpi.metricParams) })
          : t('plan.kpi.entered')}
        {kpi.ownerBureau ? ` · ${t('plan.kpi.ownerBureau')}: ${l(kpi.ownerBureau.name)}` : ''}
        {kpi.higherIsBetter ? '' : ` · ${t('plan.kpi.lowerIsBetter')}`}
      </p>
      <div className="mt-3">
        <KpiYearsTable kpi={kpi} years={years} />
      </div>
      {kpi.canEnterActuals ? <ActualsEditor kpi={kpi} years={years} /> : null}
      {canEdit ? (
        <div className="mt-3 flex flex-wrap gap-3">
          <Button variant="secondary" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
            {editing ? t('plan.kpi.closeEdit') : t('plan.kpi.edit')}
          </Button>
          <Button
            variant="tertiary"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(t('plan.kpi.confirmDelete'))) remove.mutate(undefined);
            }}
          >
            {t('plan.kpi.delete')}
          </Button>
        </div>
      ) : null}
      <SaveError error={remove.error} />
      {canEdit && editing ? <KpiEditor key={kpi.version} kpi={kpi} years={years} /> : null}
    </article>
  );
}

/** Entered actuals, one 年度 at a time (the 年度 so far of the period). */
function ActualsEditor({ kpi, years }: { kpi: Kpi; years: number[] }) {
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

function KpiEditor({ kpi, years }: { kpi: Kpi; years: number[] }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => kpiForm(kpi));
  const save = usePlanWrite(() => updateKpi(kpi.id, { version: kpi.version, ...toKpiBody(form, years) }));
  return (
    <KpiFields
      form={form}
      setForm={setForm}
      years={years}
      submitLabel={t('plan.kpi.save')}
      pending={save.isPending}
      error={save.error}
      onSubmit={() => save.mutate(undefined)}
    />
  );
}

function NewKpi({ item, years }: { item: PlanItem; years: number[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(() => kpiForm(null));
  const create = usePlanCreate((key) => createKpi(item.id, toKpiBody(form, years), key));
  if (!open) {
    return (
      <Button variant="secondary" className="mt-4" onClick={() => setOpen(true)}>
        {t('plan.kpi.add')}
      </Button>
    );
  }
  return (
    <div className="mt-4 rounded-12 border border-solid-gray-200 p-4">
      <h3 className="text-std-18B-160">{t('plan.kpi.add')}</h3>
      <KpiFields
        form={form}
        setForm={setForm}
        years={years}
        submitLabel={t('plan.kpi.create')}
        pending={create.isPending}
        error={create.error}
        onSubmit={() =>
          create.mutate(undefined, {
            onSuccess: () => {
              setOpen(false);
              setForm(kpiForm(null));
            },
          })
        }
      />
    </div>
  );
}

type KpiForm = {
  nameJa: string;
  nameEn: string;
  unit: string;
  source: 'computed' | 'entered';
  metric: KpiMetric | '';
  /** survey scores: what they score */
  staffImageId: string;
  priorityPolicyId: string;
  ownerBureauId: string;
  baselineFiscalYear: string;
  baselineValue: string;
  higherIsBetter: boolean;
  /** The highest actual accepted ('' : what the unit allows) */
  maxValue: string;
  targets: Record<number, string>;
};

function kpiForm(kpi: Kpi | null): KpiForm {
  return {
    nameJa: kpi?.name.ja ?? '',
    nameEn: kpi && kpi.name.en !== kpi.name.ja ? kpi.name.en : '',
    unit: kpi?.unit ?? '%',
    source: kpi?.source ?? 'entered',
    metric: kpi?.metric ?? '',
    staffImageId: kpi?.metricParams?.staffImageId ?? '',
    priorityPolicyId: kpi?.metricParams?.priorityPolicyId ?? '',
    ownerBureauId: kpi?.ownerBureau?.id ?? '',
    baselineFiscalYear: kpi?.baseline?.fiscalYear.toString() ?? '',
    baselineValue: kpi?.baseline?.value.toString() ?? '',
    higherIsBetter: kpi?.higherIsBetter ?? true,
    maxValue: kpi?.maxValue?.toString() ?? '',
    targets: Object.fromEntries((kpi?.targets ?? []).map((x) => [x.fiscalYear, x.value.toString()])),
  };
}

function toKpiBody(f: KpiForm, years: number[]) {
  const hasBaseline = f.baselineFiscalYear !== '' && f.baselineValue !== '';
  return {
    nameJa: f.nameJa,
    nameEn: f.nameEn,
    unit: f.unit,
    source: f.source,
    metric: f.source === 'computed' && f.metric ? f.metric : null,
    // Survey scores name what they score; other metrics keep their stored conditions
    ...(f.source === 'computed' && f.metric === 'survey_staff_image_score'
      ? { metricParams: { staffImageId: f.staffImageId } }
      : f.source === 'computed' && f.metric === 'survey_priority_policy_score'
        ? { metricParams: { priorityPolicyId: f.priorityPolicyId } }
        : {}),
    ownerBureauId: f.ownerBureauId || null,
    baselineFiscalYear: hasBaseline ? Number(f.baselineFiscalYear) : null,
    baselineValue: hasBaseline ? Number(f.baselineValue) : null,
    higherIsBetter: f.higherIsBetter,
    maxValue: f.source === 'entered' && f.maxValue !== '' ? Number(f.maxValue) : null,
    targets: years
      .filter((fy) => (f.targets[fy] ?? '') !== '')
      .map((fy) => ({ fiscalYear: fy, value: Number(f.targets[fy]) })),
  };
}

function KpiFields({
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
