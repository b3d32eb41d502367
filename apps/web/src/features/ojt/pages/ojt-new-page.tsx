import {
  OJT_MAX_MINUTES,
  OJT_METHODS,
  type OjtMethod,
  type OjtSession,
  type PolicyLinkIds,
} from '@portal/contracts';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { formatDate } from '../../../shared/format/date.ts';
import { formatList } from '../../../shared/format/list.ts';
import { CharCount } from '../../../shared/forms/char-count.tsx';
import { DateField } from '../../../shared/forms/date-field.tsx';
import { ChoiceField, MinutesField, SubmitBar, TextAreaField } from '../../../shared/forms/record-fields.tsx';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { PolicyLinkPicker } from '../../policy/components/policy-link-picker.tsx';
import { useTeamDashboard } from '../api/get-team-dashboard.ts';
import { useLogOjtSession } from '../api/log-ojt-session.ts';
import { usePersonName } from '../components/person-name.tsx';
import {
  choiceClass,
  errorClass,
  hintClass,
  inputClass,
  labelClass,
  linkButtonClass,
} from '../components/styles.ts';
import { earliestSessionDay, localToday } from '../lib/dates.ts';

const MINUTE_CHOICES = [15, 30, 45, 60, 90, 120] as const;
/** Beyond this many people the picker offers a search box. */
const SEARCH_FROM = 8;

type FieldErrors = Partial<Record<'trainees' | 'occurredOn' | 'minutes' | 'topic' | 'form', string>>;

/**
 * `/ojt/new`: logging an OJT session in a few seconds on a phone. Pick the trainee (or, in batch
 * mode, several after a team session), today is the default date, tap the minutes and the method,
 * write the topic; links to the policy and notes are there when wanted. One submission sends one
 * `Idempotency-Key`, so a double tap logs the session once.
 */
export function OjtNewPage() {
  const { t } = useTranslation();
  const title = t('ojt.log.title');
  useDocumentTitle(title);
  const { can } = usePermissions();
  if (!can('ojt:create:team')) {
    return (
      <>
        <PageHeader title={title} />
        <EmptyState>
          <p>{t('ojt.log.notSupervisor')}</p>
          <Link to="/ojt" className="mt-3 inline-block">
            {t('ojt.log.toSessions')}
          </Link>
        </EmptyState>
      </>
    );
  }
  return <LogForm title={title} />;
}

