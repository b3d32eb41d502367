import {
  ONE_ON_ONE_KINDS,
  ONE_ON_ONE_MAX_MINUTES,
  type OneOnOne,
  type OneOnOneKind,
  type PolicyLinkIds,
} from '@portal/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { formatDate } from '../../../shared/format/date.ts';
import { CharCount } from '../../../shared/forms/char-count.tsx';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import {
  choiceClass,
  errorClass,
  hintClass,
  inputClass,
  labelClass,
  linkButtonClass,
} from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorState, LoadingState, useErrorMessage } from '../../../shared/ui/states.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { PolicyLinkPicker } from '../../policy/components/policy-link-picker.tsx';
import { useTeamOneOnOnes } from '../api/get-team-one-on-ones.ts';
import { useRecordOneOnOne } from '../api/record-one-on-one.ts';
import { usePersonName } from '../components/person-name.ts';

const MINUTE_CHOICES = [15, 30, 45, 60] as const;

type FieldErrors = Partial<Record<'staff' | 'heldOn' | 'minutes' | 'actions', string>>;
type ActionDraft = { key: string; text: string; owner: 'staff' | 'me'; dueOn: string };

/** Today on the reader's calendar, as `YYYY-MM-DD`. */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

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
  const ids = {
    date: useId(),
    minutes: useId(),
    topics: useId(),
    shared: useId(),
    private: useId(),
    privateHint: useId(),
    errors: useId(),
  };
  const team = useTeamOneOnOnes();
  const [staffId, setStaffId] = useState(params.get('staff') ?? '');
  const [scheduled, setScheduled] = useState(false);
  const [heldOn, setHeldOn] = useState(localToday());
  const [minutes, setMinutes] = useState('30');
  const [kind, setKind] = useState<OneOnOneKind>('one_on_one');
  const [topics, setTopics] = useState('');
  const [sharedNotes, setSharedNotes] = useState('');
  const [privateNotes, setPrivateNotes] = useState('');
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const [links, setLinks] = useState<PolicyLinkIds>({ staffImageIds: [], initiativeIds: [] });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<OneOnOne | null>(null);
  const key = useSubmissionKey();
  const record = useRecordOneOnOne();
  const submitError = useErrorMessage(record.error);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(
    () => key.reset(),
    [staffId, scheduled, heldOn, minutes, kind, topics, sharedNotes, privateNotes, actions, links, key],
  );
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const members = team.data?.items ?? [];
  const today = localToday();

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!staffId) found.staff = t('dialogue.record.errors.staff');
    const m = Number(minutes);
    if (!Number.isInteger(m) || m < 1 || m > ONE_ON_ONE_MAX_MINUTES)
      found.minutes = t('dialogue.record.errors.minutes', { max: ONE_ON_ONE_MAX_MINUTES });
    if (!heldOn || (scheduled ? heldOn < today : heldOn > today))
      found.heldOn = scheduled ? t('dialogue.record.errors.dateAhead') : t('dialogue.record.errors.datePast');
    if (actions.some((a) => !a.text.trim())) found.actions = t('dialogue.record.errors.actionText');
    return found;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (record.isPending) return;
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) return;
    const myId = me.data?.staff.id ?? '';
    record.mutate(
      {
        input: {
          staffId,
          heldOn,
          status: scheduled ? 'scheduled' : 'held',
          minutes: Number(minutes),
          kind,
          topics: topics
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
          sharedNotes: sharedNotes.trim(),
          privateNotes: privateNotes.trim(),
          actions: actions.map((a) => ({
            text: a.text.trim(),
            ownerId: a.owner === 'me' ? myId : staffId,
            ...(a.dueOn ? { dueOn: a.dueOn } : {}),
          })),
          ...links,
        },
        idempotencyKey: key.current(),
      },
      {
        onSuccess: (saved) => {
          key.reset();
          setDone(saved);
          setTopics('');
          setSharedNotes('');
          setPrivateNotes('');
          setActions([]);
          setStaffId('');
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 400) {
            const byField: FieldErrors = {};
            for (const e of error.errors) {
              if (e.field === 'body.heldOn')
                byField.heldOn = scheduled
                  ? t('dialogue.record.errors.dateAhead')
                  : t('dialogue.record.errors.datePast');
              else if (e.field === 'body.minutes')
                byField.minutes = t('dialogue.record.errors.minutes', { max: ONE_ON_ONE_MAX_MINUTES });
              else if (e.field.startsWith('body.actions'))
                byField.actions = t('dialogue.record.errors.actionText');
              else if (e.field === 'body.staffId') byField.staff = t('dialogue.record.errors.staff');
            }
            setErrors(byField);
          }
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

  const errorList = Object.values(errors).filter(Boolean);
  const setAction = (k: string, patch: Partial<ActionDraft>) =>
    setActions((current) => current.map((a) => (a.key === k ? { ...a, ...patch } : a)));

  return (
    <>
      <PageHeader title={title} lead={t('dialogue.record.lead')} />
      <form onSubmit={onSubmit} noValidate className="grid max-w-2xl gap-6">
        {errorList.length ? (
          <div id={ids.errors} role="alert" className="rounded-8 border-2 border-error-1 bg-red-50 p-4">
            <p className="text-std-16B-170 text-error-2">{t('dialogue.record.errors.title')}</p>
            <ul className="mt-1 list-disc pl-6">
              {errorList.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}

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

        <fieldset>
          <legend className={labelClass}>{t('dialogue.record.when')}</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {(['held', 'scheduled'] as const).map((s) => (
              <label key={s} className={choiceClass}>
                <input
                  type="radio"
                  name="status"
                  value={s}
                  checked={scheduled === (s === 'scheduled')}
                  onChange={() => {
                    setScheduled(s === 'scheduled');
                    if (s === 'held' && heldOn > today) setHeldOn(today);
                    if (s === 'scheduled' && heldOn < today) setHeldOn(today);
                  }}
                  className="sr-only"
                />
                {t(`dialogue.status.${s}`)}
              </label>
            ))}
          </div>
          <label htmlFor={ids.date} className="mt-3 block text-dns-14B-130">
            {t('dialogue.record.date')}
          </label>
          <input
            id={ids.date}
            type="date"
            value={heldOn}
            {...(scheduled ? { min: today } : { max: today })}
            onChange={(event) => setHeldOn(event.target.value)}
            aria-invalid={errors.heldOn ? true : undefined}
            className={`${inputClass} max-w-60`}
          />
          {/^\d{4}-\d{2}-\d{2}$/.test(heldOn) ? (
            <p className={hintClass}>{formatDate(heldOn, language)}</p>
          ) : null}
          {errors.heldOn ? <p className={errorClass}>{errors.heldOn}</p> : null}
        </fieldset>

        <fieldset>
          <legend className={labelClass}>{t('dialogue.record.minutes')}</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {MINUTE_CHOICES.map((m) => (
              <label key={m} className={choiceClass}>
                <input
                  type="radio"
                  name="minutes-choice"
                  value={m}
                  checked={minutes === String(m)}
                  onChange={() => setMinutes(String(m))}
                  className="sr-only"
                />
                {t('dialogue.minutes', { count: m })}
              </label>
            ))}
          </div>
          <label htmlFor={ids.minutes} className="mt-3 block text-dns-14B-130">
            {t('dialogue.record.minutesOther')}
          </label>
          <input
            id={ids.minutes}
            type="number"
            inputMode="numeric"
            min={1}
            max={ONE_ON_ONE_MAX_MINUTES}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            aria-invalid={errors.minutes ? true : undefined}
            className={`${inputClass} max-w-40`}
          />
          {errors.minutes ? <p className={errorClass}>{errors.minutes}</p> : null}
        </fieldset>

        <fieldset>
          <legend className={labelClass}>{t('dialogue.record.kind')}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {ONE_ON_ONE_KINDS.map((k) => (
              <label key={k} className={`${choiceClass} justify-start`}>
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  className="sr-only"
                />
                {t(`dialogue.kinds.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>

        <div>
          <label htmlFor={ids.topics} className={labelClass}>
            {t('dialogue.record.topics')}
          </label>
          <p id={`${ids.topics}-hint`} className={hintClass}>
            {t('dialogue.record.topicsHint')}
          </p>
          <textarea
            id={ids.topics}
            rows={2}
            maxLength={2000}
            value={topics}
            onChange={(event) => setTopics(event.target.value)}
            aria-describedby={`${ids.topics}-hint`}
            className={inputClass}
          />
        </div>

        <div>
          <label htmlFor={ids.shared} className={labelClass}>
            {t('dialogue.record.sharedNotes')}
          </label>
          <textarea
            id={ids.shared}
            rows={3}
            maxLength={4000}
            value={sharedNotes}
            onChange={(event) => setSharedNotes(event.target.value)}
            aria-describedby={`${ids.shared}-count`}
            className={inputClass}
          />
          <CharCount id={`${ids.shared}-count`} value={sharedNotes} max={4000} />
        </div>

        <fieldset>
          <legend className={labelClass}>{t('dialogue.record.actions')}</legend>
          <p className={hintClass}>{t('dialogue.record.actionsHint')}</p>
          <ul className="mt-2 grid gap-3">
            {actions.map((a, i) => (
              <li key={a.key} className="grid gap-2 rounded-8 border border-solid-gray-200 p-3">
                <label htmlFor={`${a.key}-text`} className="text-dns-14B-130">
                  {t('dialogue.record.actionText', { n: i + 1 })}
                </label>
                <input
                  id={`${a.key}-text`}
                  type="text"
                  maxLength={500}
                  value={a.text}
                  onChange={(event) => setAction(a.key, { text: event.target.value })}
                  className={inputClass}
                />
                <label htmlFor={`${a.key}-owner`} className="text-dns-14B-130">
                  {t('dialogue.record.actionOwner')}
                </label>
                <select
                  id={`${a.key}-owner`}
                  value={a.owner}
                  onChange={(event) =>
                    setAction(a.key, { owner: event.target.value === 'me' ? 'me' : 'staff' })
                  }
                  className={`${inputClass} max-w-60`}
                >
                  <option value="staff">{t('dialogue.record.ownerStaff')}</option>
                  <option value="me">{t('dialogue.record.ownerMe')}</option>
                </select>
                <label htmlFor={`${a.key}-due`} className="text-dns-14B-130">
                  {t('dialogue.record.actionDue')}
                </label>
                <input
                  id={`${a.key}-due`}
                  type="date"
                  value={a.dueOn}
                  onChange={(event) => setAction(a.key, { dueOn: event.target.value })}
                  className={`${inputClass} max-w-60`}
                />
                <Button
                  variant="secondary"
                  className="justify-self-start"
                  onClick={() => setActions((current) => current.filter((x) => x.key !== a.key))}
                >
                  {t('dialogue.record.removeAction', { n: i + 1 })}
                </Button>
              </li>
            ))}
          </ul>
          <Button
            variant="secondary"
            className="mt-2"
            onClick={() =>
              setActions((current) => [
                ...current,
                { key: `action-${crypto.randomUUID()}`, text: '', owner: 'staff', dueOn: '' },
              ])
            }
          >
            {t('dialogue.record.addAction')}
          </Button>
          {errors.actions ? <p className={errorClass}>{errors.actions}</p> : null}
        </fieldset>

        <details className="rounded-8 border border-solid-gray-200 p-3">
          <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170">
            {t('dialogue.record.more')}
          </summary>
          <div className="mt-3 grid gap-6">
            <div>
              <label htmlFor={ids.private} className={labelClass}>
                {t('dialogue.record.privateNotes')}
              </label>
              <p id={ids.privateHint} className={hintClass}>
                {t('dialogue.privateHint')}
              </p>
              <textarea
                id={ids.private}
                rows={3}
                maxLength={4000}
                value={privateNotes}
                onChange={(event) => setPrivateNotes(event.target.value)}
                aria-describedby={`${ids.privateHint} ${ids.private}-count`}
                className={inputClass}
              />
              <CharCount id={`${ids.private}-count`} value={privateNotes} max={4000} />
            </div>
            <PolicyLinkPicker value={links} onChange={setLinks} />
          </div>
        </details>

        {record.isError && !(isApiError(record.error) && record.error.status === 400) ? (
          <p
            role="alert"
            className="rounded-8 border-2 border-error-1 bg-red-50 p-3 text-std-16N-170 text-error-2"
          >
            {submitError} {t('dialogue.record.retrySafe')}
          </p>
        ) : null}

        <div className="sticky bottom-0 -mx-4 border-t border-solid-gray-200 bg-white px-4 py-3 sm:static sm:mx-0 sm:border-0 sm:p-0">
          <Button type="submit" className="w-full sm:w-auto" aria-disabled={record.isPending || undefined}>
            {record.isPending
              ? t('dialogue.record.saving')
              : scheduled
                ? t('dialogue.record.submitScheduled')
                : t('dialogue.record.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
