import type { Kpi, KpiMetric, KpiMetricParams, PlanItem } from '@portal/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { usePolicy } from '../../policy/api/get-policy.ts';
import { createKpi, deleteKpi, updateKpi, usePlanCreate, usePlanWrite } from '../api/plan-writes.ts';
import { kpiForm, toKpiBody } from '../lib/kpi-form.ts';
import { ActualsEditor } from './actuals-editor.tsx';
import { SaveError } from './field-error.tsx';
import { KpiFields } from './kpi-fields.tsx';
import { KpiYearsTable } from './kpi-table.tsx';

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

/** One KPI: what it measures, its years, its actuals form, and (for editors) its change and delete. */
export function KpiBlock({ kpi, years, canEdit }: { kpi: Kpi; years: number[]; canEdit: boolean }) {
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

/** Changes a KPI, with its version (a stale one is refused). */
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

/** Adds a KPI to the item, behind a button. */
export function NewKpi({ item, years }: { item: PlanItem; years: number[] }) {
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
