import { type Training, type TrainingSession, trainingTargetMisses } from '@portal/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { formatList } from '../../../shared/format/list.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { useApply } from '../api/applications.ts';
import { useTrainingErrorMessage } from '../lib/errors.ts';
import { formatSessionDates } from '../lib/format.ts';
import { Dialog } from './dialog.tsx';
import { errorClass, hintClass, inputClass, labelClass } from './styles.ts';

/**
 * Apply to a session with a reason; the supervisor sees the reason when approving. Someone outside the
 * course's target grades or job families (対象外) is told so before applying; they may still apply.
 */
export function ApplyDialog({
  session,
  training,
  courseTitle,
  onClose,
  onApplied,
}: {
  session: TrainingSession | null;
  training: Pick<Training, 'targetGrades' | 'targetJobFamilies'>;
  courseTitle: string;
  onClose: () => void;
  onApplied: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const apply = useApply();
  const key = useSubmissionKey();
  const message = useTrainingErrorMessage(apply.error);
  const missing = reason.trim() === '';
  const l = useLocalized();
  const me = useMe().data?.staff;
  const misses = me
    ? trainingTargetMisses(
        {
          gradeIds: training.targetGrades.map((g) => g.id),
          jobFamilyIds: training.targetJobFamilies.map((j) => j.id),
        },
        { gradeId: me.current?.grade.id ?? null, jobFamilyId: me.jobFamily.id },
      )
    : [];
  const targetText = formatList(
    [...training.targetGrades.map((g) => l(g.name)), ...training.targetJobFamilies.map((j) => l(j.name))],
    language,
  );
  const close = () => {
    setReason('');
    setTouched(false);
    apply.reset();
    key.reset();
    onClose();
  };
  return (
    <Dialog open={session !== null} title={t('training.apply.title', { title: courseTitle })} onClose={close}>
      {session ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTouched(true);
            if (missing) return;
            apply.mutate(
              { sessionId: session.id, reason: reason.trim(), idempotencyKey: key.current() },
              {
                onSuccess: () => {
                  key.reset();
                  setReason('');
                  setTouched(false);
                  onApplied();
                },
              },
            );
          }}
        >
          <p className="mb-4 text-std-16N-170">
            {formatSessionDates(session.startsAt, session.endsAt, language)}
          </p>
          {misses.length ? (
            <div
              id={`${id}-outside`}
              className="mb-4 rounded-8 border-2 border-orange-800 bg-orange-50 p-3 text-std-16N-170"
            >
              <p className="font-bold">{t('training.eligibility.warningTitle')}</p>
              <p>{t('training.eligibility.warning', { target: targetText })}</p>
            </div>
          ) : null}
          <label htmlFor={`${id}-reason`} className={labelClass}>
            {t('training.apply.reason')}
          </label>
          <p id={`${id}-hint`} className={hintClass}>
            {t('training.apply.reasonHint')}
          </p>
          <textarea
            id={`${id}-reason`}
            className={`${inputClass} min-h-32`}
            value={reason}
            maxLength={1000}
            required
            aria-invalid={touched && missing}
            aria-describedby={`${id}-hint${misses.length ? ` ${id}-outside` : ''}${touched && missing ? ` ${id}-error` : ''}`}
            onChange={(e) => setReason(e.target.value)}
          />
          {touched && missing ? (
            <p id={`${id}-error`} className={errorClass}>
              {t('training.apply.reasonRequired')}
            </p>
          ) : null}
          {message ? (
            <p role="alert" className={`${errorClass} mt-4`}>
              {message}
            </p>
          ) : null}
          <div className="mt-6 flex flex-wrap gap-3">
            <Button type="submit" disabled={apply.isPending}>
              {apply.isPending ? t('training.sending') : t('training.apply.submit')}
            </Button>
            <Button variant="secondary" onClick={close}>
              {t('training.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
