import type { TrainingSession } from '@portal/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { DateField } from '../../../shared/forms/date-field.tsx';
import {
  FieldMessage,
  FormAlert,
  type FormErrors,
  useFormErrors,
} from '../../../shared/forms/use-form-errors.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { type SessionChange, useSaveSession } from '../api/save-training.ts';
import { useTrainingErrorMessage } from '../lib/errors.ts';
import { fromLocalInput, japanDay, toLocalInput } from '../lib/format.ts';
import { errorClass, inputClass, labelClass } from './styles.ts';

type Draft = {
  startsAt: string;
  endsAt: string;
  venue: string;
  online: boolean;
  capacity: string;
  applicationDeadline: string;
  cancelled: boolean;
};

const blank: Draft = {
  startsAt: '',
  endsAt: '',
  venue: '',
  online: false,
  capacity: '30',
  applicationDeadline: '',
  cancelled: false,
};

function fromSession(s: TrainingSession): Draft {
  return {
    startsAt: toLocalInput(s.startsAt),
    endsAt: toLocalInput(s.endsAt),
    venue: s.venue ?? '',
    online: s.online,
    capacity: String(s.capacity),
    applicationDeadline: s.applicationDeadline,
    cancelled: s.status === 'cancelled',
  };
}

/**
 * Adds a session to a course, or edits one (versioned: if someone else saved first, the form says
 * so and offers their version). Times are Japan time.
 */
export function SessionForm({
  trainingId,
  session,
  onSaved,
}: {
  trainingId: string;
  session?: TrainingSession;
  onSaved?: (s: TrainingSession) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(session ? fromSession(session) : blank);
  const [done, setDone] = useState('');
  const save = useSaveSession();
  const key = useSubmissionKey();
  const form = useFormErrors();
  const message = useTrainingErrorMessage(
    isApiError(save.error) && save.error.status === 400 ? null : save.error,
  );
  const stale = isApiError(save.error) && save.error.status === 409;
  const set = (patch: Partial<Draft>) => {
    setDone('');
    for (const name of Object.keys(patch)) form.clear(name);
    setDraft({ ...draft, ...patch });
  };

  /** What the form can tell before sending: missing dates, an end before the start, the seats. */
  const check = (): FormErrors => {
    const found: FormErrors = {};
    if (!draft.startsAt) found.startsAt = t('validation.required');
    if (!draft.endsAt) found.endsAt = t('validation.required');
    else if (draft.startsAt && draft.endsAt <= draft.startsAt)
      found.endsAt = t('validation.ends_before_start');
    if (!draft.applicationDeadline) found.applicationDeadline = t('validation.required');
    else if (draft.startsAt && draft.applicationDeadline > draft.startsAt.slice(0, 10))
      found.applicationDeadline = t('validation.deadline_after_start');
    const capacity = Number(draft.capacity);
    if (draft.capacity === '' || !Number.isInteger(capacity) || capacity < 1 || capacity > 10_000)
      found.capacity = t('validation.value_out_of_range', { min: 1, max: '10,000' });
    return found;
  };

  const field = (name: keyof Draft, label: string, input: ReactNode) => (
    <div>
      <label htmlFor={form.field(name).id} className={labelClass}>
        {label}
      </label>
      {input}
      <FieldMessage form={form} name={name} />
    </div>
  );
  const invalid = (name: keyof Draft) => form.field(name);

  return (
    <form
      ref={form.ref}
      noValidate
      className="grid gap-4 md:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (form.show(check())) return;
        const input: SessionChange = {
          startsAt: draft.startsAt ? fromLocalInput(draft.startsAt) : '',
          endsAt: draft.endsAt ? fromLocalInput(draft.endsAt) : '',
          venue: draft.online ? null : draft.venue.trim() || null,
          online: draft.online,
          capacity: Number(draft.capacity),
          applicationDeadline: draft.applicationDeadline,
          ...(session ? { status: draft.cancelled ? 'cancelled' : 'scheduled' } : {}),
        };
        save.mutate(
          {
            input,
            target: session
              ? { sessionId: session.id, version: session.version }
              : { trainingId, idempotencyKey: key.current() },
          },
          {
            onError: (error) => form.showProblem(error),
            onSuccess: (saved) => {
              key.reset();
              if (!session) setDraft(blank);
              setDone(session ? t('training.session.saved') : t('training.session.added'));
              onSaved?.(saved);
            },
          },
        );
      }}
    >
      <DateField
        type="datetime-local"
        id={form.field('startsAt').id}
        label={t('training.fields.startsAt')}
        inputClassName={inputClass}
        value={draft.startsAt}
        required
        error={form.errors.startsAt}
        onChange={(startsAt) =>
          set({
            startsAt,
            // a one-day session by default: the same day, and the deadline two weeks before
            ...(draft.endsAt ? {} : { endsAt: startsAt.replace(/T.*/, 'T17:00') }),
            ...(draft.applicationDeadline || !startsAt
              ? {}
              : {
                  applicationDeadline: japanDay(
                    new Date(Date.parse(fromLocalInput(startsAt)) - 14 * 86_400_000).toISOString(),
                  ),
                }),
          })
        }
      />
      <DateField
        type="datetime-local"
        id={form.field('endsAt').id}
        label={t('training.fields.endsAt')}
        inputClassName={inputClass}
        value={draft.endsAt}
        required
        error={form.errors.endsAt}
        onChange={(endsAt) => set({ endsAt })}
      />
      <DateField
        id={form.field('applicationDeadline').id}
        label={t('training.fields.deadline')}
        inputClassName={inputClass}
        value={draft.applicationDeadline}
        required
        error={form.errors.applicationDeadline}
        onChange={(applicationDeadline) => set({ applicationDeadline })}
      />
      {field(
        'capacity',
        t('training.fields.capacity'),
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={10000}
          className={inputClass}
          value={draft.capacity}
          required
          onChange={(e) => set({ capacity: e.target.value })}
          {...invalid('capacity')}
        />,
      )}
      <div className="md:col-span-2">
        <label className="flex min-h-11 items-center gap-2 text-std-16N-170">
          <input
            type="checkbox"
            className="size-5"
            checked={draft.online}
            onChange={(e) => set({ online: e.target.checked })}
          />
          {t('training.online')}
        </label>
      </div>
      {!draft.online
        ? field(
            'venue',
            t('training.fields.venue'),
            <input
              className={inputClass}
              value={draft.venue}
              maxLength={200}
              onChange={(e) => set({ venue: e.target.value })}
              {...invalid('venue')}
            />,
          )
        : null}
      {session ? (
        <div className="md:col-span-2">
          <label className="flex min-h-11 items-center gap-2 text-std-16N-170">
            <input
              type="checkbox"
              className="size-5"
              checked={draft.cancelled}
              onChange={(e) => set({ cancelled: e.target.checked })}
            />
            {t('training.session.cancel')}
          </label>
        </div>
      ) : null}
      <div className="md:col-span-2">
        <FormAlert form={form} />
        {message ? (
          <p role="alert" className={errorClass}>
            {stale ? t('training.errors.stale_session') : message}
          </p>
        ) : null}
        <p aria-live="polite" className="text-std-16B-170 text-green-1000">
          {done}
        </p>
        <div className="mt-2 flex flex-wrap gap-3">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending
              ? t('training.sending')
              : session
                ? t('training.session.save')
                : t('training.session.add')}
          </Button>
        </div>
      </div>
    </form>
  );
}
