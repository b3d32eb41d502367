import type { CareerPlan, CareerPlanView } from '@portal/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { DraftOffer, useLocalDraft } from '../../../shared/forms/use-local-draft.tsx';
import { useUnsavedChanges } from '../../../shared/forms/use-unsaved-changes.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { usePolicy } from '../../policy/api/get-policy.ts';
import { PolicyLinkPicker } from '../../policy/components/policy-link-picker.tsx';
import { careerPlanQueryOptions } from '../api/get-career-plan.ts';
import { useSaveCareerPlan } from '../api/save-career-plan.ts';
import { formatInstant } from '../lib/dates.ts';
import { personName } from '../lib/people.ts';
import { MAX_SKILLS, type PlanForm, sameContent, toContent, toForm } from '../lib/plan-form.ts';
import { FormError } from './form-error.tsx';
import { ExperienceFields, Group, SelfAssessmentFields, TextField } from './plan-fields.tsx';
import { hintClass, noticeClass, warnClass } from './styles.ts';
import { UnsavedText } from './unsaved-text.tsx';

/**
 * The person's own plan as a form: goals, experiences, the self-assessment against each 職員像,
 * skills and policy links; save as a draft or submit. A save on an outdated version is refused by the
 * API (409): the reader is told, and may load the current version (their text stays on screen) or
 * save theirs over it.
 */
