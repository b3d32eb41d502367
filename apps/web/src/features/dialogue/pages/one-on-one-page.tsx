import type { OneOnOne } from '@portal/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formatDate, formatDateTime } from '../../../shared/format/date.ts';
import { CharCount } from '../../../shared/forms/char-count.tsx';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import {
  cardClass,
  hintClass,
  inputClass,
  labelClass,
  linkButtonClass,
  noticeClass,
} from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { ErrorState, LoadingState, useErrorMessage } from '../../../shared/ui/states.tsx';
import { useCorrectOneOnOne, useDeleteOneOnOne } from '../api/correct-one-on-one.ts';
import { useOneOnOne } from '../api/get-one-on-one.ts';
import { useAcknowledgeOneOnOne, useSaveAgenda } from '../api/respond-to-one-on-one.ts';
import { ActionItem } from '../components/action-item.tsx';
import { usePersonName } from '../components/person-name.ts';

/**
 * `/one-on-ones/:id`: one 1on1 as the reader may see it — what was talked about and agreed, the shared
 * notes, the actions (ticked off by their owner or the author); the author's private notes for the
 * author alone; for the person, the agenda before a scheduled one, and acknowledgement with their own
 * notes after it.
 */
export function OneOnOnePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const record = useOneOnOne(id);
  useDocumentTitle(t('dialogue.detail.title'));
  if (record.isPending) return <LoadingState />;
  if (record.isError) return <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  return <Detail record={record.data} />;
}

