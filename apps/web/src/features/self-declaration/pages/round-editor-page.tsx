import type { SelfDeclarationRound } from '@portal/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { formatDate } from '../../../shared/format/date.ts';
import { DateField } from '../../../shared/forms/date-field.tsx';
import { BilingualTextField, FormTextField } from '../../../shared/forms/text-field.tsx';
import { useDebouncedValue } from '../../../shared/forms/use-debounced-value.ts';
import { FieldMessage, FormAlert, useFormErrors } from '../../../shared/forms/use-form-errors.tsx';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { useAnnounce } from '../../../shared/ui/announcer.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { badgeClass, inputClass, labelClass, warnClass } from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { HeadCount, PopulationPicker } from '../../identity/components/population-picker.tsx';
import { useRoundPopulationCount } from '../api/population-count.ts';
import { useSaveRound } from '../api/rounds.ts';
import { useRound } from '../api/self-declaration.ts';
import { checkItems, itemFieldOf, RoundItemsEditor } from '../components/round-items-editor.tsx';

import { type Draft, draftOf, inputOf, isDate, sameSet, today } from '../lib/round-draft.ts';
import { useScopeWords } from '../lib/scope-words.ts';

function Editor({ round, reload }: { round?: SelfDeclarationRound; reload: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const form = useFormErrors();
  const key = useSubmissionKey();
  const save = useSaveRound();
  const scope = useScopeWords();
  const [d, setD] = useState<Draft>(() => draftOf(round));
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const staleRef = useRef<HTMLDivElement>(null);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const samePopulation =
    !!round &&
    sameSet(
      d.bureauIds,
      round.bureaus.map((b) => b.id),
    ) &&
    sameSet(
      d.gradeIds,
      round.grades.map((g) => g.id),
    );
  // The head count as HR chooses, once they pause; the confirmation counts exactly what is sent.
  const population = { bureauIds: d.bureauIds, gradeIds: d.gradeIds };
  const headCount = useRoundPopulationCount(useDebouncedValue(population));
  const confirmCount = useRoundPopulationCount(population, confirming);
  const stale = isApiError(save.error) && save.error.status === 409;
  const failed = save.isError && !stale && !(isApiError(save.error) && save.error.status === 400);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

  const check = () => {
    const errors: Record<string, string> = {};
    const fy = Number(d.fiscalYear);
    if (!d.fiscalYear.trim() || !Number.isInteger(fy) || fy < 1989 || fy > 2100)
      errors.fiscalYear = t('validation.value_out_of_range', { min: 1989, max: 2100 });
    if (!d.titleJa.trim()) errors.titleJa = t('validation.required');
    if (!isDate(d.opensOn)) errors.opensOn = t('validation.invalid_format_date');
    if (!isDate(d.closesOn)) errors.closesOn = t('validation.invalid_format_date');
    else if (isDate(d.opensOn) && d.closesOn < d.opensOn)
      errors.closesOn = t('validation.ends_before_begins');
    Object.assign(errors, checkItems(d.careerFields, d.publicPosts, t));
    return !form.show(errors);
  };

  /** A round that will be open on saving, to a population it was not open to before, asks first. */
  const opensNow = () => {
    const now = today();
    const openAfter = d.opensOn <= now && now <= d.closesOn;
    if (!openAfter) return false;
    return round?.phase !== 'open' || !samePopulation;
  };

  const send = () => {
    save.mutate(
      {
        input: inputOf(d),
        target: round ? { id: round.id, version: round.version } : { idempotencyKey: key.current() },
      },
      {
        onSuccess: (saved) => {
          key.reset();
          setConfirming(false);
          announce(t(round ? 'selfDeclaration.rounds.saved' : 'selfDeclaration.rounds.created'));
          if (!round) void navigate(`/self-declaration-rounds/${saved.id}/edit`);
          else reload();
        },
        onError: (error) => {
          setConfirming(false);
          form.showProblem(error, (path) => itemFieldOf(path) ?? path.split('.')[0] ?? path);
        },
      },
    );
  };

  const words = scope(d.bureauIds, d.gradeIds);
  return (
    <form
      ref={form.ref}
      noValidate
      className="grid max-w-3xl gap-5"
      aria-label={t('selfDeclaration.rounds.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        if (save.isPending || !check()) return;
        if (opensNow()) setConfirming(true);
        else send();
      }}
    >
      <FormAlert
        form={form}
        labels={{
          bureauIds: t('selfDeclaration.rounds.bureaus'),
          gradeIds: t('selfDeclaration.rounds.grades'),
          careerFields: t('selfDeclaration.careerFields'),
          publicPosts: t('selfDeclaration.publicPosts'),
          title: t('selfDeclaration.rounds.titleJa'),
        }}
      />
      {stale ? (
        <div ref={staleRef} tabIndex={-1} role="alert" className={warnClass}>
          <p className="text-std-16B-170">{t('selfDeclaration.rounds.stale')}</p>
          <p className="mt-1">{t('selfDeclaration.rounds.staleHint')}</p>
          <Button className="mt-3" onClick={reload}>
            {t('selfDeclaration.rounds.reload')}
          </Button>
        </div>
      ) : null}
      {failed ? (
        <p role="alert" className="text-std-16B-170 text-error-1">
          {t('selfDeclaration.errors.other')}
        </p>
      ) : null}
      {round ? (
        <p>
          {t('selfDeclaration.rounds.statusNow')}{' '}
          <span className={badgeClass}>{t(`selfDeclaration.hr.phase.${round.phase}`)}</span>
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label className={labelClass} htmlFor={form.field('fiscalYear').id}>
            {t('selfDeclaration.rounds.fiscalYear')}
          </label>
          <input
            type="number"
            inputMode="numeric"
            className={inputClass}
            {...form.field('fiscalYear')}
            value={d.fiscalYear}
            onChange={(e) => set({ fiscalYear: e.target.value })}
          />
          <FieldMessage form={form} name="fiscalYear" />
        </div>
        {(['opensOn', 'closesOn'] as const).map((f) => (
          <DateField
            key={f}
            id={form.field(f).id}
            label={t(`selfDeclaration.rounds.${f}`)}
            inputClassName={inputClass}
            value={d[f]}
            onChange={(value) => set({ [f]: value })}
            error={form.errors[f]}
          />
        ))}
      </div>
      <BilingualTextField
        form={form}
        labels="selfDeclaration.rounds"
        value={d}
        onChange={set}
        field="title"
        max={200}
      />
      <FormTextField
        form={form}
        name="guidance"
        label={t('selfDeclaration.rounds.guidance')}
        value={d.guidance}
        max={2000}
        multiline
        onChange={(guidance) => set({ guidance })}
      />
      <PopulationPicker
        legend={t('selfDeclaration.rounds.population')}
        hint={t('selfDeclaration.rounds.populationHint')}
        value={{ bureauIds: d.bureauIds, gradeIds: d.gradeIds }}
        onChange={(p) => set(p)}
        count={headCount}
      >
        <FieldMessage form={form} name="bureauIds" />
        <FieldMessage form={form} name="gradeIds" />
        <p className="mt-2 text-std-16N-170">
          {t('selfDeclaration.rounds.scope', { bureaus: words.bureaus, grades: words.grades })}
        </p>
      </PopulationPicker>
      <RoundItemsEditor
        form={form}
        fields={d.careerFields}
        posts={d.publicPosts}
        onFields={(careerFields) => set({ careerFields })}
        onPosts={(publicPosts) => set({ publicPosts })}
      />
      {confirming ? (
        <div
          ref={confirmRef}
          tabIndex={-1}
          role="alertdialog"
          aria-labelledby="round-confirm-title"
          aria-describedby="round-confirm-body"
          className={warnClass}
        >
          <p id="round-confirm-title" className="text-std-16B-170">
            {t('selfDeclaration.rounds.confirmTitle')}
          </p>
          <div id="round-confirm-body">
            <p className="mt-1">
              {t('selfDeclaration.rounds.confirmWindow', {
                from: formatDate(d.opensOn, language),
                to: formatDate(d.closesOn, language),
              })}
            </p>
            <p className="mt-1">
              {t('selfDeclaration.rounds.scope', { bureaus: words.bureaus, grades: words.grades })}
            </p>
            <p className="mt-1 text-std-16B-170">
              <HeadCount count={confirmCount} />
            </p>
          </div>
          <div className="mt-3 flex flex-wrap gap-3">
            <Button onClick={send} disabled={save.isPending}>
              {t('selfDeclaration.rounds.confirmOpen')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('selfDeclaration.hr.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={save.isPending || confirming}>
          {round ? t('selfDeclaration.rounds.save') : t('selfDeclaration.rounds.create')}
        </Button>
      </div>
    </form>
  );
}

function ExistingRound({ id }: { id: string }) {
  const query = useRound(id);
  const [generation, setGeneration] = useState(0);
  return (
    <QueryContent query={query}>
      {(r) => (
        <Editor
          key={`${r.id}-${r.version}-${generation}`}
          round={r}
          reload={() => void query.refetch().then(() => setGeneration((g) => g + 1))}
        />
      )}
    </QueryContent>
  );
}

/** `/self-declaration-rounds/new` and `/self-declaration-rounds/:id/edit` (HR): open or change a round. */
export function RoundEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const title = id ? t('selfDeclaration.rounds.editTitle') : t('selfDeclaration.rounds.newTitle');
  useDocumentTitle(title);
  return (
    <>
      <PageHeader title={title} lead={t('selfDeclaration.rounds.editorLead')} />
      <p className="mb-6">
        <Link to="/self-declaration-rounds/manage">{t('selfDeclaration.rounds.back')}</Link>
      </p>
      {id ? <ExistingRound key={id} id={id} /> : <Editor reload={() => undefined} />}
    </>
  );
}
