import type { SurveyChoice, SurveyQuestion, SurveyQuestionKind } from '@portal/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { useListFormat } from '../../../shared/format/list.ts';
import { FieldMessage, FormAlert, useFormErrors } from '../../../shared/forms/use-form-errors.tsx';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import {
  badgeClass,
  cardClass,
  checkboxRowClass,
  inputClass,
  labelClass,
  noticeClass,
  panelClass,
  sectionTitleClass,
  selectClass,
} from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { usePolicy } from '../../policy/api/get-policy.ts';
import { useQuestions, useSaveQuestion } from '../api/questions.ts';

const KINDS: SurveyQuestionKind[] = ['agreement5', 'scale10', 'single_choice', 'free_text'];

type Draft = {
  code: string;
  kind: SurveyQuestionKind;
  textJa: string;
  textEn: string;
  choices: SurveyChoice[];
  staffImageIds: string[];
  initiativeIds: string[];
  active: boolean;
};

const empty: Draft = {
  code: '',
  kind: 'agreement5',
  textJa: '',
  textEn: '',
  choices: [],
  staffImageIds: [],
  initiativeIds: [],
  active: true,
};

function fromQuestion(q: SurveyQuestion): Draft {
  return {
    code: q.code,
    kind: q.kind,
    textJa: q.text.ja,
    textEn: q.text.en,
    choices: q.choices,
    staffImageIds: q.links.staffImages.map((s) => s.id),
    initiativeIds: q.links.initiatives.map((i) => i.id),
    active: q.active,
  };
}

function QuestionForm({
  question,
  onDone,
}: {
  question?: SurveyQuestion;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const local = useLocalized();
  const policy = usePolicy();
  const form = useFormErrors();
  const key = useSubmissionKey();
  const save = useSaveQuestion();
  const [d, setD] = useState<Draft>(question ? fromQuestion(question) : empty);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const toggle = (list: string[], id: string) =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
  const initiatives = (policy.data?.policyAreas ?? []).flatMap((a) => a.initiatives);
  return (
    <form
      ref={form.ref}
      noValidate
      className="grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const errors: Record<string, string> = {};
        if (!question && !d.code.trim()) errors.code = t('surveys.bank.required');
        if (!d.textJa.trim()) errors.textJa = t('surveys.bank.required');
        if (form.show(errors)) return;
        save.mutate(
          {
            input: { ...d, choices: d.kind === 'single_choice' ? d.choices : [] },
            target: question
              ? { id: question.id, version: question.version }
              : { idempotencyKey: key.current() },
          },
          {
            onSuccess: () => {
              key.reset();
              if (!question) setD(empty);
              onDone(t('surveys.bank.saved'));
            },
            onError: (error) => {
              form.showProblem(error);
            },
          },
        );
      }}
    >
      <FormAlert form={form} />
      {question ? null : (
        <div>
          <label className={labelClass} htmlFor={form.field('code').id}>
            {t('surveys.bank.code')}
          </label>
          <input
            className={inputClass}
            {...form.field('code')}
            value={d.code}
            maxLength={32}
            onChange={(e) => set({ code: e.target.value })}
          />
          <FieldMessage form={form} name="code" />
        </div>
      )}
      <div>
        <label className={labelClass} htmlFor={form.field('kind').id}>
          {t('surveys.bank.kind')}
        </label>
        <select
          className={selectClass}
          {...form.field('kind')}
          value={d.kind}
          onChange={(e) => set({ kind: e.target.value as SurveyQuestionKind })}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`surveys.kind.${k}`)}
            </option>
          ))}
        </select>
        <FieldMessage form={form} name="kind" />
      </div>
      <div>
        <label className={labelClass} htmlFor={form.field('textJa').id}>
          {t('surveys.bank.textJa')}
        </label>
        <input
          className={inputClass}
          {...form.field('textJa')}
          value={d.textJa}
          maxLength={500}
          onChange={(e) => set({ textJa: e.target.value })}
        />
        <FieldMessage form={form} name="textJa" />
      </div>
      <div>
        <label className={labelClass} htmlFor={form.field('textEn').id}>
          {t('surveys.bank.textEn')}
        </label>
        <input
          className={inputClass}
          {...form.field('textEn')}
          value={d.textEn}
          maxLength={500}
          onChange={(e) => set({ textEn: e.target.value })}
        />
      </div>
      {d.kind === 'single_choice' ? (
        <fieldset className={panelClass}>
          <legend className={labelClass}>{t('surveys.bank.choices')}</legend>
          <FieldMessage form={form} name="choices" />
          {d.choices.map((c, i) => (
            <div key={i} className="mt-2 grid gap-2 sm:grid-cols-3">
              {(['value', 'ja', 'en'] as const).map((f) => (
                <label key={f} className="text-dns-14N-130">
                  {t(`surveys.bank.choice.${f}`, { n: i + 1 })}
                  <input
                    className={inputClass}
                    value={c[f]}
                    onChange={(e) =>
                      set({ choices: d.choices.map((x, j) => (j === i ? { ...x, [f]: e.target.value } : x)) })
                    }
                  />
                </label>
              ))}
            </div>
          ))}
          <Button
            variant="secondary"
            className="mt-3"
            onClick={() =>
              set({ choices: [...d.choices, { value: `c${d.choices.length + 1}`, ja: '', en: '' }] })
            }
          >
            {t('surveys.bank.addChoice')}
          </Button>
        </fieldset>
      ) : null}
      <fieldset>
        <legend className={labelClass}>{t('surveys.bank.staffImages')}</legend>
        {(policy.data?.staffImages ?? []).map((s) => (
          <label key={s.id} className={checkboxRowClass}>
            <input
              type="checkbox"
              className="mt-1 size-5"
              checked={d.staffImageIds.includes(s.id)}
              onChange={() => set({ staffImageIds: toggle(d.staffImageIds, s.id) })}
            />
            {local(s.title)}
          </label>
        ))}
      </fieldset>
      <details>
        <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170">
          {t('surveys.bank.initiatives')}
        </summary>
        {initiatives.map((i) => (
          <label key={i.id} className={checkboxRowClass}>
            <input
              type="checkbox"
              className="mt-1 size-5"
              checked={d.initiativeIds.includes(i.id)}
              onChange={() => set({ initiativeIds: toggle(d.initiativeIds, i.id) })}
            />
            {i.code} {local(i.title)}
          </label>
        ))}
      </details>
      <label className={checkboxRowClass}>
        <input
          type="checkbox"
          className="mt-1 size-5"
          checked={d.active}
          onChange={(e) => set({ active: e.target.checked })}
        />
        {t('surveys.bank.active')}
      </label>
      <div>
        <Button type="submit" disabled={save.isPending}>
          {question ? t('surveys.bank.update') : t('surveys.bank.create')}
        </Button>
      </div>
    </form>
  );
}