function LogForm({ title }: { title: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = usePersonName();
  const [params] = useSearchParams();
  const preselected = params.get('trainee');
  const ids = {
    search: useId(),
    batch: useId(),
    date: useId(),
    topic: useId(),
    topicHint: useId(),
    errors: useId(),
  };

  const [search, setSearch] = useState('');
  const team = useTeamDashboard({
    sort: 'name',
    order: 'asc',
    page: 1,
    pageSize: 100,
    q: search.trim() || undefined,
  });
  const [batch, setBatch] = useState(false);
  const [trainees, setTrainees] = useState<string[]>(preselected ? [preselected] : []);
  const [occurredOn, setOccurredOn] = useState(localToday());
  const [minutes, setMinutes] = useState('30');
  const [method, setMethod] = useState<OjtMethod>('guidance');
  const [topic, setTopic] = useState('');
  const [notes, setNotes] = useState('');
  const [links, setLinks] = useState<PolicyLinkIds>({ staffImageIds: [], initiativeIds: [] });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<OjtSession[] | null>(null);
  const key = useSubmissionKey();
  const log = useLogOjtSession();
  const topicRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  // Any change to what would be sent is a new submission, with a new key.
  useEffect(() => key.reset(), [trainees, occurredOn, minutes, method, topic, notes, links, key]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const members = team.data?.items ?? [];
  const totalMembers = team.data?.totals.members ?? 0;
  const names = useMemo(() => new Map(members.map((m) => [m.staff.id, name(m.staff)])), [members, name]);

  const toggle = (id: string, on: boolean) => {
    if (!batch) setTrainees(on ? [id] : []);
    else setTrainees((current) => (on ? [...current, id] : current.filter((v) => v !== id)));
  };

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!trainees.length) found.trainees = t('ojt.log.errors.trainee');
    const m = Number(minutes);
    if (!Number.isInteger(m) || m < 1 || m > OJT_MAX_MINUTES)
      found.minutes = t('ojt.log.errors.minutes', { max: OJT_MAX_MINUTES });
    if (!topic.trim()) found.topic = t('ojt.log.errors.topic');
    if (!occurredOn || occurredOn > localToday() || occurredOn < earliestSessionDay())
      found.occurredOn = t('ojt.log.errors.date');
    return found;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (log.isPending) return;
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) return;
    log.mutate(
      {
        input: {
          traineeIds: trainees,
          occurredOn,
          minutes: Number(minutes),
          method,
          topic: topic.trim(),
          notes: notes.trim(),
          ...links,
        },
        idempotencyKey: key.current(),
      },
      {
        onSuccess: (sessions) => {
          key.reset();
          setDone(sessions);
          setTopic('');
          setNotes('');
          setTrainees([]);
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 400) {
            const byField: FieldErrors = {};
            for (const e of error.errors) {
              if (e.field === 'body.occurredOn') byField.occurredOn = t('ojt.log.errors.date');
              else if (e.field === 'body.minutes')
                byField.minutes = t('ojt.log.errors.minutes', { max: OJT_MAX_MINUTES });
              else if (e.field === 'body.topic') byField.topic = t('ojt.log.errors.topic');
              else if (e.field.startsWith('body.trainee')) byField.trainees = t('ojt.log.errors.trainee');
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
          <p className="text-std-18B-160 text-green-1000">{t('ojt.log.done', { count: done.length })}</p>
          <p className="mt-1 text-std-16N-170">
            {done[0] ? `${formatDate(done[0].occurredOn, language)} · ${done[0].topic}` : null}
          </p>
          <p className="mt-1 text-std-16N-170">
            {formatList(
              done.map((s) => name(s.trainee)),
              language,
            )}
          </p>
        </div>
        <div className="mt-6 flex flex-wrap gap-3">
          <Button onClick={() => setDone(null)}>{t('ojt.log.another')}</Button>
          <Link to="/ojt?view=given" className={linkButtonClass}>
            {t('ojt.log.toGiven')}
          </Link>
          <Link to="/team" className={linkButtonClass}>
            {t('ojt.log.toTeam')}
          </Link>
        </div>
      </>
    );
  }

  const errorList = Object.values(errors).filter(Boolean);

  return (
    <>
      <PageHeader title={title} lead={t('ojt.log.lead')} />
      <form onSubmit={onSubmit} noValidate className="grid max-w-2xl gap-6">
        {errorList.length ? (
          <div id={ids.errors} role="alert" className="rounded-8 border-2 border-error-1 bg-red-50 p-4">
            <p className="text-std-16B-170 text-error-2">{t('ojt.log.errors.title')}</p>
            <ul className="mt-1 list-disc pl-6">
              {errorList.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}

        <fieldset aria-describedby={errors.trainees ? `${ids.errors}` : undefined}>
          <legend className={labelClass}>{batch ? t('ojt.log.traineesBatch') : t('ojt.log.trainee')}</legend>
          <label htmlFor={ids.batch} className="mt-2 flex min-h-11 items-center gap-2">
            <input
              id={ids.batch}
              type="checkbox"
              className="size-5"
              checked={batch}
              onChange={(event) => {
                setBatch(event.target.checked);
                if (!event.target.checked) setTrainees((current) => current.slice(0, 1));
              }}
            />
            <span>{t('ojt.log.batchMode')}</span>
          </label>
          {totalMembers > SEARCH_FROM || search ? (
            <div className="mt-2">
              <label htmlFor={ids.search} className="text-dns-14B-130">
                {t('ojt.log.searchTrainee')}
              </label>
              <input
                id={ids.search}
                type="search"
                autoComplete="off"
                maxLength={100}
                value={search}
                onChange={(event) => setSearch(event.target.value)}
                className={inputClass}
              />
            </div>
          ) : null}
          {team.isPending ? (
            <LoadingState label={t('ojt.log.loadingTeam')} />
          ) : team.isError ? (
            <ErrorState error={team.error} onRetry={() => void team.refetch()} />
          ) : members.length === 0 ? (
            <p className="mt-2 text-std-16N-170 text-solid-gray-700">
              {search ? t('ojt.log.noMatch') : t('ojt.log.noTeam')}
            </p>
          ) : (
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {members.map((m) => {
                const checked = trainees.includes(m.staff.id);
                return (
                  <label key={m.staff.id} className={`${choiceClass} justify-start gap-2 text-left`}>
                    <input
                      type={batch ? 'checkbox' : 'radio'}
                      name="trainee"
                      value={m.staff.id}
                      checked={checked}
                      onChange={(event) => toggle(m.staff.id, event.target.checked)}
                      className="size-5 shrink-0"
                    />
                    <span>
                      {name(m.staff)}
                      {m.ojt.overdue ? (
                        <span className="block text-dns-14N-130 text-error-2">
                          {t('ojt.log.overdueHint')}
                        </span>
                      ) : null}
                    </span>
                  </label>
                );
              })}
            </div>
          )}
          {trainees.length > 0 && batch ? (
            <p className={hintClass} aria-live="polite">
              {t('ojt.log.selected', { count: trainees.length })}
              {trainees.some((id) => !names.has(id))
                ? ''
                : ` (${formatList(
                    trainees.map((id) => names.get(id) ?? ''),
                    language,
                  )})`}
            </p>
          ) : null}
          {errors.trainees ? <p className={errorClass}>{errors.trainees}</p> : null}
        </fieldset>

        <DateField
          id={ids.date}
          label={t('ojt.log.date')}
          value={occurredOn}
          min={earliestSessionDay()}
          max={localToday()}
          onChange={setOccurredOn}
          suffix={occurredOn === localToday() ? t('ojt.log.today') : undefined}
          error={errors.occurredOn}
        />

        <MinutesField
          legend={t('ojt.log.minutes')}
          otherLabel={t('ojt.log.minutesOther')}
          choices={MINUTE_CHOICES}
          choiceLabel={(count) => t('ojt.session.minutes', { count })}
          value={minutes}
          onChange={setMinutes}
          max={OJT_MAX_MINUTES}
          error={errors.minutes}
        />

        <ChoiceField
          legend={t('ojt.log.method')}
          name="method"
          options={OJT_METHODS}
          value={method}
          onChange={setMethod}
          label={(m) => t(`ojt.methods.${m}`)}
          wide
        />

        <div>
          <label htmlFor={ids.topic} className={labelClass}>
            {t('ojt.log.topic')}
          </label>
          <p id={ids.topicHint} className={hintClass}>
            {t('ojt.log.topicHint')}
          </p>
          <input
            ref={topicRef}
            id={ids.topic}
            type="text"
            autoComplete="off"
            maxLength={200}
            required
            value={topic}
            onChange={(event) => setTopic(event.target.value)}
            aria-describedby={`${ids.topicHint} ${ids.topic}-count`}
            aria-invalid={errors.topic ? true : undefined}
            className={inputClass}
          />
          <CharCount id={`${ids.topic}-count`} value={topic} max={200} />
          {errors.topic ? <p className={errorClass}>{errors.topic}</p> : null}
        </div>

        <details className="rounded-8 border border-solid-gray-200 p-3">
          <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170">
            {t('ojt.log.policyLinks')}
            {links.staffImageIds.length + links.initiativeIds.length > 0
              ? ` (${t('ojt.log.linkedCount', { count: links.staffImageIds.length + links.initiativeIds.length })})`
              : ''}
          </summary>
          <div className="mt-3">
            <PolicyLinkPicker value={links} onChange={setLinks} />
          </div>
        </details>

        <TextAreaField label={t('ojt.log.notes')} value={notes} onChange={setNotes} max={4000} />

        <SubmitBar error={log.error} retryNote={t('ojt.log.retrySafe')} pending={log.isPending}>
          {log.isPending
            ? t('ojt.log.saving')
            : trainees.length > 1
              ? t('ojt.log.submitBatch', { count: trainees.length })
              : t('ojt.log.submit')}
        </SubmitBar>
      </form>
    </>
  );
}
