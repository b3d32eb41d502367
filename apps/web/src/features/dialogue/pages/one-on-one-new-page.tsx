import type { OneOnOne } from '@portal/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { formatDate } from '../../../shared/format/date.ts';
import { SubmitBar } from '../../../shared/forms/record-fields.tsx';
import { DraftOffer, useLocalDraft } from '../../../shared/forms/use-local-draft.tsx';
import { useUnsavedChanges } from '../../../shared/forms/use-unsaved-changes.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { choiceClass, errorClass, labelClass, linkButtonClass } from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { useTeamOneOnOnes } from '../api/get-team-one-on-ones.ts';
import { useRecordOneOnOne } from '../api/record-one-on-one.ts';
import {
  checkDraft,
  ErrorSummary,
  type FieldErrors,
  fieldsOf,
  hasWork,
  newDraft,
  type OneOnOneDraft,
  OneOnOneFields,
  problemErrors,
} from '../components/one-on-one-form.tsx';
import { usePersonName } from '../components/person-name.ts';

/**
 * `/one-on-ones/new`: recording a 1on1 on a phone in a few taps — pick the person (those waiting the
 * longest first), today and 30 minutes are the defaults, write what was talked about and agreed;
 * private notes and policy links are there when wanted. A 1on1 still to come is scheduled instead,
 * and the person can then add their agenda. One submission sends one `Idempotency-Key`.
 */
export function OneOnOneNewPage() {
  const { t } = useTranslation();
  const title = t('dialogue.record.title');
  useDocumentTitle(title);
  const { can } = usePermissions();
  if (!can('one-on-one:write:team')) {
    return (
      <>
        <PageHeader title={title} />
        <EmptyState>
          <p>{t('dialogue.record.notSupervisor')}</p>
          <Link to="/one-on-ones" className="mt-3 inline-block">
            {t('dialogue.record.toList')}
          </Link>
        </EmptyState>
      </>
    );
  }
  return <RecordForm title={title} />;
}

function RecordForm({ title }: { title: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = usePersonName();
  const me = useMe();
  const [params] = useSearchParams();
  const team = useTeamOneOnOnes();
  const [staffId, setStaffId] = useState(params.get('staff') ?? '');
  const [draft, setDraft] = useState<OneOnOneDraft>(newDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<OneOnOne | null>(null);
  const key = useSubmissionKey();
  const record = useRecordOneOnOne();
  const doneRef = useRef<HTMLDivElement>(null);

  // what was typed survives a session that ended (kept on this device) and is not left by accident
  const dirty = hasWork(draft);
  const localDraft = useLocalDraft({
    owner: me.data?.staff.id,
    name: 'one-on-one.new',
    value: { staffId, draft },
    dirty,
  });
  useUnsavedChanges(dirty);

  useEffect(() => key.reset(), [staffId, draft, key]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const members = team.data?.items ?? [];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (record.isPending) return;
    const found = checkDraft(t, draft);
    if (!staffId) found.staff = t('dialogue.record.errors.staff');
    setErrors(found);
    if (Object.keys(found).length) return;
    record.mutate(
      {
        input: { staffId, ...fieldsOf(draft, staffId, me.data?.staff.id ?? '') },
        idempotencyKey: key.current(),
      },
      {
        onSuccess: (saved) => {
          key.reset();
          localDraft.clear();
          setDone(saved);
          setDraft({ ...newDraft(), heldOn: draft.heldOn, minutes: draft.minutes, kind: draft.kind });
          setStaffId('');
        },
        onError: (error) => {
          const byField = problemErrors(t, error, draft.scheduled);
          if (byField) setErrors(byField);
        },
      },
    );
  };

  if (done) {
    return (
      <>
        <PageHeader title={title} />
        <div
          ref={doneRef}
          tabIndex={-1}
          role="status"
          className="rounded-12 border-2 border-green-800 bg-green-50 p-4 md:p-6"
        >
          <p className="text-std-18B-160 text-green-1000">
            {done.status === 'scheduled' ? t('dialogue.record.doneScheduled') : t('dialogue.record.done')}
          </p>
          <p className="mt-1 text-std-16N-170">
            {`${formatDate(done.heldOn, language)} · ${name(done.staff)}`}
          </p>
          {done.actions.length ? (
            <p className="mt-1 text-std-16N-170">
              {t('dialogue.record.doneActions', { count: done.actions.length })}
            </p>
          ) : null}
        </div>
        <div className="mt-6 flex flex-wrap gap-3">
          <Button onClick={() => setDone(null)}>{t('dialogue.record.another')}</Button>
          <Link to={`/one-on-ones/${done.id}`} className={linkButtonClass}>
            {t('dialogue.record.open')}
          </Link>
          <Link to="/one-on-ones" className={linkButtonClass}>
            {t('dialogue.record.toList')}
          </Link>
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeader title={title} lead={t('dialogue.record.lead')} />
      <DraftOffer
        draft={localDraft}
        onRestore={(kept) => {
          setStaffId(kept.staffId);
          setDraft(kept.draft);
        }}
      />
      <form onSubmit={onSubmit} noValidate className="grid max-w-2xl gap-6">
        <ErrorSummary errors={errors} />

        <fieldset>
          <legend className={labelClass}>{t('dialogue.record.staff')}</legend>
          {team.isPending ? (
            <LoadingState label={t('dialogue.record.loadingTeam')} />
          ) : team.isError ? (
            <ErrorState error={team.error} onRetry={() => void team.refetch()} />
          ) : members.length === 0 ? (
            <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('dialogue.record.noTeam')}</p>
          ) : (
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {members.map((m) => (
                <label key={m.staff.id} className={`${choiceClass} justify-start gap-2 text-left`}>
                  <input
                    type="radio"
                    name="staff"
                    value={m.staff.id}
                    checked={staffId === m.staff.id}
                    onChange={() => setStaffId(m.staff.id)}
                    className="size-5 shrink-0"
                  />
                  <span>
                    {name(m.staff)}
                    <span
                      className={`block text-dns-14N-130 ${m.overdue ? 'text-error-2' : 'text-solid-gray-700'}`}
                    >
                      {m.daysSinceLast === null
                        ? t('dialogue.team.never')
                        : t('dialogue.team.daysSince', { count: m.daysSinceLast })}
                      {m.overdue ? ` · ${t('dialogue.team.overdue')}` : ''}
                    </span>
                  </span>
                </label>
              ))}
            </div>
          )}
          {errors.staff ? <p className={errorClass}>{errors.staff}</p> : null}
        </fieldset>

        <OneOnOneFields value={draft} onChange={setDraft} errors={errors} />

        <SubmitBar error={record.error} retryNote={t('dialogue.record.retrySafe')} pending={record.isPending}>
          {record.isPending
            ? t('dialogue.record.saving')
            : draft.scheduled
              ? t('dialogue.record.submitScheduled')
              : t('dialogue.record.submit')}
        </SubmitBar>
      </form>
    </>
  );
}
