import type { OjtPlan, PolicyLinkIds } from '@portal/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formatFiscalYear } from '../../../shared/format/date.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { useSearchParamsWriter } from '../../../shared/navigation/use-search-params-writer.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { ErrorState, LoadingState, useErrorMessage } from '../../../shared/ui/states.tsx';
import { PolicyLinkPicker } from '../../policy/components/policy-link-picker.tsx';
import { useOjtPlan } from '../api/get-ojt-plan.ts';
import { useSaveOjtPlan } from '../api/save-ojt-plan.ts';
import { OjtPlanView, PlanProgress } from '../components/ojt-plan-view.tsx';
import { usePersonName } from '../components/person-name.tsx';
import {
  cardClass,
  errorClass,
  hintClass,
  inputClass,
  labelClass,
  linkButtonClass,
} from '../components/styles.ts';
import { currentFiscalYear } from '../lib/dates.ts';

/**
 * `/staff/:id/ojt-plan`: the person's 年間OJT計画. Their supervisor writes it (goals linked to the
 * 職員像 and initiatives, the planned number of sessions and minutes, the rhythm); the person and those
 * who may see them read it. Saving carries the version read: someone else's save first → reload.
 */
export function OjtPlanPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = usePersonName();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParamsWriter();
  const thisYear = currentFiscalYear();
  const fy = Number(search.get('fy')) || thisYear;
  const plan = useOjtPlan(id, fy);
  const fyId = useId();
  const [generation, setGeneration] = useState(0);
  const title = plan.data ? t('ojt.plan.pageTitle', { name: name(plan.data.staff) }) : t('ojt.plan.title');
  useDocumentTitle(title);

  return (
    <>
      <PageHeader title={title} lead={t('ojt.plan.lead')} />
      <div className="mb-6 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor={fyId} className={labelClass}>
            {t('ojt.team.fiscalYear')}
          </label>
          <select
            id={fyId}
            value={fy}
            onChange={(event) => setSearch({ fy: event.target.value }, { replace: true })}
            className={`${inputClass} min-w-40`}
          >
            {[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => (
              <option key={y} value={y}>
                {formatFiscalYear(y, language)}
              </option>
            ))}
          </select>
        </div>
        {plan.data?.canEdit ? (
          <Link to={`/ojt/new?trainee=${id}`} className={linkButtonClass}>
            {t('ojt.team.logFor')}
          </Link>
        ) : null}
        <Link to={`/staff/${id}`} className={linkButtonClass}>
          {t('ojt.plan.toPerson')}
        </Link>
      </div>
      {plan.isPending ? (
        <LoadingState />
      ) : plan.isError ? (
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : plan.data.canEdit ? (
        // a new editor only for another year or a reload after a conflict: a save keeps it, and its message
        <PlanEditor
          key={`${plan.data.fiscalYear}-${generation}`}
          plan={plan.data}
          onReload={() => void plan.refetch().then(() => setGeneration((g) => g + 1))}
        />
      ) : (
        <div className={cardClass}>
          <OjtPlanView plan={plan.data} />
          {plan.data.version === 0 ? (
            <p className="mt-2 text-dns-14N-130 text-solid-gray-700">{t('ojt.plan.noneYetStaff')}</p>
          ) : null}
        </div>
      )}
    </>
  );
}

type GoalDraft = { key: string; text: string } & PolicyLinkIds;

