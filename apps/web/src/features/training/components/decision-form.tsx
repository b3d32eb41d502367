import type { TrainingApplication } from '@portal/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../shared/ui/button.tsx';
import { type DecisionKind, useDecide } from '../api/applications.ts';
import { useTrainingErrorMessage } from '../lib/errors.ts';
import { errorClass, hintClass, inputClass, labelClass } from './styles.ts';

/**
 * Approve / decline (the supervisor) or accept / reject (HR, the owning bureau), with a reason —
 * required to say no, optional to say yes.
 */
export function DecisionForm({
  application,
  step,
  onDone,
}: {
  application: TrainingApplication;
  step: 'supervisor' | 'hr';
  onDone?: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const decide = useDecide();
  const message = useTrainingErrorMessage(decide.error);
  const [yes, no]: [DecisionKind, DecisionKind] =
    step === 'supervisor' ? ['approve', 'decline'] : ['accept', 'reject'];
  const send = (decision: DecisionKind) => {
    if (decision === no && reason.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    decide.mutate(
      { id: application.id, decision, reason: reason.trim(), version: application.version },
      {
        onSuccess: (a) =>
          onDone?.(
            t(`training.decision.done.${a.status === 'waitlisted' ? 'waitlisted' : decision}`, {
              name: application.staff.name,
            }),
          ),
      },
    );
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        send(yes);
      }}
    >
      <label htmlFor={`${id}-reason`} className={labelClass}>
        {t('training.decision.reason')}
      </label>
      <p id={`${id}-hint`} className={hintClass}>
        {t(`training.decision.reasonHint.${step}`)}
      </p>
      <textarea
        id={`${id}-reason`}
        className={`${inputClass} min-h-20`}
        value={reason}
        maxLength={1000}
        aria-invalid={missing}
        aria-describedby={`${id}-hint${missing ? ` ${id}-error` : ''}`}
        onChange={(e) => setReason(e.target.value)}
      />
      {missing ? (
        <p id={`${id}-error`} className={errorClass}>
          {t('training.decision.reasonRequired')}
        </p>
      ) : null}
      {message ? (
        <p role="alert" className={errorClass}>
          {message}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="submit" disabled={decide.isPending}>
          {t(`training.decision.${yes}`)}
        </Button>
        <Button variant="secondary" disabled={decide.isPending} onClick={() => send(no)}>
          {t(`training.decision.${no}`)}
        </Button>
      </div>
    </form>
  );
}
