import type { TrainingApplication } from '@portal/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../shared/ui/button.tsx';
import { useConfirmPractice, useFeedback, usePracticeReport } from '../api/applications.ts';
import { useTrainingErrorMessage } from '../lib/errors.ts';
import { errorClass, hintClass, inputClass, labelClass } from './styles.ts';

function Scale({
  name,
  label,
  value,
  onChange,
}: {
  name: string;
  label: string;
  value: number;
  onChange: (v: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend className={labelClass}>{label}</legend>
      <div className="mt-1 flex flex-wrap gap-2">
        {[1, 2, 3, 4, 5].map((n) => (
          <label
            key={n}
            className="inline-flex min-h-11 min-w-14 cursor-pointer items-center justify-center gap-2 rounded-8 border-2 border-solid-gray-420 bg-white px-3 py-2 has-[:checked]:border-blue-900 has-[:checked]:bg-blue-50 has-[:checked]:font-bold has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-black"
          >
            <input
              type="radio"
              name={name}
              value={n}
              className="size-4"
              checked={value === n}
              onChange={() => onChange(n)}
            />
            <span>
              {n}
              <span className="sr-only">{t('training.feedback.of5')}</span>
            </span>
          </label>
        ))}
      </div>
      <p className={hintClass}>{t('training.feedback.scaleHint')}</p>
    </fieldset>
  );
}

/** The short survey after the course: satisfaction, usefulness (1–5) and a free comment. */
export function FeedbackForm({
  application,
  onDone,
}: {
  application: TrainingApplication;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [satisfaction, setSatisfaction] = useState(0);
  const [usefulness, setUsefulness] = useState(0);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useFeedback();
  const message = useTrainingErrorMessage(send.error);
  return (
    <form
      className="grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!satisfaction || !usefulness) {
          setMissing(true);
          return;
        }
        send.mutate(
          { id: application.id, satisfaction, usefulness, comment: comment.trim() },
          { onSuccess: () => onDone(t('training.feedback.done')) },
        );
      }}
    >
      <Scale
        name={`${id}-s`}
        label={t('training.feedback.satisfaction')}
        value={satisfaction}
        onChange={setSatisfaction}
      />
      <Scale
        name={`${id}-u`}
        label={t('training.feedback.usefulness')}
        value={usefulness}
        onChange={setUsefulness}
      />
      <div>
        <label htmlFor={`${id}-comment`} className={labelClass}>
          {t('training.feedback.comment')}
        </label>
        <textarea
          id={`${id}-comment`}
          className={`${inputClass} min-h-20`}
          value={comment}
          maxLength={2000}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {missing ? <p className={errorClass}>{t('training.feedback.missing')}</p> : null}
      {message ? (
        <p role="alert" className={errorClass}>
          {message}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={send.isPending}>
          {t('training.feedback.submit')}
        </Button>
      </div>
    </form>
  );
}

/** 職場での実践: some weeks after the course, what the person put into practice. */
export function PracticeReportForm({
  application,
  onDone,
}: {
  application: TrainingApplication;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const send = usePracticeReport();
  const message = useTrainingErrorMessage(send.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!body.trim()) {
          setMissing(true);
          return;
        }
        send.mutate(
          { id: application.id, body: body.trim() },
          { onSuccess: () => onDone(t('training.practice.done')) },
        );
      }}
    >
      <label htmlFor={`${id}-body`} className={labelClass}>
        {t('training.practice.body')}
      </label>
      <p id={`${id}-hint`} className={hintClass}>
        {t('training.practice.hint')}
      </p>
      <textarea
        id={`${id}-body`}
        className={`${inputClass} min-h-28`}
        value={body}
        maxLength={4000}
        aria-invalid={missing}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setBody(e.target.value)}
      />
      {missing ? <p className={errorClass}>{t('training.practice.missing')}</p> : null}
      {message ? (
        <p role="alert" className={errorClass}>
          {message}
        </p>
      ) : null}
      <div className="mt-3">
        <Button type="submit" disabled={send.isPending}>
          {t('training.practice.submit')}
        </Button>
      </div>
    </form>
  );
}

/** The supervisor confirms a practice report, with an optional comment. */
export function ConfirmPracticeForm({
  application,
  onDone,
}: {
  application: TrainingApplication;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [comment, setComment] = useState('');
  const send = useConfirmPractice();
  const message = useTrainingErrorMessage(send.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate(
          { id: application.id, comment: comment.trim() },
          { onSuccess: () => onDone(t('training.practice.confirmed', { name: application.staff.name })) },
        );
      }}
    >
      <label htmlFor={`${id}-comment`} className={labelClass}>
        {t('training.practice.comment')}
      </label>
      <textarea
        id={`${id}-comment`}
        className={`${inputClass} min-h-20`}
        value={comment}
        maxLength={1000}
        onChange={(e) => setComment(e.target.value)}
      />
      {message ? (
        <p role="alert" className={errorClass}>
          {message}
        </p>
      ) : null}
      <div className="mt-3">
        <Button type="submit" disabled={send.isPending}>
          {t('training.practice.confirm')}
        </Button>
      </div>
    </form>
  );
}
