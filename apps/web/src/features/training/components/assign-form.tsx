import type { Training, TrainingAssignmentResult, TrainingSession } from '@portal/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useAssign } from '../api/applications.ts';
import { useTrainingOptions } from '../api/get-trainings.ts';
import { useTrainingErrorMessage } from '../lib/errors.ts';
import { formatSessionDates, punct } from '../lib/format.ts';
import { checkboxRowClass, errorClass, labelClass, selectClass } from './styles.ts';

/**
 * Bulk enrolment: everyone now in the chosen grades into one session, accepted up to its capacity
 * and the rest waiting in order. People already in the session, or who completed the course, are skipped.
 */
export function AssignForm({ training, sessions }: { training: Training; sessions: TrainingSession[] }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const id = useId();
  const options = useTrainingOptions();
  const open = sessions.filter((s) => s.status === 'scheduled');
  const [sessionId, setSessionId] = useState(open[0]?.id ?? '');
  const [gradeIds, setGradeIds] = useState<string[]>(training.targetGrades.map((g) => g.id));
  const [result, setResult] = useState<TrainingAssignmentResult | null>(null);
  const assign = useAssign();
  const key = useSubmissionKey();
  const message = useTrainingErrorMessage(assign.error);
  if (!open.length) return <p className="text-std-16N-170">{t('training.assign.noSession')}</p>;
  return (
    <form
      className="grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!gradeIds.length || !sessionId) return;
        setResult(null);
        assign.mutate(
          { trainingId: training.id, sessionId, gradeIds, idempotencyKey: key.current() },
          {
            onSuccess: (r) => {
              key.reset();
              setResult(r);
            },
          },
        );
      }}
    >
      <div>
        <label htmlFor={`${id}-session`} className={labelClass}>
          {t('training.assign.session')}
        </label>
        <select
          id={`${id}-session`}
          className={selectClass}
          value={sessionId}
          onChange={(e) => {
            key.reset();
            setSessionId(e.target.value);
          }}
        >
          {open.map((s) => (
            <option key={s.id} value={s.id}>
              {formatSessionDates(s.startsAt, s.endsAt, language)}
              {punct(language).open}
              {t('training.seats', {
                accepted: s.acceptedCount,
                capacity: s.capacity,
              })}
              {punct(language).close}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className={labelClass}>{t('training.assign.grades')}</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-3">
          {options.data?.grades.map((g) => (
            <label key={g.id} className={checkboxRowClass}>
              <input
                type="checkbox"
                className="mt-1 size-5"
                checked={gradeIds.includes(g.id)}
                onChange={(e) => {
                  key.reset();
                  setGradeIds(e.target.checked ? [...gradeIds, g.id] : gradeIds.filter((x) => x !== g.id));
                }}
              />
              <span>{l(g.name)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {message ? (
        <p role="alert" className={errorClass}>
          {message}
        </p>
      ) : null}
      <p aria-live="polite" className="text-std-16B-170 text-green-1000">
        {result ? t('training.assign.result', result) : ''}
      </p>
      <div>
        <Button type="submit" disabled={assign.isPending || !gradeIds.length}>
          {assign.isPending ? t('training.sending') : t('training.assign.submit')}
        </Button>
      </div>
    </form>
  );
}
