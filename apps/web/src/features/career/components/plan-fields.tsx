import { DesiredExperienceKind, type StaffImage } from '@portal/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CharCount } from '../../../shared/forms/char-count.tsx';
import { TextAreaField } from '../../../shared/forms/record-fields.tsx';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { MAX_EXPERIENCES, type PlanForm, rowKey } from '../lib/plan-form.ts';
import {
  choiceClass,
  hintClass,
  inputClass,
  labelClass,
  panelClass,
  subTitleClass,
  textareaClass,
} from './styles.ts';

const LEVELS = [1, 2, 3, 4, 5] as const;

/** A plan's long text (goals, skills): its label, hint and how much of the 2,000 characters is used. */
export function TextField(props: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}) {
  return <TextAreaField {...props} max={2000} className={textareaClass} />;
}

/** A part of the plan, under its title and hint. */
export function Group({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="grid gap-3">
      <legend className={subTitleClass}>{title}</legend>
      {hint ? <p className={hintClass}>{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/** The 4 職員像: a level 1–5 and a comment for each. */
export function SelfAssessmentFields({
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

/** The experiences the person wishes for: a kind and a line each, up to the most a plan holds. */
export function ExperienceFields({
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