function PlanEditor({ plan, onReload }: { plan: OjtPlan; onReload: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const save = useSaveOjtPlan(plan.staff.id, plan.fiscalYear);
  const saveError = useErrorMessage(save.error);
  const ids = { sessions: useId(), minutes: useId(), note: useId(), noteHint: useId() };
  const [goals, setGoals] = useState<GoalDraft[]>(() =>
    plan.goals.length
      ? plan.goals.map((g) => ({
          key: crypto.randomUUID(),
          text: g.text,
          staffImageIds: g.staffImageIds,
          initiativeIds: g.initiativeIds,
        }))
      : [{ key: crypto.randomUUID(), text: '', staffImageIds: [], initiativeIds: [] }],
  );
  const [plannedSessions, setPlannedSessions] = useState(String(plan.plannedSessions || 12));
  const [plannedMinutes, setPlannedMinutes] = useState(String(plan.plannedMinutes || 540));
  const [frequencyNote, setFrequencyNote] = useState(plan.frequencyNote);
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const conflict = isApiError(save.error) && save.error.status === 409;

  const change = (key: string, patch: Partial<GoalDraft>) =>
    setGoals((current) => current.map((g) => (g.key === key ? { ...g, ...patch } : g)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: string[] = [];
    const sessions = Number(plannedSessions);
    const minutes = Number(plannedMinutes);
    if (!Number.isInteger(sessions) || sessions < 0 || sessions > 400)
      found.push(t('ojt.plan.errors.sessions'));
    if (!Number.isInteger(minutes) || minutes < 0) found.push(t('ojt.plan.errors.minutes'));
    const kept = goals.filter((g) => g.text.trim());
    setErrors(found);
    setSaved(false);
    if (found.length) return;
    save.mutate(
      {
        goals: kept.map((g) => ({
          text: g.text.trim(),
          staffImageIds: g.staffImageIds,
          initiativeIds: g.initiativeIds,
        })),
        plannedSessions: sessions,
        plannedMinutes: minutes,
        frequencyNote: frequencyNote.trim(),
        version: plan.version,
      },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-6">
      <h2 className="text-std-20B-150">
        {t('ojt.plan.titleFor', { year: formatFiscalYear(plan.fiscalYear, language) })}
      </h2>
      {plan.version === 0 ? (
        <p className="text-std-16N-170 text-solid-gray-700">{t('ojt.plan.startHint')}</p>
      ) : null}
      <PlanProgress plan={plan} />

      <fieldset className="grid gap-4">
        <legend className="text-std-18B-160">{t('ojt.plan.goals')}</legend>
        {goals.map((goal, i) => (
          <GoalEditor
            key={goal.key}
            goal={goal}
            index={i}
            onChange={(patch) => change(goal.key, patch)}
            onRemove={
              goals.length > 1 ? () => setGoals((c) => c.filter((g) => g.key !== goal.key)) : undefined
            }
          />
        ))}
        {goals.length < 20 ? (
          <div>
            <Button
              variant="secondary"
              onClick={() =>
                setGoals((c) => [
                  ...c,
                  { key: crypto.randomUUID(), text: '', staffImageIds: [], initiativeIds: [] },
                ])
              }
            >
              {t('ojt.plan.addGoal')}
            </Button>
          </div>
        ) : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={ids.sessions} className={labelClass}>
            {t('ojt.plan.plannedSessions')}
          </label>
          <input
            id={ids.sessions}
            type="number"
            inputMode="numeric"
            min={0}
            max={400}
            value={plannedSessions}
            onChange={(event) => setPlannedSessions(event.target.value)}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor={ids.minutes} className={labelClass}>
            {t('ojt.plan.plannedMinutes')}
          </label>
          <input
            id={ids.minutes}
            type="number"
            inputMode="numeric"
            min={0}
            value={plannedMinutes}
            onChange={(event) => setPlannedMinutes(event.target.value)}
            className={inputClass}
          />
        </div>
      </div>
      <div>
        <label htmlFor={ids.note} className={labelClass}>
          {t('ojt.plan.frequencyNote')}
        </label>
        <p id={ids.noteHint} className={hintClass}>
          {t('ojt.plan.frequencyHint')}
        </p>
        <input
          id={ids.note}
          type="text"
          maxLength={500}
          value={frequencyNote}
          onChange={(event) => setFrequencyNote(event.target.value)}
          aria-describedby={ids.noteHint}
          className={inputClass}
        />
      </div>

      {errors.length ? (
        <div role="alert" className="rounded-8 border-2 border-error-1 bg-red-50 p-3">
          {errors.map((e) => (
            <p key={e} className={errorClass}>
              {e}
            </p>
          ))}
        </div>
      ) : null}
      {save.isError ? (
        <div
          role="alert"
          className="rounded-8 border-2 border-error-1 bg-red-50 p-3 text-std-16N-170 text-error-2"
        >
          {conflict ? t('ojt.plan.conflict') : saveError}
          {conflict ? (
            <div className="mt-2">
              <Button variant="secondary" onClick={onReload}>
                {t('ojt.plan.reload')}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
      {saved ? (
        <p
          role="status"
          className="rounded-8 border-2 border-green-800 bg-green-50 p-3 text-std-16B-170 text-green-1000"
        >
          {t('ojt.plan.saved')}
        </p>
      ) : null}
      <div>
        <Button type="submit" aria-disabled={save.isPending || undefined}>
          {save.isPending ? t('ojt.log.saving') : t('ojt.plan.save')}
        </Button>
      </div>
    </form>
  );
}

function GoalEditor({
  goal,
  index,
  onChange,
  onRemove,
}: {
  goal: GoalDraft;
  index: number;
  onChange: (patch: Partial<GoalDraft>) => void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const textId = useId();
  const linked = goal.staffImageIds.length + goal.initiativeIds.length;
  return (
    <div className={cardClass}>
      <label htmlFor={textId} className={labelClass}>
        {t('ojt.plan.goalLabel', { n: index + 1 })}
      </label>
      <textarea
        id={textId}
        rows={2}
        maxLength={500}
        value={goal.text}
        onChange={(event) => onChange({ text: event.target.value })}
        className={inputClass}
      />
      <details className="mt-3">
        <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170">
          {t('ojt.log.policyLinks')}
          {linked ? ` (${t('ojt.log.linkedCount', { count: linked })})` : ''}
        </summary>
        <div className="mt-2">
          <PolicyLinkPicker
            value={{ staffImageIds: goal.staffImageIds, initiativeIds: goal.initiativeIds }}
            onChange={(links) => onChange(links)}
            legend={t('ojt.plan.goalLinks', { n: index + 1 })}
          />
        </div>
      </details>
      {onRemove ? (
        <Button variant="tertiary" className="mt-2" onClick={onRemove}>
          {t('ojt.plan.removeGoal', { n: index + 1 })}
        </Button>
      ) : null}
    </div>
  );
}
