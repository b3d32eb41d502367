import type { SurveyAnswers, SurveyRoundQuestion } from '@portal/contracts';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { CharCount } from '../../../shared/forms/char-count.tsx';
import { useUnsavedChanges } from '../../../shared/forms/use-unsaved-changes.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import {
  choiceClass,
  errorClass,
  linkButtonClass,
  noticeClass,
  textareaClass,
  warnClass,
} from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { LoadingState, QueryContent } from '../../../shared/ui/states.tsx';
import { useMyResponse, useSaveResponse } from '../api/answering.ts';
import { useSurvey } from '../api/rounds.ts';
import { SurveyWindow } from '../components/survey-status.tsx';

const TEXT_MAX = 2000;

function Question({
  q,
  index,
  value,
  onChange,
}: {
  q: SurveyRoundQuestion;
  index: number;
  value: number | string | undefined;
  onChange: (v: number | string | undefined) => void;
}) {
  const { t } = useTranslation();
  const local = useLocalized();
  const id = useId();
  const legend = `${index + 1}. ${local(q.text) || q.text.ja}`;
  if (q.kind === 'free_text') {
    const text = typeof value === 'string' ? value : '';
    return (
      <div className="border-t border-solid-gray-200 py-5">
        <label htmlFor={id} className="text-std-16B-170">
          {legend} <span className="font-normal text-solid-gray-700">{t('surveys.answer.optional')}</span>
        </label>
        <textarea
          id={id}
          className={textareaClass}
          value={text}
          maxLength={TEXT_MAX}
          aria-describedby={`${id}-count ${id}-hint`}
          onChange={(e) => onChange(e.target.value)}
        />
        <p id={`${id}-hint`} className="mt-1 text-dns-14N-130 text-solid-gray-700">
          {t('surveys.answer.textHint')}
        </p>
        <CharCount id={`${id}-count`} value={text} max={TEXT_MAX} />
      </div>
    );
  }
  const options: { value: number | string; label: string }[] =
    q.kind === 'agreement5'
      ? [1, 2, 3, 4, 5].map((v) => ({ value: v, label: t(`surveys.agreement.${v}`) }))
      : q.kind === 'scale10'
        ? Array.from({ length: 11 }, (_, v) => ({ value: v, label: String(v) }))
        : q.choices.map((c) => ({ value: c.value, label: local({ ja: c.ja, en: c.en }) || c.ja }));
  return (
    <fieldset className="border-t border-solid-gray-200 py-5">
      <legend className="float-left mb-3 w-full text-std-16B-170">{legend}</legend>
      {q.kind === 'scale10' ? (
        <p className="clear-both mb-2 flex justify-between text-dns-14N-130 text-solid-gray-700">
          <span>{t('surveys.answer.scaleLow')}</span>
          <span>{t('surveys.answer.scaleHigh')}</span>
        </p>
      ) : null}
      <div
        className={`clear-both flex flex-wrap gap-2 ${q.kind === 'agreement5' ? 'flex-col sm:flex-row' : ''}`}
      >
        {options.map((o) => (
          <label key={String(o.value)} className={choiceClass}>
            <input
              type="radio"
              className="sr-only"
              name={id}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {value !== undefined ? (
        <Button variant="tertiary" className="mt-2" onClick={() => onChange(undefined)}>
          {t('surveys.answer.clear')}
        </Button>
      ) : null}
    </fieldset>
  );
}

function AnswerForm({ surveyId, questions }: { surveyId: string; questions: SurveyRoundQuestion[] }) {
  const { t } = useTranslation();
  const mine = useMyResponse(surveyId);
  const save = useSaveResponse(surveyId);
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  useUnsavedChanges(dirty);
  useEffect(() => {
    if (mine.data && !dirty) setAnswers(mine.data.answers);
  }, [mine.data, dirty]);
  if (mine.isPending) return <LoadingState />;
  if (mine.data?.status === 'submitted') {
    return (
      <div role="status" className={noticeClass}>
        <p className="text-std-16B-170">{t('surveys.answer.thanks')}</p>
        <p className="mt-2">{t('surveys.answer.thanksAnonymous')}</p>
        <p className="mt-4">
          <Link className={linkButtonClass} to="/surveys">
            {t('surveys.answer.back')}
          </Link>
        </p>
      </div>
    );
  }
  const answered = questions.filter((q) => {
    const v = answers[q.questionId];
    return v !== undefined && !(typeof v === 'string' && v.trim() === '');
  }).length;
  const send = (submit: boolean) => {
    const clean = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined));
    save.mutate(
      { version: mine.data?.version ?? 0, answers: clean, submit },
      {
        onSuccess: () => {
          setDirty(false);
          setSaved(!submit);
          setConfirming(false);
        },
      },
    );
  };
  const error = save.error;
  const errorText = !error
    ? null
    : isApiError(error) && error.code === 'already_submitted'
      ? t('surveys.errors.already_submitted')
      : isApiError(error) && error.code === 'survey_not_accepting'
        ? t('surveys.errors.survey_not_accepting')
        : isApiError(error) && error.code === 'stale_version'
          ? t('surveys.errors.stale_version')
          : isApiError(error) && error.code === 'validation'
            ? t('surveys.errors.answers_required')
            : t('surveys.errors.generic');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setConfirming(true);
      }}
    >
      <p className="mb-2 text-dns-14N-130 text-solid-gray-700" aria-live="polite">
        {t('surveys.answer.progress', { answered, total: questions.length })}
      </p>
      {questions.map((q, i) => (
        <Question
          key={q.questionId}
          q={q}
          index={i}
          value={answers[q.questionId]}
          onChange={(v) => {
            setDirty(true);
            setSaved(false);
            setAnswers((a) => {
              const next = { ...a };
              if (v === undefined) delete next[q.questionId];
              else next[q.questionId] = v;
              return next;
            });
          }}
        />
      ))}
      {errorText ? (
        <p role="alert" className={`${errorClass} mb-4`}>
          {errorText}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className={`${noticeClass} mb-4`}>
          {t('surveys.answer.saved')}
        </p>
      ) : null}
      {confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-submit" className={`${warnClass} mb-4`}>
          <p id="confirm-submit" className="text-std-16B-170">
            {t('surveys.answer.confirm', { answered, total: questions.length })}
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <Button onClick={() => send(true)} disabled={save.isPending || answered === 0}>
              {t('surveys.answer.submitNow')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('surveys.answer.keepEditing')}
            </Button>
          </div>
        </div>
      ) : null}
      <div className="sticky bottom-0 flex flex-wrap gap-3 border-t border-solid-gray-200 bg-white py-3">
        <Button variant="secondary" onClick={() => send(false)} disabled={save.isPending}>
          {t('surveys.answer.save')}
        </Button>
        <Button type="submit" disabled={save.isPending || answered === 0}>
          {t('surveys.answer.submit')}
        </Button>
      </div>
    </form>
  );
}

/** /surveys/:id/answer: the questions on one page, big enough to tap; save and come back; submit once. */
export function AnswerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const local = useLocalized();
  const query = useSurvey(id);
  useDocumentTitle(query.data ? local(query.data.title) : t('surveys.title'));
  return (
    <QueryContent query={query}>
      {(s) => (
        <>
          <PageHeader title={local(s.title)} lead={local(s.description) || undefined} />
          <p className="mb-4 text-dns-14N-130 text-solid-gray-700">
            <SurveyWindow survey={s} />
          </p>
          <p className="mb-6 max-w-prose text-dns-14N-130 text-solid-gray-700">
            {t('surveys.anonymityNote')}
          </p>
          {s.accepting || s.myStatus === 'submitted' ? (
            <AnswerForm surveyId={s.id} questions={s.questions} />
          ) : (
            <p className={warnClass}>{t('surveys.errors.survey_not_accepting')}</p>
          )}
        </>
      )}
    </QueryContent>
  );
}
