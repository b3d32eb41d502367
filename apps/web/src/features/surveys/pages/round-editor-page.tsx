import type { Survey, SurveyStatus } from '@portal/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { DateField } from '../../../shared/forms/date-field.tsx';
import { BilingualTextField } from '../../../shared/forms/text-field.tsx';
import { useDebouncedValue } from '../../../shared/forms/use-debounced-value.ts';
import { FieldMessage, FormAlert, useFormErrors } from '../../../shared/forms/use-form-errors.tsx';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import {
  checkboxRowClass,
  hintClass,
  inputClass,
  labelClass,
  panelClass,
  selectClass,
  warnClass,
} from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { LoadingState, QueryContent } from '../../../shared/ui/states.tsx';
import { HeadCount, PopulationPicker } from '../../identity/components/population-picker.tsx';
import { useSurveyPopulationCount } from '../api/population-count.ts';
import { useQuestions } from '../api/questions.ts';
import { useSaveSurvey, useSurvey, useSurveys } from '../api/rounds.ts';
import { Remind } from '../components/remind-panel.tsx';
import { SurveyStatusBadge } from '../components/survey-status.tsx';
import { type Draft, draftOf, toggle } from '../lib/survey-draft.ts';

function Editor({ survey }: { survey?: Survey }) {
  const { t } = useTranslation();
  const local = useLocalized();
  const navigate = useNavigate();
  const form = useFormErrors();
  const key = useSubmissionKey();
  const save = useSaveSurvey();
  const bank = useQuestions(1, true);
  const rounds = useSurveys();
  const [confirm, setConfirm] = useState<SurveyStatus | null>(null);
  const [d, setD] = useState<Draft>(() => draftOf(survey));
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const texts = { form, labels: 'surveys.editor', value: d, onChange: set };
  // The head count as HR chooses, once they pause; the confirmation counts exactly what is opened.
  const population = {
    bureauIds: d.bureauIds,
    gradeIds: d.gradeIds,
    youngOnly: d.youngOnly,
    opensOn: d.opensOn,
    closesOn: d.closesOn,
  };
  const headCount = useSurveyPopulationCount(useDebouncedValue(population));
  const confirmCount = useSurveyPopulationCount(population, confirm === 'open');
  const locked = !!survey && survey.status !== 'draft';
  const submit = (status: SurveyStatus) => {
    const errors: Record<string, string> = {};
    if (!d.titleJa.trim()) errors.titleJa = t('surveys.bank.required');
    if (!d.questionIds.length) errors.questionIds = t('surveys.editor.questionsRequired');
    if (d.minGroupSize < 5) errors.minGroupSize = t('surveys.editor.kMin');
    if (d.closesOn < d.opensOn) errors.closesOn = t('surveys.editor.windowReversed');
    if (form.show(errors)) return;
    const input = {
      titleJa: d.titleJa,
      titleEn: d.titleEn,
      descriptionJa: d.descriptionJa,
      descriptionEn: d.descriptionEn,
      fiscalYear: d.fiscalYear,
      opensOn: d.opensOn,
      closesOn: d.closesOn,
      minGroupSize: d.minGroupSize,
      population: { bureauIds: d.bureauIds, gradeIds: d.gradeIds, youngOnly: d.youngOnly },
      questionIds: d.questionIds,
      previousId: d.previousId || null,
    };
    save.mutate(
      {
        input,
        target: survey
          ? { id: survey.id, version: survey.version, status }
          : { idempotencyKey: key.current() },
      },
      {
        onSuccess: (saved) => {
          key.reset();
          setConfirm(null);
          if (!survey) void navigate(`/surveys/${saved.id}/edit`);
        },
        onError: (error) => {
          setConfirm(null);
          form.showProblem(error, (path) =>
            path.startsWith('population') ? 'population' : (path.split('.')[0] ?? path),
          );
        },
      },
    );
  };
  return (
    <form
      ref={form.ref}
      noValidate
      className="grid gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        submit(survey?.status ?? 'draft');
      }}
    >
      <FormAlert
        form={form}
        labels={{
          population: t('surveys.editor.population'),
          questionIds: t('surveys.editor.questionsLabel'),
        }}
      />
      {survey ? (
        <p className="flex items-center gap-2">
          {t('surveys.editor.statusNow')} <SurveyStatusBadge survey={survey} />
        </p>
      ) : null}
      {locked ? <p className={warnClass}>{t('surveys.editor.lockedNote')}</p> : null}
      <BilingualTextField {...texts} field="title" max={200} />
      <BilingualTextField {...texts} field="description" max={2000} multiline />
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label className={labelClass} htmlFor={form.field('fiscalYear').id}>
            {t('surveys.editor.fiscalYear')}
          </label>
          <input
            type="number"
            className={inputClass}
            {...form.field('fiscalYear')}
            value={d.fiscalYear}
            onChange={(e) => set({ fiscalYear: Number(e.target.value) })}
          />
          <FieldMessage form={form} name="fiscalYear" />
        </div>
        <DateField
          id={form.field('opensOn').id}
          label={t('surveys.editor.opensOn')}
          inputClassName={inputClass}
          disabled={locked}
          value={d.opensOn}
          onChange={(value) => set({ opensOn: value })}
          error={form.errors.opensOn}
        />
        <DateField
          id={form.field('closesOn').id}
          label={t('surveys.editor.closesOn')}
          inputClassName={inputClass}
          value={d.closesOn}
          onChange={(value) => set({ closesOn: value })}
          error={form.errors.closesOn}
        />
      </div>
      <div>
        <label className={labelClass} htmlFor={form.field('minGroupSize').id}>
          {t('surveys.editor.minGroupSize')}
        </label>
        <input
          type="number"
          min={locked && survey ? survey.minGroupSize : 5}
          className={`${inputClass} max-w-40`}
          {...form.field('minGroupSize')}
          aria-describedby={`${form.field('minGroupSize')['aria-describedby'] ?? ''} k-hint`.trim()}
          value={d.minGroupSize}
          onChange={(e) => set({ minGroupSize: Number(e.target.value) })}
        />
        <p id="k-hint" className={hintClass}>
          {t('surveys.editor.kHint')}
        </p>
        <FieldMessage form={form} name="minGroupSize" />
      </div>
      <PopulationPicker
        legend={t('surveys.editor.population')}
        hint={t('surveys.editor.populationHint')}
        value={{ bureauIds: d.bureauIds, gradeIds: d.gradeIds }}
        onChange={(p) => set(p)}
        count={headCount}
        disabled={locked}
      >
        <FieldMessage form={form} name="population" />
        <label className={checkboxRowClass}>
          <input
            type="checkbox"
            className="mt-1 size-5"
            checked={d.youngOnly}
            onChange={(e) => set({ youngOnly: e.target.checked })}
          />
          {t('surveys.editor.youngOnly')}
        </label>
      </PopulationPicker>
      <fieldset className={panelClass} disabled={locked}>
        <legend className={labelClass}>
          {t('surveys.editor.questions', { count: d.questionIds.length })}
        </legend>
        {bank.isPending ? <LoadingState /> : null}
        {(bank.data?.items ?? []).map((q) => (
          <label key={q.id} className={checkboxRowClass}>
            <input
              type="checkbox"
              className="mt-1 size-5"
              checked={d.questionIds.includes(q.id)}
              onChange={() => set({ questionIds: toggle(d.questionIds, q.id) })}
            />
            <span>
              {local(q.text) || q.text.ja}{' '}
              <span className="text-dns-14N-130 text-solid-gray-700">({t(`surveys.kind.${q.kind}`)})</span>
            </span>
          </label>
        ))}
        <p className="mt-2">
          <Link to="/surveys/questions">{t('surveys.bank.title')}</Link>
        </p>
      </fieldset>
      <div>
        <label className={labelClass} htmlFor={form.field('previousId').id}>
          {t('surveys.editor.previous')}
        </label>
        <select
          className={selectClass}
          {...form.field('previousId')}
          disabled={locked}
          value={d.previousId}
          onChange={(e) => set({ previousId: e.target.value })}
        >
          <option value="">{t('surveys.editor.noPrevious')}</option>
          {(rounds.data?.items ?? [])
            .filter((r) => r.id !== survey?.id && r.status !== 'draft')
            .map((r) => (
              <option key={r.id} value={r.id}>
                {local(r.title)}
              </option>
            ))}
        </select>
      </div>
      {confirm ? (
        <div role="alertdialog" aria-labelledby="confirm-status" className={warnClass}>
          <p id="confirm-status" className="text-std-16B-170">
            {t(confirm === 'open' ? 'surveys.editor.confirmOpen' : 'surveys.editor.confirmClose')}
          </p>
          {confirm === 'open' ? (
            <p className="mt-1 text-std-16B-170">
              <HeadCount count={confirmCount} />
            </p>
          ) : null}
          <div className="mt-3 flex flex-wrap gap-3">
            <Button onClick={() => submit(confirm)} disabled={save.isPending}>
              {t(confirm === 'open' ? 'surveys.editor.open' : 'surveys.editor.close')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirm(null)}>
              {t('surveys.editor.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {save.isSuccess && survey ? (
        <p role="status" className="text-std-16B-170 text-green-900">
          {t('surveys.editor.saved')}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={save.isPending}>
          {survey ? t('surveys.editor.save') : t('surveys.editor.create')}
        </Button>
        {survey?.status === 'draft' ? (
          <Button variant="secondary" onClick={() => setConfirm('open')}>
            {t('surveys.editor.open')}
          </Button>
        ) : null}
        {survey?.status === 'open' ? (
          <Button variant="secondary" onClick={() => setConfirm('closed')}>
            {t('surveys.editor.close')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** /surveys/new and /surveys/:id/edit (HR): build a round, open it, close it. */
export function RoundEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const title = id ? t('surveys.editor.editTitle') : t('surveys.editor.newTitle');
  useDocumentTitle(title);
  const query = useSurvey(id);
  return (
    <>
      <PageHeader title={title} lead={t('surveys.editor.lead')} />
      <p className="mb-6">
        <Link to="/surveys">{t('surveys.back')}</Link>
      </p>
      {id ? (
        <QueryContent query={query}>
          {(s) => (
            <>
              <Editor key={`${s.id}-${s.version}`} survey={s} />
              <Remind survey={s} />
            </>
          )}
        </QueryContent>
      ) : (
        <Editor />
      )}
    </>
  );
}
