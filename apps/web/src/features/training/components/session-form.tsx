import type { TrainingSession } from '@portal/contracts';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { type SessionChange, useSaveSession } from '../api/save-training.ts';
import { fieldErrors, useTrainingErrorMessage } from '../lib/errors.ts';
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
  const id = useId();
  const [draft, setDraft] = useState<Draft>(session ? fromSession(session) : blank);
  const [done, setDone] = useState('');
  const save = useSaveSession();
  const key = useSubmissionKey();
  const errors = fieldErrors(save.error);
  const message = useTrainingErrorMessage(save.error);
  const stale = isApiError(save.error) && save.error.status === 409;
  const set = (patch: Partial<Draft>) => {
    setDone('');
    setDraft({ ...draft, ...patch });
  };

  const field = (name: keyof Draft, label: string, input: ReactNode) => (
    <div>
      <label htmlFor={`${id}-${name}`} className={labelClass}>
        {label}
      </label>
      {input}
      {errors.get(name) ? (
        <p id={`${id}-${name}-error`} className={errorClass}>
          {t('training.fieldInvalid', { detail: errors.get(name) })}
        </p>
      ) : null}
    </div>
  );
  const invalid = (name: keyof Draft) => ({
    'aria-invalid': errors.has(name),
    ...(errors.has(name) ? { 'aria-describedby': `${id}-${name}-error` } : {}),
  });

  return (
    <form
      noValidate
      className="grid gap-4 md:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
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
      {field(
        'startsAt',
        t('training.fields.startsAt'),
        <input
          id={`${id}-startsAt`}
          type="datetime-local"
          className={inputClass}
          value={draft.startsAt}
          required
          onChange={(e) =>
            set({
              startsAt: e.target.value,
              // a one-day session by default: the same day, and the deadline two weeks before
              ...(draft.endsAt ? {} : { endsAt: e.target.value.replace(/T.*/, 'T17:00') }),
              ...(draft.applicationDeadline || !e.target.value
                ? {}
                : {
                    applicationDeadline: japanDay(
                      new Date(Date.parse(fromLocalInput(e.target.value)) - 14 * 86_400_000).toISOString(),
                    ),
                  }),
            })
          }
          {...invalid('startsAt')}
        />,
      )}
      {field(
        'endsAt',
        t('training.fields.endsAt'),
        <input
          id={`${id}-endsAt`}
          type="datetime-local"
          className={inputClass}
          value={draft.endsAt}
          required
          onChange={(e) => set({ endsAt: e.target.value })}
          {...invalid('endsAt')}
        />,
      )}
      {field(
        'applicationDeadline',
        t('training.fields.deadline'),
        <input
          id={`${id}-applicationDeadline`}
          type="date"
          className={inputClass}
          value={draft.applicationDeadline}
          required
          onChange={(e) => set({ applicationDeadline: e.target.value })}
          {...invalid('applicationDeadline')}
        />,
      )}
      {field(
        'capacity',
        t('training.fields.capacity'),
        <input
          id={`${id}-capacity`}
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
              id={`${id}-venue`}
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