export function PlanEditor({ staffId, view }: { staffId: string; view: CareerPlanView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const policy = usePolicy();
  const images = policy.data?.staffImages ?? [];
  const order = useMemo(() => images.map((i) => i.id), [images]);
  const [base, setBase] = useState<CareerPlan | null>(view.plan);
  const [form, setForm] = useState<PlanForm>(() => toForm(view.plan));
  const [conflict, setConflict] = useState<CareerPlan | null | undefined>(undefined);
  const [unsaved, setUnsaved] = useState<PlanForm | null>(null);
  const [done, setDone] = useState<'saved' | 'submitted' | null>(null);
  const mutation = useSaveCareerPlan(staffId, view.fiscalYear);
  const dirty = !sameContent(form, toForm(base), order);
  const status = base?.status ?? 'draft';
  const { data: me } = useMe();
  const draft = useLocalDraft({
    owner: me?.staff.id,
    name: `career-plan.${staffId}.${view.fiscalYear}`,
    value: form,
    dirty,
  });
  useUnsavedChanges(dirty);

  // A newer version arrived (another tab, a refetch) while nothing was typed here: show it.
  useEffect(() => {
    if (view.plan && view.plan.version !== base?.version && sameContent(form, toForm(base), order)) {
      setBase(view.plan);
      setForm(toForm(view.plan));
    }
  }, [view.plan, base, form, order]);

  const set = <K extends keyof PlanForm>(key: K, value: PlanForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setDone(null);
  };

  const save = (submit: boolean, version = base?.version ?? 0) => {
    const body = dirty || !base ? { ...toContent(form, order), version } : null;
    setDone(null);
    mutation.mutate(
      { body, submit, version },
      {
        onSuccess: (next) => {
          draft.clear();
          if (next?.plan) {
            setBase(next.plan);
            setForm(toForm(next.plan));
          }
          setConflict(undefined);
          setDone(submit ? 'submitted' : 'saved');
        },
        onError: async (error) => {
          if (isApiError(error) && error.status === 409) {
            const current = await queryClient.fetchQuery({
              ...careerPlanQueryOptions(staffId, view.fiscalYear),
              staleTime: 0,
            });
            setConflict(current.plan);
          }
        },
      },
    );
  };

  const loadCurrent = () => {
    setUnsaved(form);
    setBase(conflict ?? null);
    setForm(toForm(conflict));
    setConflict(undefined);
    mutation.reset();
  };
  const keepMine = () => {
    const version = conflict?.version ?? 0;
    setBase(conflict ?? null);
    setConflict(undefined);
    save(false, version);
  };

  const tooManySkills = toContent(form, order).skillsToGain.length > MAX_SKILLS;
  const conflictShown = conflict !== undefined;
  const otherError =
    mutation.isError && !conflictShown && !(isApiError(mutation.error) && mutation.error.status === 409);

  return (
    <form
      className="grid gap-8"
      aria-label={t('career.plan.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        save(false);
      }}
      noValidate
    >
      <DraftOffer draft={draft} onRestore={(value) => setForm(value)} />
      {conflictShown ? (
        <div role="alert" className={warnClass} data-testid="plan-conflict">
          <p className="text-std-17B-170">{t('career.conflict.title')}</p>
          <p className="mt-1">
            {conflict
              ? t('career.conflict.body', {
                  version: conflict.version,
                  who: conflict.updatedBy
                    ? personName(conflict.updatedBy, language)
                    : t('career.conflict.someone'),
                  when: formatInstant(conflict.updatedAt, language),
                })
              : t('career.conflict.bodyUnknown')}
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <Button onClick={loadCurrent}>{t('career.conflict.loadCurrent')}</Button>
            <Button variant="secondary" onClick={keepMine}>
              {t('career.conflict.keepMine')}
            </Button>
          </div>
        </div>
      ) : null}
      {unsaved ? <UnsavedText form={unsaved} onClose={() => setUnsaved(null)} /> : null}

      <Group title={t('career.plan.goals')} hint={t('career.plan.goalsHint')}>
        <TextField
          label={t('career.plan.shortTermGoal')}
          hint={t('career.plan.shortTermHint')}
          value={form.shortTermGoal}
          onChange={(v) => set('shortTermGoal', v)}
        />
        <TextField
          label={t('career.plan.midTermGoal')}
          hint={t('career.plan.midTermHint')}
          value={form.midTermGoal}
          onChange={(v) => set('midTermGoal', v)}
        />
        <TextField
          label={t('career.plan.longTermGoal')}
          hint={t('career.plan.longTermHint')}
          value={form.longTermGoal}
          onChange={(v) => set('longTermGoal', v)}
        />
      </Group>

      <Group title={t('career.plan.experiences')} hint={t('career.plan.experiencesHint')}>
        <ExperienceFields value={form.desiredExperiences} onChange={(v) => set('desiredExperiences', v)} />
      </Group>

      <Group title={t('career.plan.selfAssessment')} hint={t('career.plan.selfAssessmentHint')}>
        <SelfAssessmentFields
          images={images}
          value={form.selfAssessments}
          onChange={(v) => set('selfAssessments', v)}
        />
      </Group>

      <Group title={t('career.plan.skills')}>
        <TextField
          label={t('career.plan.skillsLabel')}
          hint={t('career.plan.skillsHint', { max: MAX_SKILLS })}
          value={form.skillsText}
          rows={4}
          onChange={(v) => set('skillsText', v)}
        />
        {tooManySkills ? (
          <p role="alert" className="text-dns-14B-130 text-error-1">
            {t('career.plan.tooManySkills', { max: MAX_SKILLS })}
          </p>
        ) : null}
      </Group>

      <PolicyLinkPicker
        legend={t('career.plan.links')}
        value={{ staffImageIds: form.staffImageIds, initiativeIds: form.initiativeIds }}
        onChange={(links) => {
          setForm((f) => ({ ...f, ...links }));
          setDone(null);
        }}
      />

      <div className="grid gap-3">
        {otherError ? (
          <FormError
            error={mutation.error}
            labels={{
              shortTermGoal: t('career.plan.shortTermGoal'),
              midTermGoal: t('career.plan.midTermGoal'),
              longTermGoal: t('career.plan.longTermGoal'),
              desiredExperiences: t('career.plan.experiences'),
              selfAssessments: t('career.plan.selfAssessment'),
              skillsToGain: t('career.plan.skills'),
              staffImageIds: t('career.plan.links'),
              initiativeIds: t('career.plan.links'),
            }}
          />
        ) : null}
        {done ? (
          <p role="status" className={noticeClass}>
            {t(`career.plan.done.${done}`)}
          </p>
        ) : null}
        {dirty ? <p className={hintClass}>{t('career.plan.unsavedChanges')}</p> : null}
        <div className="flex flex-wrap gap-3">
          <Button
            type="submit"
            variant="secondary"
            disabled={mutation.isPending || (!dirty && base !== null) || tooManySkills}
          >
            {t('career.plan.saveDraft')}
          </Button>
          <Button
            onClick={() => save(true)}
            disabled={mutation.isPending || (!dirty && status === 'submitted') || tooManySkills}
          >
            {dirty || !base ? t('career.plan.saveAndSubmit') : t('career.plan.submit')}
          </Button>
        </div>
        <p className={hintClass}>
          {status === 'submitted' && !dirty ? t('career.plan.submittedHint') : t('career.plan.submitHint')}
        </p>
      </div>
    </form>
  );
}
