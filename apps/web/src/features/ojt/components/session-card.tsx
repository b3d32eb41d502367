import type { OjtSession } from '@portal/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formatDate } from '../../../shared/format/date.ts';
import { CharCount } from '../../../shared/forms/char-count.tsx';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { useAnnounce } from '../../../shared/ui/announcer.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { useErrorMessage } from '../../../shared/ui/states.tsx';
import { PolicyLinkChips } from '../../policy/components/policy-link-chips.tsx';
import { useAcknowledgeOjtSession } from '../api/acknowledge-ojt-session.ts';
import { useDeleteOjtSession } from '../api/delete-ojt-session.ts';
import { AcknowledgedBadge } from './badges.tsx';
import { usePersonName } from './person-name.tsx';
import { SessionEditForm } from './session-edit-form.tsx';
import { hintClass, inputClass, labelClass } from './styles.ts';

/**
 * One OJT session: when, how, how long, what, who gave it to whom, its links to the policy, and the
 * trainee's acknowledgement. The trainee confirms it here, with an optional 振り返り they can edit later;
 * the supervisor who logged it corrects it here, or deletes it (after a confirmation) until it is
 * acknowledged.
 */
export function SessionCard({
  session,
  show,
}: {
  session: OjtSession;
  show: 'trainee' | 'supervisor' | 'both';
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = usePersonName();
  const headingId = useId();
  return (
    <article
      aria-labelledby={headingId}
      className="rounded-12 border border-solid-gray-200 bg-white p-4 md:p-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="text-dns-14N-130 text-solid-gray-700">
            <time dateTime={session.occurredOn}>{formatDate(session.occurredOn, language)}</time>
            {' · '}
            {t(`ojt.methods.${session.method}`)}
            {' · '}
            {t('ojt.session.minutes', { count: session.minutes })}
          </p>
          <h3 id={headingId} className="mt-1 text-std-18B-160 text-solid-gray-900">
            {session.topic}
          </h3>
        </div>
        <AcknowledgedBadge acknowledged={session.acknowledgedAt !== null} />
      </div>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-std-16N-170 sm:grid-cols-[auto_1fr]">
        {show !== 'trainee' ? (
          <>
            <dt className="text-solid-gray-700">{t('ojt.session.trainee')}</dt>
            <dd>{name(session.trainee)}</dd>
          </>
        ) : null}
        {show !== 'supervisor' ? (
          <>
            <dt className="text-solid-gray-700">{t('ojt.session.supervisor')}</dt>
            <dd>{name(session.supervisor)}</dd>
          </>
        ) : null}
      </dl>
      {session.notes ? <p className="mt-2 whitespace-pre-line text-std-16N-170">{session.notes}</p> : null}
      <PolicyLinkChips links={session.policyLinks} className="mt-3" />
      {session.reflection ? (
        <div className="mt-3 rounded-8 bg-solid-gray-50 p-3">
          <p className="text-dns-14B-130 text-solid-gray-800">{t('ojt.session.reflection')}</p>
          <p className="mt-1 whitespace-pre-line text-std-16N-170">{session.reflection}</p>
        </div>
      ) : null}
      {session.canAcknowledge ? <AcknowledgeForm session={session} /> : null}
      {session.canEdit ? <LoggerActions session={session} /> : null}
    </article>
  );
}

function LoggerActions({ session }: { session: OjtSession }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'idle' | 'editing' | 'confirmDelete'>('idle');
  const announce = useAnnounce();
  const remove = useDeleteOjtSession();
  const error = useErrorMessage(remove.error);
  const editRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const confirmId = useId();
  const [returnFocus, setReturnFocus] = useState(false);

  useEffect(() => {
    if (mode === 'confirmDelete') confirmRef.current?.focus();
    if (mode === 'idle' && returnFocus) {
      editRef.current?.focus();
      setReturnFocus(false);
    }
  }, [mode, returnFocus]);

  if (mode === 'editing') {
    return (
      <SessionEditForm
        session={session}
        onDone={() => {
          setReturnFocus(true);
          setMode('idle');
          announce(t('ojt.edit.savedNotice'));
        }}
        onCancel={() => {
          setReturnFocus(true);
          setMode('idle');
        }}
      />
    );
  }

  if (mode === 'confirmDelete') {
    return (
      <section aria-labelledby={confirmId} className="mt-4 rounded-8 border-2 border-error-1 bg-red-50 p-3">
        <p id={confirmId} className="text-std-16B-170 text-error-2">
          {t('ojt.edit.confirmDelete', { topic: session.topic })}
        </p>
        {remove.isError ? (
          <p role="alert" className="mt-2 text-dns-14B-130 text-error-1">
            {isApiError(remove.error) && remove.error.code === 'ojt_acknowledged'
              ? t('ojt.edit.deleteAcknowledged')
              : error}
          </p>
        ) : null}
        <div className="mt-3 flex flex-wrap gap-3">
          <Button
            ref={confirmRef}
            className="border-error-1 bg-error-1 hover:border-error-2 hover:bg-error-2"
            aria-disabled={remove.isPending || undefined}
            onClick={() => {
              if (!remove.isPending) remove.mutate(session.id);
            }}
          >
            {remove.isPending ? t('ojt.edit.deleting') : t('ojt.edit.delete')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              remove.reset();
              setReturnFocus(true);
              setMode('idle');
            }}
          >
            {t('ojt.common.cancel')}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <div className="mt-3 flex flex-wrap gap-2">
      <Button ref={editRef} variant="secondary" onClick={() => setMode('editing')}>
        {t('ojt.edit.edit')}
        <span className="sr-only">{t('ojt.edit.ofSession', { topic: session.topic })}</span>
      </Button>
      {session.canDelete ? (
        <Button variant="tertiary" onClick={() => setMode('confirmDelete')}>
          {t('ojt.edit.delete')}
          <span className="sr-only">{t('ojt.edit.ofSession', { topic: session.topic })}</span>
        </Button>
      ) : null}
    </div>
  );
}

function AcknowledgeForm({ session }: { session: OjtSession }) {
  const { t } = useTranslation();
  const ack = useAcknowledgeOjtSession();
  const announce = useAnnounce();
  const acknowledged = session.acknowledgedAt !== null;
  const [editing, setEditing] = useState(!acknowledged);
  // Once acknowledged (here or from a refreshed list), the card shows the result, not the form again.
  const [wasAcknowledged, setWasAcknowledged] = useState(acknowledged);
  if (acknowledged !== wasAcknowledged) {
    setWasAcknowledged(acknowledged);
    if (acknowledged) setEditing(false);
  }
  const [reflection, setReflection] = useState(session.reflection ?? '');
  const ids = { reflection: useId(), hint: useId() };
  const error = useErrorMessage(ack.error);

  if (!editing) {
    return (
      <Button variant="tertiary" className="mt-3" onClick={() => setEditing(true)}>
        {session.reflection ? t('ojt.session.editReflection') : t('ojt.session.addReflection')}
      </Button>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    ack.mutate(
      { id: session.id, body: { reflection: reflection.trim() } },
      {
        onSuccess: () => {
          setEditing(false);
          announce(acknowledged ? t('ojt.session.reflectionSaved') : t('ojt.session.acknowledgedNotice'));
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} className="mt-4 border-t border-solid-gray-200 pt-4">
      <label htmlFor={ids.reflection} className={labelClass}>
        {t('ojt.session.reflectionLabel')}
      </label>
      <p id={ids.hint} className={hintClass}>
        {t('ojt.session.reflectionHint')}
      </p>
      <textarea
        id={ids.reflection}
        rows={3}
        maxLength={2000}
        value={reflection}
        onChange={(event) => setReflection(event.target.value)}
        aria-describedby={`${ids.hint} ${ids.reflection}-count`}
        className={inputClass}
      />
      <CharCount id={`${ids.reflection}-count`} value={reflection} max={2000} />
      {ack.isError ? (
        <p role="alert" className="mt-2 text-dns-14B-130 text-error-1">
          {error}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="submit" disabled={ack.isPending}>
          {acknowledged ? t('ojt.session.saveReflection') : t('ojt.session.acknowledge')}
        </Button>
        {acknowledged ? (
          <Button variant="secondary" onClick={() => setEditing(false)}>
            {t('ojt.common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
