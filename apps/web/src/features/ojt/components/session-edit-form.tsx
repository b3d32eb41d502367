import {
  OJT_MAX_MINUTES,
  OJT_METHODS,
  type OjtMethod,
  type OjtSession,
  type PolicyLinkIds,
} from '@portal/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { DateField } from '../../../shared/forms/date-field.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { useErrorMessage } from '../../../shared/ui/states.tsx';
import { PolicyLinkPicker } from '../../policy/components/policy-link-picker.tsx';
import { useUpdateOjtSession } from '../api/update-ojt-session.ts';
import { earliestSessionDay, localToday } from '../lib/dates.ts';
import { choiceClass, errorClass, hintClass, inputClass, labelClass } from './styles.ts';

type FieldErrors = Partial<Record<'occurredOn' | 'minutes' | 'topic', string>>;

const fieldsOf = (s: OjtSession) => ({
  occurredOn: s.occurredOn,
  minutes: String(s.minutes),
  method: s.method,
  topic: s.topic,
  notes: s.notes,
  links: { staffImageIds: s.staffImageIds, initiativeIds: s.initiativeIds } as PolicyLinkIds,
});

/**
 * The logger's correction of a session, with the parts of the log form. Once the trainee has
 * acknowledged it, the date and minutes they confirmed are shown but not editable. When someone
 * changed the session first (or the trainee acknowledged it meanwhile), the API answers 409: the
 * list reloads and the form takes the current session, saying so.
 */
