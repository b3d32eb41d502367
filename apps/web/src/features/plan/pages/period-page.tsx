import type { PlanItem, PlanPeriodDetail, PlanPeriodStatus, PolicyTree } from '@portal/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formatFiscalYear, formatFiscalYearSpan } from '../../../shared/format/date.ts';
import { formatList } from '../../../shared/format/list.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { usePolicy } from '../../policy/api/get-policy.ts';
import { PolicyLinkChips } from '../../policy/components/policy-link-chips.tsx';
import { usePlanPeriod } from '../api/get-plan-period.ts';
import {
  copyPeriod,
  createItem,
  deletePeriod,
  updatePeriod,
  usePlanCreate,
  usePlanWrite,
} from '../api/plan-writes.ts';
import { SaveError } from '../components/field-error.tsx';
import { ItemStatusBadge, PeriodStatusBadge } from '../components/status-badge.tsx';
import { formatNumber } from '../lib/format.ts';
import { inputClass, labelClass } from '../lib/styles.ts';

/** `/plan/periods/:id`: a period's items under the 3 areas and 13 initiatives, and HR's workflow. */
export function PeriodPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = usePlanPeriod(id);
  const policy = usePolicy();
  if (query.isPending || policy.isPending) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
      return <PageHeader title={t('plan.notFound.title')} lead={t('plan.notFound.body')} />;
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (policy.isError) return <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />;
  return <PeriodView period={query.data} policy={policy.data} />;
}

const NEXT: Record<PlanPeriodStatus, PlanPeriodStatus[]> = {
  draft: ['review'],
  review: ['draft', 'published'],
  published: [],
};

function PeriodView({ period, policy }: { period: PlanPeriodDetail; policy: PolicyTree }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const { can } = usePermissions();
  const canEdit = can('plan:edit:any');
  useDocumentTitle(l(period.name));
  return (
    <>
      <p className="mb-2">
        <Link to="/plan">{t('plan.backToPeriods')}</Link>
      </p>
      <PageHeader
        title={l(period.name)}
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <span>
              {formatFiscalYearSpan(period.startFiscalYear, period.endFiscalYear, language)}
              {language === 'ja' ? ` (${period.startFiscalYear}〜${period.endFiscalYear})` : ''}
            </span>
            <PeriodStatusBadge status={period.status} />
          </span>
        }
      />
      {canEdit ? <Workflow period={period} /> : null}
      {period.items.length === 0 ? (
        <EmptyState>{canEdit ? t('plan.period.emptyHr') : t('plan.period.empty')}</EmptyState>
      ) : null}
      {policy.policyAreas.map((area) => (
        <section key={area.id} aria-labelledby={`area-${area.id}`} className="mt-10">
          <h2 id={`area-${area.id}`} className="text-std-24B-150 text-solid-gray-900">
            ({area.position}) {l(area.title)}
          </h2>
          {area.initiatives.map((initiative) => {
            const items = period.items.filter((i) => i.initiativeId === initiative.id);
            return (
              <section
                key={initiative.id}
                aria-labelledby={`initiative-${initiative.id}`}
                className="mt-6 border-l-4 border-blue-200 pl-4"
              >
                <h3 id={`initiative-${initiative.id}`} className="text-std-20B-150">
                  {initiative.marker} {l(initiative.title)}
                </h3>
                <PolicyLinkChips
                  className="mt-2"
                  links={{
                    staffImages: [],
                    initiatives: [{ id: initiative.id, code: initiative.code, title: initiative.title }],
                    tagCodes: initiative.tags.map((tag) => tag.code),
                  }}
                />
                {items.length ? (
                  <ul className="mt-3 grid gap-3">
                    {items.map((item) => (
                      <ItemCard key={item.id} item={item} period={period} />
                    ))}
                  </ul>
                ) : (
                  <p className="mt-2 text-dns-14N-130 text-solid-gray-700">{t('plan.period.noItems')}</p>
                )}
                {canEdit ? <NewItem periodId={period.id} initiativeId={initiative.id} /> : null}
              </section>
            );
          })}
        </section>
      ))}
    </>
  );
}

