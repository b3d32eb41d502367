import {
  type PolicyLinkIds,
  type SelfDevelopmentCreate,
  SelfDevelopmentKind,
  type SelfDevelopmentRecord,
} from '@portal/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { useSubmissionKey } from '../../../shared/api/submission-key.ts';
import { DateField } from '../../../shared/forms/date-field.tsx';
import { DraftOffer, useLocalDraft } from '../../../shared/forms/use-local-draft.tsx';
import { useUnsavedChanges } from '../../../shared/forms/use-unsaved-changes.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { PolicyLinkPicker } from '../../policy/components/policy-link-picker.tsx';
import { useSelfDevelopmentWrite } from '../api/save-self-development.ts';
import { FormError } from './form-error.tsx';
import {
  hintClass,
  inputClass,
  labelClass,
  panelClass,
  subTitleClass,
  textareaClass,
  warnClass,
} from './styles.ts';

type Draft = {
  kind: SelfDevelopmentKind;
  title: string;
  provider: string;
  startedOn: string;
  completedOn: string;
  hours: string;
  description: string;
  links: PolicyLinkIds;
  askSupport: boolean;
  supportDetail: string;
  supportAmount: string;
};

const draftOf = (r: SelfDevelopmentRecord | null): Draft => ({
  kind: r?.kind ?? 'qualification',
  title: r?.title ?? '',
  provider: r?.provider ?? '',
  startedOn: r?.startedOn ?? '',
  completedOn: r?.completedOn ?? '',
  hours: r?.hours === null || r?.hours === undefined ? '' : String(r.hours),
  description: r?.description ?? '',
  links: { staffImageIds: r?.staffImageIds ?? [], initiativeIds: r?.initiativeIds ?? [] },
  askSupport: r ? r.support.status !== 'none' : false,
  supportDetail: r?.support.detail ?? '',
  supportAmount:
    r?.support.amountYen === null || r?.support.amountYen === undefined ? '' : String(r.support.amountYen),
});

/**
 * Records (or edits) a qualification, self-study or correspondence course, optionally asking the
 * supervisor for support (a course-fee subsidy, …). A decided request is shown, not edited.
 */