export function SessionEditForm({
  session,
  onDone,
  onCancel,
}: {
  session: OjtSession;
  /** After the correction is saved */
  onDone: () => void;
  /** Closed without saving */
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateOjtSession();
  const [fields, setFields] = useState(() => fieldsOf(session));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const submitError = useErrorMessage(update.error);
  const conflictRef = useRef<HTMLParagraphElement>(null);
  const ids = {
    date: useId(),
    minutes: useId(),
    topic: useId(),
    notes: useId(),
    lockedHint: useId(),
  };
  const acknowledged = session.acknowledgedAt !== null;
  const set = <K extends keyof ReturnType<typeof fieldsOf>>(key: K, value: ReturnType<typeof fieldsOf>[K]) =>
    setFields((current) => ({ ...current, [key]: value }));

  // after a 409 the list reloads: take the current session into the form
  useEffect(() => {
    if (conflict) setFields(fieldsOf(session));
  }, [session.updatedAt]);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    const m = Number(fields.minutes);
    if (!Number.isInteger(m) || m < 1 || m > OJT_MAX_MINUTES)
      found.minutes = t('ojt.log.errors.minutes', { max: OJT_MAX_MINUTES });
    if (!fields.topic.trim()) found.topic = t('ojt.log.errors.topic');
    const d = fields.occurredOn;
    if (
      d !== session.occurredOn &&
      (!/^\d{4}-\d{2}-\d{2}$/.test(d) || d > localToday() || d < earliestSessionDay())
    )
      found.occurredOn = t('ojt.log.errors.date');
    return found;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) return;
    setConflict(null);
    update.mutate(
      {
        id: session.id,
        body: {
          occurredOn: fields.occurredOn,
          minutes: Number(fields.minutes),
          method: fields.method,
          topic: fields.topic.trim(),
          notes: fields.notes.trim(),
          ...fields.links,
          updatedAt: session.updatedAt,
        },
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (!isApiError(error)) return;
          if (error.status === 409) {
            setConflict(
              error.code === 'ojt_acknowledged'
                ? t('ojt.edit.conflictAcknowledged')
                : t('ojt.edit.conflictStale'),
            );
          } else if (error.status === 400) {
            const byField: FieldErrors = {};
            for (const e of error.errors) {
              if (e.field === 'body.occurredOn') byField.occurredOn = t('ojt.log.errors.date');
              else if (e.field === 'body.minutes')
                byField.minutes = t('ojt.log.errors.minutes', { max: OJT_MAX_MINUTES });
              else if (e.field === 'body.topic') byField.topic = t('ojt.log.errors.topic');
            }
            setErrors(byField);
          }
        },
      },
    );
  };

  const otherError =
    update.isError && !(isApiError(update.error) && [400, 409].includes(update.error.status));

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t('ojt.edit.formLabel', { topic: session.topic })}
      className="mt-4 grid gap-4 border-t border-solid-gray-200 pt-4"
    >
      {conflict ? (
        <p
          ref={conflictRef}
          tabIndex={-1}
          role="alert"
          className="rounded-8 border-2 border-error-1 bg-red-50 p-3 text-std-16N-170 text-error-2"
        >
          {conflict}
        </p>
      ) : null}
      {acknowledged ? (
        <p id={ids.lockedHint} className={hintClass}>
          {t('ojt.edit.lockedHint')}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <DateField
          id={ids.date}
          label={t('ojt.log.date')}
          inputClassName={`${inputClass} disabled:bg-solid-gray-50`}
          value={fields.occurredOn}
          min={earliestSessionDay()}
          max={localToday()}
          disabled={acknowledged}
          describedBy={acknowledged ? ids.lockedHint : undefined}
          error={errors.occurredOn}
          onChange={(value) => set('occurredOn', value)}
        />
        <div>
          <label htmlFor={ids.minutes} className={labelClass}>
            {t('ojt.edit.minutes')}
          </label>
          <input
            id={ids.minutes}
            type="number"
            inputMode="numeric"
            min={1}
            max={OJT_MAX_MINUTES}
            value={fields.minutes}
            disabled={acknowledged}
            aria-describedby={acknowledged ? ids.lockedHint : undefined}
            onChange={(event) => set('minutes', event.target.value)}
            aria-invalid={errors.minutes ? true : undefined}
            className={`${inputClass} disabled:bg-solid-gray-50`}
          />
          {errors.minutes ? <p className={errorClass}>{errors.minutes}</p> : null}
        </div>
      </div>
      <fieldset>
        <legend className={labelClass}>{t('ojt.log.method')}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {OJT_METHODS.map((m) => (
            <label key={m} className={`${choiceClass} justify-start`}>
              <input
                type="radio"
                name={`method-${session.id}`}
                value={m}
                checked={fields.method === m}
                onChange={() => set('method', m as OjtMethod)}
                className="sr-only"
              />
              {t(`ojt.methods.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={ids.topic} className={labelClass}>
          {t('ojt.log.topic')}
        </label>
        <input
          id={ids.topic}
          type="text"
          autoComplete="off"
          maxLength={200}
          required
          value={fields.topic}
          onChange={(event) => set('topic', event.target.value)}
          aria-invalid={errors.topic ? true : undefined}
          className={inputClass}
        />
        {errors.topic ? <p className={errorClass}>{errors.topic}</p> : null}
      </div>
      <details className="rounded-8 border border-solid-gray-200 p-3">
        <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170">
          {t('ojt.log.policyLinks')}
        </summary>
        <div className="mt-3">
          <PolicyLinkPicker value={fields.links} onChange={(links) => set('links', links)} />
        </div>
      </details>
      <div>
        <label htmlFor={ids.notes} className={labelClass}>
          {t('ojt.log.notes')}
        </label>
        <textarea
          id={ids.notes}
          rows={3}
          maxLength={4000}
          value={fields.notes}
          onChange={(event) => set('notes', event.target.value)}
          className={inputClass}
        />
      </div>
      {otherError ? (
        <p role="alert" className="text-dns-14B-130 text-error-1">
          {submitError}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" aria-disabled={update.isPending || undefined}>
          {update.isPending ? t('ojt.log.saving') : t('ojt.edit.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('ojt.common.cancel')}
        </Button>
      </div>
    </form>
  );
}