function ItemCard({ item, period }: { item: PlanItem; period: PlanPeriodDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  return (
    <li className="rounded-12 border border-solid-gray-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h4 className="text-std-18B-160">
          <Link to={`/plan/periods/${period.id}/items/${item.id}`}>{l(item.title)}</Link>
        </h4>
        <ItemStatusBadge status={item.status} />
      </div>
      {item.owners.length ? (
        <p className="mt-1 text-dns-14N-130 text-solid-gray-700">
          {t('plan.item.owners')}:{' '}
          {formatList(
            item.owners.map((o) => l(o.name)),
            language,
          )}
        </p>
      ) : null}
      {item.actions.length ? (
        <ul className="mt-2 list-disc pl-6 text-std-16N-170">
          {item.actions.map((a) => (
            <li key={a.textJa}>{language === 'en' ? a.textEn || a.textJa : a.textJa}</li>
          ))}
        </ul>
      ) : null}
      {item.kpis.length ? (
        <ul className="mt-3 grid gap-1 text-dns-14N-130">
          {item.kpis.map((k) => {
            const latest = [...k.actuals].reverse().find((a) => a.value !== null);
            const target = latest ? k.targets.find((x) => x.fiscalYear === latest.fiscalYear) : undefined;
            return (
              <li key={k.id}>
                <span className="font-bold">KPI</span> {l(k.name)}:{' '}
                {latest
                  ? t('plan.item.kpiLatest', {
                      year: formatFiscalYear(latest.fiscalYear, language),
                      actual: `${formatNumber(latest.value, language)}${k.unit}`,
                      target: target ? `${formatNumber(target.value, language)}${k.unit}` : '—',
                    })
                  : t('plan.item.kpiNoActual')}
              </li>
            );
          })}
        </ul>
      ) : null}
    </li>
  );
}

function NewItem({ periodId, initiativeId }: { periodId: string; initiativeId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [titleJa, setTitleJa] = useState('');
  const create = usePlanCreate((key) => createItem(periodId, { initiativeId, titleJa }, key));
  if (!open) {
    return (
      <Button variant="tertiary" className="mt-2" onClick={() => setOpen(true)}>
        {t('plan.period.addItem')}
      </Button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined, { onSuccess: (item) => navigate(`/plan/periods/${periodId}/items/${item.id}`) });
  };
  return (
    <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-3">
      <label className={`${labelClass} min-w-64 flex-1`}>
        {t('plan.fields.titleJa')}
        <input
          className={inputClass}
          required
          maxLength={300}
          value={titleJa}
          onChange={(e) => setTitleJa(e.target.value)}
        />
      </label>
      <Button type="submit" disabled={create.isPending}>
        {t('plan.period.createItem')}
      </Button>
      <Button variant="secondary" onClick={() => setOpen(false)}>
        {t('plan.cancel')}
      </Button>
      <SaveError error={create.error} />
    </form>
  );
}

function Workflow({ period }: { period: PlanPeriodDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const move = usePlanWrite((status: PlanPeriodStatus) =>
    updatePeriod(period.id, { version: period.version, status }),
  );
  const copy = usePlanCreate((key) => copyPeriod(period.id, {}, key));
  const remove = usePlanWrite(() => deletePeriod(period.id, period.version));
  return (
    <section
      aria-labelledby="workflow"
      className="mb-8 rounded-12 border border-solid-gray-200 bg-solid-gray-50 p-4"
    >
      <h2 id="workflow" className="text-std-18B-160">
        {t('plan.workflow.title')}
      </h2>
      <p className="mt-1 text-dns-14N-130 text-solid-gray-700">{t(`plan.workflow.help.${period.status}`)}</p>
      <div className="mt-3 flex flex-wrap gap-3">
        {NEXT[period.status].map((status) => (
          <Button
            key={status}
            variant={status === 'draft' ? 'secondary' : 'primary'}
            disabled={move.isPending}
            onClick={() => {
              if (status === 'published' && !window.confirm(t('plan.workflow.confirmPublish'))) return;
              move.mutate(status);
            }}
          >
            {t(`plan.workflow.to.${status}`)}
          </Button>
        ))}
        <Button
          variant="secondary"
          disabled={copy.isPending}
          onClick={() => copy.mutate(undefined, { onSuccess: (p) => navigate(`/plan/periods/${p.id}`) })}
        >
          {t('plan.copyToNext')}
        </Button>
        {period.status !== 'published' ? (
          <Button
            variant="tertiary"
            disabled={remove.isPending}
            onClick={() => {
              if (!window.confirm(t('plan.workflow.confirmDelete'))) return;
              remove.mutate(undefined, { onSuccess: () => navigate('/plan') });
            }}
          >
            {t('plan.workflow.delete')}
          </Button>
        ) : null}
      </div>
      <SaveError error={move.error ?? copy.error ?? remove.error} />
    </section>
  );
}
