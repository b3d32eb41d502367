import type { PlanItem, PlanItemUpdate, PlanPeriodDetail } from '@portal/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { usePlanPeriod } from '../api/get-plan-period.ts';
import { deleteItem, updateItem, usePlanWrite } from '../api/plan-writes.ts';
import { SaveError } from '../components/field-error.tsx';
import { HistoryList } from '../components/history-list.tsx';
import { ItemEditor } from '../components/item-editor.tsx';
import { ItemReadOnly } from '../components/item-read-only.tsx';
import { KpiBlock, NewKpi } from '../components/kpi-block.tsx';
import { ItemStatusBadge } from '../components/status-badge.tsx';
import { yearsOf } from '../lib/format.ts';
import { sectionTitleClass } from '../lib/styles.ts';

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
