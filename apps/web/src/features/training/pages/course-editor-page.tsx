import { type Training, TrainingKind, type TrainingOptions } from '@portal/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { FieldMessage, FormAlert, useFormErrors } from '../../../shared/forms/use-form-errors.tsx';
import { DraftOffer, useLocalDraft } from '../../../shared/forms/use-local-draft.tsx';
import { useUnsavedChanges } from '../../../shared/forms/use-unsaved-changes.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { usePermissions } from '../../auth/lib/permissions.ts';
import { PolicyLinkPicker } from '../../policy/components/policy-link-picker.tsx';
import { trainingQueryOptions, useTraining } from '../api/get-training.ts';
import { useTrainingOptions } from '../api/get-trainings.ts';
import { useSaveTraining } from '../api/save-training.ts';
import { CourseTargets } from '../components/course-targets.tsx';
import { checkboxRowClass, inputClass, labelClass, panelClass, selectClass } from '../components/styles.ts';
import { type Draft, fromTraining, newDraft, toInput } from '../lib/course-draft.ts';
import { useTrainingErrorMessage } from '../lib/errors.ts';

function CourseForm({
  training,
  bureauIds,
  options,
}: {
  training?: Training;
  bureauIds: string[];
  options: TrainingOptions;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { can } = usePermissions();
  const hr = can('training:manage:any');
  const current = options.currentFiscalYear;
  const [draft, setDraft] = useState<Draft>(() =>
    training ? fromTraining(training) : newDraft(hr, bureauIds[0] ?? '', current),
  );
  const [base, setBase] = useState(training);
  const [savedText, setSavedText] = useState(() => JSON.stringify(draft));
  const dirty = JSON.stringify(draft) !== savedText;
  const { data: me } = useMe();
  const localDraft = useLocalDraft({
    owner: me?.staff.id,
    name: `course.${training?.id ?? 'new'}`,
    value: draft,
    dirty,
  });
  const leaveSaved = useUnsavedChanges(dirty);
  const save = useSaveTraining();
  const key = useSubmissionKey();
  const form = useFormErrors();
  const message = useTrainingErrorMessage(
    isApiError(save.error) && save.error.status === 400 ? null : save.error,
  );
  const stale = isApiError(save.error) && save.error.status === 409;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  // a policy link's error names its index; the picker shows one message per kind
  const fieldOf = (path: string) => path.replace(/^(staffImageIds|initiativeIds)\.\d+$/, '$1.0');
  const bureaus = hr ? options.bureaus : options.bureaus.filter((b) => bureauIds.includes(b.id));
  const kinds = hr ? TrainingKind.options : (['departmental'] as const);

  const errorOf = (name: string) => <FieldMessage form={form} name={name} />;
  const a11y = (name: string) => {
    const { id: _, ...aria } = form.field(name);
    return aria;
  };
  const text = (
    name: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    extra: { required?: boolean; max: number; multiline?: boolean },
  ): ReactNode => (
    <div>
      <label htmlFor={`${id}-${name}`} className={labelClass}>
        {label}
        {extra.required ? (
          <span className="ml-2 text-dns-14B-130 text-error-2">{t('training.required')}</span>
        ) : null}
      </label>
      {extra.multiline ? (
        <textarea
          id={`${id}-${name}`}
          className={`${inputClass} min-h-28`}
          value={value}
          maxLength={extra.max}
          onChange={(e) => onChange(e.target.value)}
          {...a11y(name)}
        />
      ) : (
        <input
          id={`${id}-${name}`}
          className={inputClass}
          value={value}
          maxLength={extra.max}
          required={extra.required}
          onChange={(e) => onChange(e.target.value)}
          {...a11y(name)}
        />
      )}
      {errorOf(name)}
    </div>
  );

  return (
    <form
      ref={form.ref}
      noValidate
      className="grid gap-6"
      onSubmit={(e) => {
        e.preventDefault();
        if (form.show(draft.titleJa.trim() ? {} : { 'title.ja': t('validation.required') })) return;
        save.mutate(
          {
            input: toInput(draft),
            target: base ? { id: base.id, version: base.version } : { idempotencyKey: key.current() },
          },
          {
            onError: (error) => form.showProblem(error, fieldOf),
            onSuccess: (saved) => {
              key.reset();
              localDraft.clear();
              leaveSaved();
              navigate(`/training/${saved.id}`);
            },
          },
        );
      }}
    >
      <DraftOffer draft={localDraft} onRestore={(value) => setDraft(value)} />
      <div className="grid gap-4 md:grid-cols-2">
        {text('title.ja', t('training.fields.titleJa'), draft.titleJa, (v) => set({ titleJa: v }), {
          required: true,
          max: 200,
        })}
        {text('title.en', t('training.fields.titleEn'), draft.titleEn, (v) => set({ titleEn: v }), {
          max: 200,
        })}
        {text(
          'description.ja',
          t('training.fields.descriptionJa'),
          draft.descriptionJa,
          (v) => set({ descriptionJa: v }),
          {
            max: 4000,
            multiline: true,
          },
        )}
        {text(
          'description.en',
          t('training.fields.descriptionEn'),
          draft.descriptionEn,
          (v) => set({ descriptionEn: v }),
          {
            max: 4000,
            multiline: true,
          },
        )}
        <div>
          <label htmlFor={`${id}-kind`} className={labelClass}>
            {t('training.fields.kind')}
          </label>
          <select
            id={`${id}-kind`}
            className={selectClass}
            value={draft.kind}
            onChange={(e) => set({ kind: e.target.value as TrainingKind })}
            {...a11y('kind')}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`training.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {draft.kind === 'departmental' ? (
          <div>
            <label htmlFor={`${id}-ownerBureauId`} className={labelClass}>
              {t('training.fields.ownerBureau')}
            </label>
            <select
              id={`${id}-ownerBureauId`}
              className={selectClass}
              value={draft.ownerBureauId}
              onChange={(e) => set({ ownerBureauId: e.target.value })}
              {...a11y('ownerBureauId')}
            >
              <option value="">{t('training.editor.chooseBureau')}</option>
              {bureaus.map((b) => (
                <option key={b.id} value={b.id}>
                  {l(b.name)}
                </option>
              ))}
            </select>
            {errorOf('ownerBureauId')}
          </div>
        ) : null}
        {text('code', t('training.fields.code'), draft.code, (v) => set({ code: v }), { max: 32 })}
        <div>
          <label htmlFor={`${id}-hours`} className={labelClass}>
            {t('training.fields.hours')}
          </label>
          <input
            id={`${id}-hours`}
            type="number"
            min={0}
            max={2000}
            step={0.5}
            inputMode="decimal"
            className={inputClass}
            value={draft.hours}
            onChange={(e) => set({ hours: e.target.value })}
            {...a11y('hours')}
          />
          {errorOf('hours')}
        </div>
      </div>

      <CourseTargets draft={draft} set={set} options={options} base={base} errorOf={errorOf} />

      <div className="grid gap-1">
        <label className={checkboxRowClass}>
          <input
            type="checkbox"
            className="mt-1 size-5"
            checked={draft.mandatory}
            onChange={(e) => set({ mandatory: e.target.checked })}
          />
          <span>{t('training.editor.mandatory')}</span>
        </label>
        <label className={checkboxRowClass}>
          <input
            type="checkbox"
            className="mt-1 size-5"
            checked={draft.active}
            onChange={(e) => set({ active: e.target.checked })}
          />
          <span>{t('training.editor.active')}</span>
        </label>
      </div>

      <div className={panelClass}>
        <PolicyLinkPicker value={draft.links} onChange={(links) => set({ links })} />
        {errorOf('staffImageIds.0')}
        {errorOf('initiativeIds.0')}
      </div>

      <FormAlert form={form} />
      {message ? (
        <div role="alert" className="rounded-8 border-2 border-error-1 bg-red-50 p-4">
          <p className="text-std-16B-170 text-error-2">
            {stale ? t('training.errors.stale_course') : message}
          </p>
          {stale && base ? (
            <Button
              variant="secondary"
              className="mt-3"
              onClick={async () => {
                const latest = await queryClient.fetchQuery({
                  ...trainingQueryOptions(base.id),
                  staleTime: 0,
                });
                setBase(latest);
                setDraft(fromTraining(latest));
                setSavedText(JSON.stringify(fromTraining(latest)));
                save.reset();
              }}
            >
              {t('training.editor.loadLatest')}
            </Button>
          ) : null}
        </div>
      ) : null}

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t('training.sending') : t('training.editor.save')}
        </Button>
        <Link
          to={base ? `/training/${base.id}` : '/training'}
          className="inline-flex min-h-11 items-center px-2 text-blue-1000 underline underline-offset-4"
        >
          {t('training.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** /training/new and /training/:id/edit — HR (any course) and bureau officers (their 部門別研修). */
export function CourseEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const title = id ? t('training.editor.edit') : t('training.editor.new');
  useDocumentTitle(title);
  const me = useMe();
  const bureauIds = me.data?.bureaus.map((b) => b.id) ?? [];
  const options = useTrainingOptions();
  return (
    <>
      <PageHeader title={title} lead={t('training.editor.lead')} />
      <QueryContent query={options}>
        {(o) =>
          id ? (
            <EditExisting id={id} bureauIds={bureauIds} options={o} />
          ) : (
            <CourseForm bureauIds={bureauIds} options={o} />
          )
        }
      </QueryContent>
    </>
  );
}

function EditExisting({
  id,
  bureauIds,
  options,
}: {
  id: string;
  bureauIds: string[];
  options: TrainingOptions;
}) {
  const query = useTraining(id);
  const { t } = useTranslation();
  return (
    <QueryContent query={query}>
      {(training) =>
        training.canManage ? (
          <CourseForm training={training} bureauIds={bureauIds} options={options} />
        ) : (
          <p role="alert">{t('errors.codes.forbidden')}</p>
        )
      }
    </QueryContent>
  );
}
