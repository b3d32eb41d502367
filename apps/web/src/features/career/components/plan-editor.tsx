import {
  type CareerPlan,
  type CareerPlanView,
  DesiredExperienceKind,
  type StaffImage,
} from '@portal/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { CharCount } from '../../../shared/forms/char-count.tsx';
import { TextAreaField } from '../../../shared/forms/record-fields.tsx';
import { DraftOffer, useLocalDraft } from '../../../shared/forms/use-local-draft.tsx';
import { useUnsavedChanges } from '../../../shared/forms/use-unsaved-changes.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { usePolicy } from '../../policy/api/get-policy.ts';
import { PolicyLinkPicker } from '../../policy/components/policy-link-picker.tsx';
import { careerPlanQueryOptions } from '../api/get-career-plan.ts';
import { useSaveCareerPlan } from '../api/save-career-plan.ts';
import { formatInstant } from '../lib/dates.ts';
import { personName } from '../lib/people.ts';
import {
  MAX_EXPERIENCES,
  MAX_SKILLS,
  type PlanForm,
  rowKey,
  sameContent,
  toContent,
  toForm,
} from '../lib/plan-form.ts';
import { FormError } from './form-error.tsx';
import {
  choiceClass,
  hintClass,
  inputClass,
  labelClass,
  noticeClass,
  panelClass,
  subTitleClass,
  textareaClass,
  warnClass,
} from './styles.ts';

const LEVELS = [1, 2, 3, 4, 5] as const;

/** A plan's long text (goals, skills): its label, hint and how much of the 2,000 characters is used. */
function TextField(props: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}) {
  return <TextAreaField {...props} max={2000} className={textareaClass} />;
}

function Group({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="grid gap-3">
      <legend className={subTitleClass}>{title}</legend>
      {hint ? <p className={hintClass}>{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/** The 4 職員像: a level 1–5 and a comment for each. */
function SelfAssessmentFields({
  images,
  value,
  onChange,
}: {
  images: StaffImage[];
  value: PlanForm['selfAssessments'];
  onChange: (next: PlanForm['selfAssessments']) => void;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const baseId = useId();
  return (
    <div className="grid gap-4">
      {images.map((image) => {
        const current = value[image.id] ?? { level: null, comment: '' };
        const set = (patch: Partial<typeof current>) =>
          onChange({ ...value, [image.id]: { ...current, ...patch } });
        return (
          <fieldset key={image.id} className={panelClass} data-testid={`assessment-${image.code}`}>
            <legend className="text-std-16B-170 text-solid-gray-900">{l(image.title)}</legend>
            <div
              className="mt-2 flex flex-wrap gap-2"
              role="radiogroup"
              aria-label={t('career.plan.levelFor', { image: l(image.title) })}
            >
              {LEVELS.map((level) => (
                <label key={level} className={choiceClass} title={t(`career.plan.levels.${level}`)}>
                  <input
                    type="radio"
                    className="sr-only"
                    name={`${baseId}-${image.code}`}
                    checked={current.level === level}
                    onChange={() => set({ level })}
                  />
                  <span aria-hidden="true">{level}</span>
                  <span className="sr-only">
                    {t('career.plan.levelValue', { level, label: t(`career.plan.levels.${level}`) })}
                  </span>
                </label>
              ))}
              {current.level !== null ? (
                <Button variant="tertiary" onClick={() => set({ level: null })}>
                  {t('career.plan.clearLevel')}
                </Button>
              ) : null}
            </div>
            <p className={hintClass}>
              {current.level ? t(`career.plan.levels.${current.level}`) : t('career.plan.levelScale')}
            </p>
            <div className="mt-3">
              <TextAreaField
                label={t('career.plan.assessmentComment')}
                value={current.comment}
                onChange={(comment) => set({ comment })}
                max={1000}
                rows={2}
                className={textareaClass}
              />
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}

function ExperienceFields({
  value,
  onChange,
}: {
  value: PlanForm['desiredExperiences'];
  onChange: (next: PlanForm['desiredExperiences']) => void;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  const update = (key: string, patch: Partial<PlanForm['desiredExperiences'][number]>) =>
    onChange(value.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  return (
    <div className="grid gap-3">
      {value.length === 0 ? (
        <p className="text-std-16N-170 text-solid-gray-700">{t('career.plan.noExperiences')}</p>
      ) : null}
      <ul className="grid gap-3">
        {value.map((e, i) => (
          <li key={e.key} className="grid gap-2 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
            <div>
              <label htmlFor={`${baseId}-${e.key}-kind`} className={labelClass}>
                {t('career.plan.experienceKind', { n: i + 1 })}
              </label>
              <select
                id={`${baseId}-${e.key}-kind`}
                className={inputClass}
                value={e.kind}
                onChange={(ev) => update(e.key, { kind: DesiredExperienceKind.parse(ev.target.value) })}
              >
                {DesiredExperienceKind.options.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`career.plan.experienceKinds.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${baseId}-${e.key}-text`} className={labelClass}>
                {t('career.plan.experienceText', { n: i + 1 })}
              </label>
              <input
                id={`${baseId}-${e.key}-text`}
                className={inputClass}
                value={e.text}
                maxLength={500}
                aria-describedby={`${baseId}-${e.key}-count`}
                onChange={(ev) => update(e.key, { text: ev.target.value })}
              />
              <CharCount id={`${baseId}-${e.key}-count`} value={e.text} max={500} />
            </div>
            <Button variant="secondary" onClick={() => onChange(value.filter((x) => x.key !== e.key))}>
              {t('career.plan.removeExperience', { n: i + 1 })}
            </Button>
          </li>
        ))}
      </ul>
      {value.length < MAX_EXPERIENCES ? (
        <div>
          <Button
            variant="secondary"
            onClick={() => onChange([...value, { key: rowKey(), kind: 'field', text: '' }])}
          >
            {t('career.plan.addExperience')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** What the reader had typed when a newer version was loaded: kept on screen so nothing is lost. */
function UnsavedText({ form, onClose }: { form: PlanForm; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const rows: [string, string][] = [
    [t('career.plan.shortTermGoal'), form.shortTermGoal],
    [t('career.plan.midTermGoal'), form.midTermGoal],
    [t('career.plan.longTermGoal'), form.longTermGoal],
    [
      t('career.plan.experiences'),
      form.desiredExperiences
        .filter((e) => e.text.trim())
        .map((e) => `${t(`career.plan.experienceKinds.${e.kind}`)}: ${e.text}`)
        .join('\n'),
    ],
    [t('career.plan.skills'), form.skillsText],
  ];
  return (
    <section aria-labelledby={id} className={warnClass} data-testid="unsaved-text">
      <h4 id={id} className="text-std-16B-170">
        {t('career.conflict.yourText')}
      </h4>
      <p className="mt-1">{t('career.conflict.yourTextHint')}</p>
      <dl className="mt-2 grid gap-2">
        {rows
          .filter(([, text]) => text.trim())
          .map(([label, text]) => (
            <div key={label}>
              <dt className="text-dns-14B-130">{label}</dt>
              <dd className="whitespace-pre-wrap rounded-8 bg-white p-2">{text}</dd>
            </div>
          ))}
      </dl>
      <Button variant="secondary" className="mt-3" onClick={onClose}>
        {t('career.conflict.closeYourText')}
      </Button>
    </section>
  );
}

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
