import type { CareerPlanView } from '@portal/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFiscalYear } from '../../../shared/format/date.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { EmptyState, QueryContent } from '../../../shared/ui/states.tsx';
import { useCareerPlan } from '../api/get-career-plan.ts';
import { currentFiscalYear, formatInstant } from '../lib/dates.ts';
import { personName } from '../lib/people.ts';
import { isBlank } from '../lib/plan-form.ts';
import { useCareerParams } from '../lib/use-params.ts';
import { PlanStatusBadge } from './badges.tsx';
import { CommentForm } from './comment-form.tsx';
import { PlanComments } from './plan-comments.tsx';
import { PlanEditor } from './plan-editor.tsx';
import { PlanView } from './plan-view.tsx';
import { hintClass, inputClass, labelClass, sectionTitleClass, warnClass } from './styles.ts';
import { VersionHistory } from './version-history.tsx';

/** `?year=` picks the 年度; the current one otherwise. */
function useFiscalYearParam(): [number, (fy: number) => void] {
  const [params, setParams] = useCareerParams();
  const raw = Number(params.get('year'));
  const fiscalYear = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : currentFiscalYear();
  const set = (fy: number) => setParams({ year: fy === currentFiscalYear() ? undefined : String(fy) });
  return [fiscalYear, set];
}

function YearPicker({
  view,
  self,
  onChange,
}: {
  view: CareerPlanView;
  self: boolean;
  onChange: (fy: number) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const now = currentFiscalYear();
  const years = [...new Set([...(self ? [now + 1] : []), now, ...view.fiscalYears, view.fiscalYear])].sort(
    (a, b) => b - a,
  );
  return (
    <div className="max-w-xs">
      <label htmlFor={id} className={labelClass}>
        {t('career.plan.year')}
      </label>
      <select
        id={id}
        className={inputClass}
        value={view.fiscalYear}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {years.map((fy) => (
          <option key={fy} value={fy}>
            {formatFiscalYear(fy, language)}
            {view.fiscalYears.includes(fy) ? '' : ` ${t('career.plan.yearEmpty')}`}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The career plan of one 年度: the person edits and submits it (their supervisor's comments shown
 * above the form); others read it, and the person's supervisor comments or asks for changes.
 */
export function PlanSection({ staffId, self }: { staffId: string; self: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [fiscalYear, setFiscalYear] = useFiscalYearParam();
  const query = useCareerPlan(staffId, fiscalYear);
  const titleId = useId();

  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className={sectionTitleClass}>
        {t('career.plan.title', { year: formatFiscalYear(fiscalYear, language) })}
      </h2>
      <QueryContent query={query}>
        {(view) => {
          const plan = view.plan;
          return (
            <div className="mt-4 grid gap-6">
              <div className="flex flex-wrap items-end justify-between gap-4">
                <YearPicker view={view} self={self} onChange={setFiscalYear} />
                <div className="grid gap-1 text-dns-14N-130 text-solid-gray-700">
                  <p className="flex items-center gap-2">
                    <span>{t('career.plan.status')}</span>
                    <PlanStatusBadge status={plan?.status ?? 'none'} />
                  </p>
                  {plan?.submittedAt ? (
                    <p>{t('career.plan.submittedAt', { date: formatInstant(plan.submittedAt, language) })}</p>
                  ) : null}
                  {plan ? (
                    <p>
                      {t('career.plan.updated', {
                        version: plan.version,
                        date: formatInstant(plan.updatedAt, language),
                        who: plan.updatedBy ? personName(plan.updatedBy, language) : '—',
                      })}
                    </p>
                  ) : null}
                </div>
              </div>

              {plan?.carriedFrom && plan.status === 'draft' && view.can.edit ? (
                <p className={warnClass}>
                  {t('career.plan.carriedFrom', {
                    year: formatFiscalYear(plan.carriedFrom.fiscalYear, language),
                  })}
                </p>
              ) : null}
              {plan?.status === 'changes_requested' && self ? (
                <p className={warnClass}>{t('career.plan.changesRequested')}</p>
              ) : null}

              {self && plan ? <PlanComments comments={plan.comments} /> : null}

              {view.can.edit ? (
                <>
                  {!plan || isBlank(plan) ? (
                    <div className="rounded-12 border border-blue-900 bg-blue-50 p-4 text-std-16N-170 text-solid-gray-900">
                      <p className="text-std-16B-170">{t('career.plan.startTitle')}</p>
                      <p className="mt-1">{t('career.plan.startBody')}</p>
                    </div>
                  ) : null}
                  <PlanEditor key={fiscalYear} staffId={staffId} view={view} />
                </>
              ) : plan ? (
                <PlanView plan={plan} links={plan.links} />
              ) : (
                <EmptyState>{self ? t('career.plan.noneSelfPast') : t('career.plan.noneOther')}</EmptyState>
              )}

              {!self && plan ? <PlanComments comments={plan.comments} /> : null}
              {view.can.comment && plan ? (
                <CommentForm staffId={staffId} fiscalYear={fiscalYear} version={plan.version} />
              ) : !self && plan?.status === 'draft' ? (
                <p className={hintClass}>{t('career.comments.notSubmitted')}</p>
              ) : null}
              {plan ? <VersionHistory staffId={staffId} fiscalYear={fiscalYear} /> : null}
            </div>
          );
        }}
      </QueryContent>
    </section>
  );
}
