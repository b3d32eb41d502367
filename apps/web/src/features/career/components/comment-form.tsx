import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useCommentCareerPlan } from '../api/comment-career-plan.ts';
import { FormError } from './form-error.tsx';
import {
  hintClass,
  labelClass,
  noticeClass,
  panelClass,
  subTitleClass,
  textareaClass,
  warnClass,
} from './styles.ts';

/** The supervisor's feedback on a submitted plan, optionally asking for changes. */
export function CommentForm({
  staffId,
  fiscalYear,
  version,
}: {
  staffId: string;
  fiscalYear: number;
  version: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState('');
  const [requestsChanges, setRequestsChanges] = useState(false);
  const [sent, setSent] = useState<'commented' | 'changes_requested' | null>(null);
  const mutation = useCommentCareerPlan(staffId, fiscalYear);
  const key = useSubmissionKey();
  const stale = isApiError(mutation.error) && mutation.error.status === 409;
  const empty = body.trim() === '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (empty) return;
    mutation.mutate(
      { body: { body: body.trim(), requestsChanges, version }, idempotencyKey: key.current() },
      {
        onSuccess: () => {
          setSent(requestsChanges ? 'changes_requested' : 'commented');
          setBody('');
          setRequestsChanges(false);
          key.reset();
        },
        onError: () => key.reset(),
      },
    );
  };

  return (
    <form onSubmit={submit} className={`mt-6 ${panelClass}`} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`} className={subTitleClass}>
        {t('career.comments.formTitle')}
      </h3>
      <p className={hintClass}>{t('career.comments.formHint')}</p>
      {sent ? (
        <p role="status" className={`mt-3 ${noticeClass}`}>
          {t(`career.comments.sent.${sent}`)}
        </p>
      ) : null}
      {stale ? (
        <p role="alert" className={`mt-3 ${warnClass}`}>
          {t('career.comments.stale')}
        </p>
      ) : mutation.isError ? (
        <div className="mt-3">
          <FormError error={mutation.error} labels={{ body: t('career.comments.body') }} />
        </div>
      ) : null}
      <div className="mt-4">
        <label htmlFor={`${id}-body`} className={labelClass}>
          {t('career.comments.body')}
        </label>
        <textarea
          id={`${id}-body`}
          className={textareaClass}
          value={body}
          maxLength={2000}
          required
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <label className="mt-3 flex min-h-11 items-center gap-2 text-std-16N-170">
        <input
          type="checkbox"
          className="size-5"
          checked={requestsChanges}
          onChange={(e) => setRequestsChanges(e.target.checked)}
        />
        {t('career.comments.requestChanges')}
      </label>
      <Button type="submit" className="mt-3" disabled={empty || mutation.isPending}>
        {mutation.isPending ? t('career.form.sending') : t('career.comments.send')}
      </Button>
    </form>
  );
}