function Detail({ record }: { record: OneOnOne }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = usePersonName();
  const location = useLocation();
  const saved = (location.state as { saved?: boolean } | null)?.saved === true;
  const heading = `${formatDate(record.heldOn, language)} · ${t(`dialogue.kinds.${record.kind}`)}`;
  return (
    <>
      <PageHeader
        title={heading}
        lead={t('dialogue.detail.between', { staff: name(record.staff), author: name(record.author) })}
      />
      <p className="mb-4">
        <Link to="/one-on-ones">{t('dialogue.detail.back')}</Link>
      </p>
      {saved ? (
        <p role="status" className={`${noticeClass} mb-4 max-w-3xl`}>
          {t('dialogue.edit.saved')}
        </p>
      ) : null}
      <div className="grid max-w-3xl gap-6">
        <dl className={`${cardClass} grid gap-2`}>
          <div>
            <dt className="text-dns-14B-130">{t('dialogue.detail.status')}</dt>
            <dd>
              {t(`dialogue.status.${record.status}`)} · {t('dialogue.minutes', { count: record.minutes })}
            </dd>
          </div>
          {record.topics.length ? (
            <div>
              <dt className="text-dns-14B-130">{t('dialogue.record.topics')}</dt>
              <dd>
                <ul className="list-disc pl-6">
                  {record.topics.map((topic) => (
                    <li key={topic}>{topic}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
          <div>
            <dt className="text-dns-14B-130">{t('dialogue.record.sharedNotes')}</dt>
            <dd className="whitespace-pre-wrap">{record.sharedNotes || t('dialogue.detail.none')}</dd>
          </div>
          {record.policyLinks.staffImages.length + record.policyLinks.initiatives.length ? (
            <div>
              <dt className="text-dns-14B-130">{t('dialogue.detail.links')}</dt>
              <dd>
                {[...record.policyLinks.staffImages, ...record.policyLinks.initiatives]
                  .map((l) => (language === 'en' ? l.title.en : l.title.ja))
                  .join(' / ')}
              </dd>
            </div>
          ) : null}
        </dl>

        {record.privateNotes !== undefined ? (
          <section className={cardClass} aria-labelledby="private-notes">
            <h2 id="private-notes" className="text-std-18B-160">
              {t('dialogue.record.privateNotes')}
            </h2>
            <p className={hintClass}>{t('dialogue.privateHint')}</p>
            <p className="mt-2 whitespace-pre-wrap">{record.privateNotes || t('dialogue.detail.none')}</p>
          </section>
        ) : null}

        <section aria-labelledby="actions-title">
          <h2 id="actions-title" className="text-std-18B-160">
            {t('dialogue.record.actions')}
          </h2>
          {record.actions.length === 0 ? (
            <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('dialogue.detail.noActions')}</p>
          ) : (
            <ul className="mt-2 grid gap-2">
              {record.actions.map((a) => (
                <ActionItem key={a.id} action={a} />
              ))}
            </ul>
          )}
        </section>

        <Agenda record={record} />
        <Acknowledgement record={record} />
        {record.canEdit ? <AuthorTools record={record} /> : null}
      </div>
    </>
  );
}

/** The person's agenda: a form while the 1on1 is scheduled and they are the person; else read-only. */
function Agenda({ record }: { record: OneOnOne }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(record.staffAgenda);
  const save = useSaveAgenda(record.id);
  const error = useErrorMessage(save.error);
  if (!record.canWriteAgenda) {
    if (!record.staffAgenda) return null;
    return (
      <section className={cardClass} aria-labelledby={id}>
        <h2 id={id} className="text-std-18B-160">
          {t('dialogue.agenda.title')}
        </h2>
        <p className="mt-2 whitespace-pre-wrap">{record.staffAgenda}</p>
      </section>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate({ staffAgenda: text.trim(), version: record.version });
  };
  return (
    <form onSubmit={onSubmit} className={cardClass} aria-labelledby={id}>
      <h2 id={id} className="text-std-18B-160">
        {t('dialogue.agenda.title')}
      </h2>
      <label htmlFor={`${id}-text`} className={labelClass}>
        {t('dialogue.agenda.label')}
      </label>
      <p id={`${id}-hint`} className={hintClass}>
        {t('dialogue.agenda.hint')}
      </p>
      <textarea
        id={`${id}-text`}
        rows={4}
        maxLength={4000}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-describedby={`${id}-hint ${id}-count`}
        className={inputClass}
      />
      <CharCount id={`${id}-count`} value={text} max={4000} />
      {save.isSuccess ? (
        <p role="status" className={`${noticeClass} mt-2`}>
          {t('dialogue.agenda.saved')}
        </p>
      ) : null}
      {save.isError ? (
        <p role="alert" className="mt-2 text-std-16N-170 text-error-2">
          {isApiError(save.error) && save.error.status === 409 ? t('dialogue.conflict') : error}
        </p>
      ) : null}
      <Button type="submit" className="mt-3" aria-disabled={save.isPending || undefined}>
        {t('dialogue.agenda.save')}
      </Button>
    </form>
  );
}

/** The person confirms a held 1on1 with their own notes; others see whether and when they did. */
function Acknowledgement({ record }: { record: OneOnOne }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [notes, setNotes] = useState(record.staffNotes);
  const ack = useAcknowledgeOneOnOne(record.id);
  const error = useErrorMessage(ack.error);
  if (record.status !== 'held') return null;
  const acknowledged = record.acknowledgedAt
    ? t('dialogue.ack.at', { at: formatDateTime(record.acknowledgedAt, language) })
    : t('dialogue.notAcknowledged');
  if (!record.canAcknowledge) {
    return (
      <section className={cardClass} aria-labelledby={id}>
        <h2 id={id} className="text-std-18B-160">
          {t('dialogue.ack.title')}
        </h2>
        <p className="mt-2">{acknowledged}</p>
        {record.staffNotes ? <p className="mt-2 whitespace-pre-wrap">{record.staffNotes}</p> : null}
      </section>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!ack.isPending) ack.mutate(notes.trim());
  };
  return (
    <form onSubmit={onSubmit} className={cardClass} aria-labelledby={id}>
      <h2 id={id} className="text-std-18B-160">
        {t('dialogue.ack.title')}
      </h2>
      <p className="mt-1">{acknowledged}</p>
      <label htmlFor={`${id}-notes`} className={`${labelClass} mt-3 block`}>
        {t('dialogue.ack.notes')}
      </label>
      <textarea
        id={`${id}-notes`}
        rows={3}
        maxLength={4000}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        aria-describedby={`${id}-count`}
        className={inputClass}
      />
      <CharCount id={`${id}-count`} value={notes} max={4000} />
      {ack.isError ? (
        <p role="alert" className="mt-2 text-std-16N-170 text-error-2">
          {error}
        </p>
      ) : null}
      <Button type="submit" className="mt-3" aria-disabled={ack.isPending || undefined}>
        {record.acknowledgedAt ? t('dialogue.ack.update') : t('dialogue.ack.submit')}
      </Button>
    </form>
  );
}

/**
 * The author's tools: record a scheduled 1on1 as held once its day has come, and delete one the person
 * has not acknowledged (after a confirmation). Both carry the version read: a stale one is refused.
 */
function AuthorTools({ record }: { record: OneOnOne }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const correct = useCorrectOneOnOne(record.id);
  const remove = useDeleteOneOnOne(record.id);
  const error = useErrorMessage(correct.error ?? remove.error);
  const today = new Date().toISOString().slice(0, 10);
  const canHold = record.status === 'scheduled' && record.heldOn <= today;
  const failed = correct.isError || remove.isError;
  const conflict =
    (isApiError(correct.error) && correct.error.status === 409) ||
    (isApiError(remove.error) && remove.error.status === 409);
  return (
    <section className={cardClass} aria-labelledby={id}>
      <h2 id={id} className="text-std-18B-160">
        {t('dialogue.author.title')}
      </h2>
      <div className="mt-3 flex flex-wrap gap-3">
        <Link to={`/one-on-ones/${record.id}/edit`} className={linkButtonClass}>
          {t('dialogue.author.edit')}
        </Link>
        {canHold ? (
          <Button
            aria-disabled={correct.isPending || undefined}
            onClick={() => {
              if (correct.isPending) return;
              correct.mutate({
                heldOn: record.heldOn,
                status: 'held',
                minutes: record.minutes,
                kind: record.kind,
                topics: record.topics,
                sharedNotes: record.sharedNotes,
                privateNotes: record.privateNotes ?? '',
                addActions: [],
                staffImageIds: record.staffImageIds,
                initiativeIds: record.initiativeIds,
                version: record.version,
              });
            }}
          >
            {t('dialogue.author.markHeld')}
          </Button>
        ) : null}
        {record.acknowledgedAt === null ? (
          confirming ? (
            <>
              <p className="w-full text-std-16B-170" role="alert">
                {t('dialogue.author.confirmDelete')}
              </p>
              <Button
                aria-disabled={remove.isPending || undefined}
                onClick={() => {
                  if (!remove.isPending)
                    remove.mutate(record.version, { onSuccess: () => void navigate('/one-on-ones') });
                }}
              >
                {t('dialogue.author.delete')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('dialogue.author.cancel')}
              </Button>
            </>
          ) : (
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              {t('dialogue.author.deleteAsk')}
            </Button>
          )
        ) : (
          <p className="text-std-16N-170 text-solid-gray-700">{t('dialogue.author.locked')}</p>
        )}
      </div>
      {failed ? (
        <p role="alert" className="mt-2 text-std-16N-170 text-error-2">
          {conflict ? t('dialogue.conflict') : error}
        </p>
      ) : null}
    </section>
  );
}
