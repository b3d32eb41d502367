import type { OneOnOne } from '@portal/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formatDate } from '../../../shared/format/date.ts';
import { SubmitBar } from '../../../shared/forms/record-fields.tsx';
import { DraftOffer, useLocalDraft } from '../../../shared/forms/use-local-draft.tsx';
import { useUnsavedChanges } from '../../../shared/forms/use-unsaved-changes.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { hintClass, warnClass } from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { useCorrectOneOnOne } from '../api/correct-one-on-one.ts';
import { useOneOnOne } from '../api/get-one-on-one.ts';
import {
  checkDraft,
  draftOf,
  ErrorSummary,
  type FieldErrors,
  fieldsOf,
  type OneOnOneDraft,
  OneOnOneFields,
  problemErrors,
} from '../components/one-on-one-form.tsx';
import { usePersonName } from '../components/person-name.ts';

/**
 * `/one-on-ones/:id/edit`: the author corrects a 1on1 with the form it was recorded with — the day,
 * length, kind, topics, notes (private ones included), policy links, and new actions. The version read
 * goes with it: when someone changed it meanwhile, the page says so and offers the record as it now is.
 * Once the person has acknowledged it, its day, length and status stay. What is typed is kept on this
 * device until saved, and leaving the changed form asks first.
 */
export function OneOnOneEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const record = useOneOnOne(id);
  const [generation, setGeneration] = useState(0);
  useDocumentTitle(t('dialogue.edit.title'));
  if (record.isPending) return <LoadingState />;
  if (record.isError) return <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  if (!record.data.canEdit) {
    return (
      <>
        <PageHeader title={t('dialogue.edit.title')} />
        <EmptyState>
          <p>{t('dialogue.edit.notAuthor')}</p>
          <Link to={`/one-on-ones/${id}`} className="mt-3 inline-block">
            {t('dialogue.edit.back')}
          </Link>
        </EmptyState>
      </>
    );
  }
  // the record as it now is (after a reload) starts the form again from it; a save leaves the page
  return (
    <EditForm
      key={generation}
      record={record.data}
      reload={() => record.refetch().then(() => setGeneration((g) => g + 1))}
    />
  );
}

function EditForm({ record, reload }: { record: OneOnOne; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = usePersonName();
  const navigate = useNavigate();
  const me = useMe();
  const [draft, setDraft] = useState<OneOnOneDraft>(() => draftOf(record));
  const [saved] = useState(() => JSON.stringify(draftOf(record)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const correct = useCorrectOneOnOne(record.id);
  const conflictRef = useRef<HTMLDivElement>(null);
  const dirty = JSON.stringify(draft) !== saved;
  const localDraft = useLocalDraft({
    owner: me.data?.staff.id,
    name: `one-on-one.${record.id}`,
    value: draft,
    dirty,
  });
  const leaveSaved = useUnsavedChanges(dirty);
  const conflict = isApiError(correct.error) && correct.error.status === 409 ? correct.error.code : null;
  const confirmed = record.acknowledgedAt !== null;

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (correct.isPending) return;
    const found = checkDraft(t, draft, { heldOn: record.heldOn, scheduled: record.status === 'scheduled' });
    setErrors(found);
    if (Object.keys(found).length) return;
    const { actions, ...fields } = fieldsOf(draft, record.staff.id, me.data?.staff.id ?? '');
    correct.mutate(
      { ...fields, addActions: actions, version: record.version },
      {
        onSuccess: () => {
          localDraft.clear();
          leaveSaved();
          void navigate(`/one-on-ones/${record.id}`, { state: { saved: true } });
        },
        onError: (error) => {
          const byField = problemErrors(t, error, draft.scheduled);
          if (byField) setErrors(byField);
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('dialogue.edit.title')}
        lead={t('dialogue.edit.lead', {
          name: name(record.staff),
          date: formatDate(record.heldOn, language),
        })}
      />
      <p className="mb-4">
        <Link to={`/one-on-ones/${record.id}`}>{t('dialogue.edit.back')}</Link>
      </p>
      <DraftOffer draft={localDraft} onRestore={setDraft} />
      <form onSubmit={onSubmit} noValidate className="grid max-w-2xl gap-6">
        <ErrorSummary errors={errors} />
        {conflict ? (
          <div ref={conflictRef} tabIndex={-1} role="alert" className={warnClass}>
            <p className="text-std-16B-170">
              {conflict === 'one_on_one_acknowledged'
                ? t('dialogue.edit.acknowledgedMeanwhile')
                : t('dialogue.edit.stale')}
            </p>
            <p className="mt-1">{t('dialogue.edit.reloadHint')}</p>
            <Button
              className="mt-3"
              onClick={() => {
                localDraft.clear();
                void reload();
              }}
            >
              {t('dialogue.edit.reload')}
            </Button>
          </div>
        ) : null}

        <OneOnOneFields
          value={draft}
          onChange={setDraft}
          errors={errors}
          confirmed={confirmed}
          recordedActions={
            record.actions.length ? (
              <>
                <p className="mt-2 text-dns-14B-130">{t('dialogue.edit.recordedActions')}</p>
                <ul className="mt-1 list-disc pl-6">
                  {record.actions.map((a) => (
                    <li key={a.id}>
                      {a.text} <span className={hintClass}>({name(a.owner)})</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null
          }
        />

        <SubmitBar
          error={conflict ? null : correct.error}
          retryNote={t('dialogue.edit.retry')}
          pending={correct.isPending}
        >
          {correct.isPending ? t('dialogue.record.saving') : t('dialogue.edit.submit')}
        </SubmitBar>
      </form>
    </>
  );
}