export function SelfDevelopmentForm({
  staffId,
  record,
  onDone,
  onCancel,
}: {
  staffId: string;
  record: SelfDevelopmentRecord | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(record));
  const [savedText] = useState(() => JSON.stringify(draftOf(record)));
  const dirty = JSON.stringify(draft) !== savedText;
  const { data: me } = useMe();
  const localDraft = useLocalDraft({
    owner: me?.staff.id,
    name: `self-development.${record?.id ?? `new.${staffId}`}`,
    value: draft,
    dirty,
  });
  const leaveSaved = useUnsavedChanges(dirty);
  const done = (message: string) => {
    localDraft.clear();
    leaveSaved();
    onDone(message);
  };
  const [titleMissing, setTitleMissing] = useState(false);
  const mutation = useSelfDevelopmentWrite(staffId);
  const key = useSubmissionKey();
  const decided = record?.support.status === 'approved' || record?.support.status === 'declined';
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const stale = isApiError(mutation.error) && mutation.error.status === 409;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.title.trim()) {
      setTitleMissing(true);
      document.getElementById(`${id}-title`)?.focus();
      return;
    }
    const hours = draft.hours.trim() === '' ? null : Number(draft.hours);
    const amount = draft.supportAmount.trim() === '' ? null : Number(draft.supportAmount);
    const body: SelfDevelopmentCreate = {
      kind: draft.kind,
      title: draft.title.trim(),
      provider: draft.provider.trim() || null,
      startedOn: draft.startedOn || null,
      completedOn: draft.completedOn || null,
      hours,
      description: draft.description.trim(),
      ...draft.links,
    };
    const support = draft.askSupport ? { detail: draft.supportDetail.trim(), amountYen: amount } : null;
    if (record) {
      mutation.mutate(
        {
          op: 'update',
          recordId: record.id,
          body: { ...body, ...(decided ? {} : { supportRequest: support }), version: record.version },
        },
        { onSuccess: () => done(t('career.selfDev.updated')) },
      );
    } else {
      mutation.mutate(
        { op: 'create', body: { ...body, supportRequest: support }, idempotencyKey: key.current() },
        {
          onSuccess: () => {
            key.reset();
            done(t('career.selfDev.created'));
          },
          onError: () => key.reset(),
        },
      );
    }
  };

  return (
    <form
      onSubmit={submit}
      className={`grid gap-4 ${panelClass}`}
      aria-labelledby={`${id}-heading`}
      noValidate
    >
      <DraftOffer draft={localDraft} onRestore={(value) => setDraft(value)} />
      <h3 id={`${id}-heading`} className={subTitleClass}>
        {record ? t('career.selfDev.editTitle') : t('career.selfDev.newTitle')}
      </h3>
      <fieldset>
        <legend className={labelClass}>{t('career.selfDev.kind')}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {SelfDevelopmentKind.options.map((kind) => (
            <label
              key={kind}
              className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-8 border-2 border-solid-gray-420 bg-white px-3 has-[:checked]:border-blue-900 has-[:checked]:bg-blue-50"
            >
              <input
                type="radio"
                name={`${id}-kind`}
                className="size-5"
                checked={draft.kind === kind}
                onChange={() => set('kind', kind)}
              />
              {t(`career.selfDev.kinds.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-title`} className={labelClass}>
          {t('career.selfDev.titleLabel')}
        </label>
        <input
          id={`${id}-title`}
          className={inputClass}
          value={draft.title}
          maxLength={200}
          required
          aria-invalid={titleMissing || undefined}
          aria-describedby={titleMissing ? `${id}-title-error` : undefined}
          onChange={(e) => {
            set('title', e.target.value);
            setTitleMissing(false);
          }}
        />
        {titleMissing ? (
          <p id={`${id}-title-error`} className="mt-1 text-dns-14B-130 text-error-1">
            {t('career.selfDev.titleRequired')}
          </p>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-provider`} className={labelClass}>
            {t('career.selfDev.provider')}
          </label>
          <input
            id={`${id}-provider`}
            className={inputClass}
            value={draft.provider}
            maxLength={200}
            onChange={(e) => set('provider', e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`${id}-hours`} className={labelClass}>
            {t('career.selfDev.hours')}
          </label>
          <input
            id={`${id}-hours`}
            className={inputClass}
            type="number"
            inputMode="numeric"
            min={0}
            max={10000}
            value={draft.hours}
            onChange={(e) => set('hours', e.target.value)}
          />
        </div>
        <DateField
          id={`${id}-start`}
          label={t('career.selfDev.startedOn')}
          inputClassName={inputClass}
          value={draft.startedOn}
          onChange={(value) => set('startedOn', value)}
        />
        <DateField
          id={`${id}-end`}
          label={t('career.selfDev.completedOn')}
          inputClassName={inputClass}
          value={draft.completedOn}
          hint={t('career.selfDev.completedHint')}
          onChange={(value) => set('completedOn', value)}
        />
      </div>
      <div>
        <label htmlFor={`${id}-description`} className={labelClass}>
          {t('career.selfDev.description')}
        </label>
        <textarea
          id={`${id}-description`}
          className={textareaClass}
          value={draft.description}
          maxLength={4000}
          onChange={(e) => set('description', e.target.value)}
        />
      </div>
      <PolicyLinkPicker value={draft.links} onChange={(links) => set('links', links)} />

      <fieldset className="grid gap-3">
        <legend className={subTitleClass}>{t('career.support.title')}</legend>
        {decided ? (
          <p className={hintClass}>{t('career.support.decidedLocked')}</p>
        ) : (
          <>
            <label className="flex min-h-11 items-center gap-2 text-std-16N-170">
              <input
                type="checkbox"
                className="size-5"
                checked={draft.askSupport}
                onChange={(e) => set('askSupport', e.target.checked)}
              />
              {t('career.support.ask')}
            </label>
            {draft.askSupport ? (
              <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
                <div>
                  <label htmlFor={`${id}-support`} className={labelClass}>
                    {t('career.support.detail')}
                  </label>
                  <textarea
                    id={`${id}-support`}
                    className={textareaClass}
                    value={draft.supportDetail}
                    maxLength={1000}
                    onChange={(e) => set('supportDetail', e.target.value)}
                  />
                </div>
                <div>
                  <label htmlFor={`${id}-amount`} className={labelClass}>
                    {t('career.support.amount')}
                  </label>
                  <input
                    id={`${id}-amount`}
                    className={inputClass}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    value={draft.supportAmount}
                    onChange={(e) => set('supportAmount', e.target.value)}
                  />
                </div>
              </div>
            ) : null}
          </>
        )}
      </fieldset>

      {stale ? (
        <p role="alert" className={warnClass}>
          {t('career.selfDev.stale')}
        </p>
      ) : mutation.isError ? (
        <FormError
          error={mutation.error}
          labels={{
            title: t('career.selfDev.titleLabel'),
            kind: t('career.selfDev.kind'),
            provider: t('career.selfDev.provider'),
            hours: t('career.selfDev.hours'),
            startedOn: t('career.selfDev.startedOn'),
            completedOn: t('career.selfDev.completedOn'),
            description: t('career.selfDev.description'),
            supportRequest: t('career.support.title'),
            staffImageIds: t('career.plan.links'),
            initiativeIds: t('career.plan.links'),
          }}
        />
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending
            ? t('career.form.sending')
            : record
              ? t('career.selfDev.save')
              : t('career.selfDev.add')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('career.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