/** /surveys/questions (HR): the bank, and a form to add or edit a question. */
export function QuestionBankPage() {
  const { t } = useTranslation();
  const local = useLocalized();
  const list = useListFormat();
  const title = t('surveys.bank.title');
  useDocumentTitle(title);
  const query = useQuestions(1);
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeader title={title} lead={t('surveys.bank.lead')} />
      <p className="mb-6">
        <Link to="/surveys">{t('surveys.back')}</Link>
      </p>
      {message ? (
        <p role="status" className={`${noticeClass} mb-6`}>
          {message}
        </p>
      ) : null}
      <section className={`${cardClass} mb-8`} aria-labelledby="bank-new">
        <h2 id="bank-new" className={sectionTitleClass}>
          {t('surveys.bank.new')}
        </h2>
        <QuestionForm onDone={setMessage} />
      </section>
      <QueryContent query={query} isEmpty={(p) => p.items.length === 0} empty={t('surveys.bank.empty')}>
        {(page) => (
          <ul className="grid gap-4">
            {page.items.map((q) => (
              <li key={q.id} className={cardClass}>
                <p className="flex flex-wrap items-center gap-2 text-dns-14N-130 text-solid-gray-700">
                  <span className={badgeClass}>{t(`surveys.kind.${q.kind}`)}</span> {q.code}
                  {q.active ? null : <span className={badgeClass}>{t('surveys.bank.inactive')}</span>}
                  {q.usedBy ? <span>{t('surveys.bank.usedBy', { count: q.usedBy })}</span> : null}
                </p>
                <p className="mt-2 text-std-16B-170">{local(q.text) || q.text.ja}</p>
                <p className="mt-1 text-dns-14N-130 text-solid-gray-700">
                  {list(q.links.staffImages.map((s) => local(s.title)))}
                </p>
                <details className="mt-2">
                  <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170">
                    {t('surveys.bank.edit', { code: q.code })}
                  </summary>
                  <QuestionForm question={q} onDone={setMessage} />
                </details>
              </li>
            ))}
          </ul>
        )}
      </QueryContent>
    </>
  );
}
