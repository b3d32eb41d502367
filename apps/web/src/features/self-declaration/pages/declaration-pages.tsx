import {
  type Considerations,
  SELF_DECLARATION_LIMITS,
  type SelfDeclaration,
  type SelfDeclarationRound,
} from '@portal/contracts';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-client.ts';
import { formatDate } from '../../../shared/format/date.ts';
import { FormTextField } from '../../../shared/forms/text-field.tsx';
import { FieldMessage, FormAlert, useFormErrors } from '../../../shared/forms/use-form-errors.tsx';
import { DraftOffer, useLocalDraft } from '../../../shared/forms/use-local-draft.tsx';
import { useUnsavedChanges } from '../../../shared/forms/use-unsaved-changes.ts';
import { useDocumentTitle } from '../../../shared/i18n/use-document-title.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { cardClass, hintClass, labelClass, panelClass } from '../../../shared/ui/form-styles.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { QueryContent } from '../../../shared/ui/states.tsx';
import { useMe } from '../../auth/api/get-me.ts';
import { useDeclaration, useOpenRounds, useRound, useSaveDeclaration } from '../api/self-declaration.ts';
import { DesiredJobFamiliesPicker, DesiredUnitsPicker } from '../components/desired-work-pickers.tsx';

/** `/self-declaration`: the rounds open now, each leading to the person's own declaration. */
export function MyDeclarationsPage() {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  useDocumentTitle(t('selfDeclaration.title'));
  const rounds = useOpenRounds();
  return (
    <div>
      <PageHeader title={t('selfDeclaration.title')} lead={t('selfDeclaration.lead')} />
      <QueryContent
        query={rounds}
        isEmpty={(p) => p.items.length === 0}
        empty={t('selfDeclaration.noRounds')}
      >
        {(page) => (
          <ul className="grid gap-3">
            {page.items.map((r) => (
              <li key={r.id} className={cardClass}>
                <Link to={`/self-declaration/${r.id}`} className="text-std-18B-160 text-blue-1000 underline">
                  {l(r.title)}
                </Link>
                <p className={hintClass}>
                  {t('selfDeclaration.window', {
                    from: formatDate(r.opensOn, language),
                    to: formatDate(r.closesOn, language),
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </QueryContent>
    </div>
  );
}

function Choices({
  legend,
  options,
  chosen,
  onChange,
  disabled,
}: {
  legend: string;
  options: { id: string; label: string; hint?: string }[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  disabled: boolean;
}) {
  if (!options.length) return null;
  return (
    <fieldset>
      <legend className={labelClass}>{legend}</legend>
      <ul className="mt-2 grid gap-2">
        {options.map((o) => (
          <li key={o.id}>
            <label className="flex items-start gap-2 text-std-16N-170">
              <input
                type="checkbox"
                className="mt-1 size-5"
                checked={chosen.includes(o.id)}
                disabled={disabled}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((id) => id !== o.id))
                }
              />
              <span>
                {o.label}
                {o.hint ? <span className="block text-dns-14N-130 text-solid-gray-700">{o.hint}</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

type Draft = {
  reflection: string;
  desiredUnitIds: string[];
  desiredJobFamilyIds: string[];
  desiredWork: string;
  careerFieldIds: string[];
  publicPostIds: string[];
  careerVision: string;
  considerations: Considerations;
};
/** What this device may keep as a local draft: everything but the 配慮事項 (decision 032). */
type LocalDraft = Omit<Draft, 'considerations'>;

const NO_CONSIDERATIONS: Considerations = { health: '', care: '', family: '' };
const draftOf = (d: SelfDeclaration): Draft => ({
  reflection: d.reflection,
  desiredUnitIds: d.desiredUnitIds,
  desiredJobFamilyIds: d.desiredJobFamilyIds,
  desiredWork: d.desiredWork,
  careerFieldIds: d.careerFieldIds,
  publicPostIds: d.publicPostIds,
  careerVision: d.careerVision,
  considerations: d.considerations ?? NO_CONSIDERATIONS,
});
const withoutConsiderations = ({ considerations: _omitted, ...rest }: Draft): LocalDraft => rest;

function DeclarationForm({
  round,
  declaration,
}: {
  round: SelfDeclarationRound;
  declaration: SelfDeclaration;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const form = useFormErrors();
  const me = useMe();
  const save = useSaveDeclaration(declaration.staff.id, round.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(declaration));
  const [done, setDone] = useState<'saved' | 'submitted' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const editable = declaration.can.edit;
  const saved = draftOf(declaration);
  const local = withoutConsiderations(draft);
  const localDirty = editable && JSON.stringify(local) !== JSON.stringify(withoutConsiderations(saved));
  const dirty =
    localDirty || (editable && JSON.stringify(draft.considerations) !== JSON.stringify(saved.considerations));
  // The text typed survives a session that ended, on this device — never the 配慮事項 (decision 032)
  const kept = useLocalDraft<LocalDraft>({
    owner: me.data?.staff.id,
    name: `self-declaration.${round.id}`,
    value: local,
    dirty: localDirty,
  });
  useUnsavedChanges(dirty);
  const set = (patch: Partial<Draft>) => {
    setDone(null);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const send = (submit: boolean) => {
    setFailure(null);
    save.mutate(
      {
        body: {
          ...draft,
          // a draft kept on this device may name a field or post HR has since removed (decision 053)
          careerFieldIds: draft.careerFieldIds.filter((id) => round.careerFields.some((f) => f.id === id)),
          publicPostIds: draft.publicPostIds.filter((id) => round.publicPosts.some((p) => p.id === id)),
          version: declaration.version,
        },
        submit,
      },
      {
        onSuccess: () => {
          kept.clear();
          setDone(submit ? 'submitted' : 'saved');
        },
        onError: (error) => {
          if (form.showProblem(error)) return;
          setFailure(isApiError(error) ? error.code : 'internal');
        },
      },
    );
  };
  const c = draft.considerations;
  const setC = (patch: Partial<Considerations>) => set({ considerations: { ...c, ...patch } });
  return (
    <form
      ref={form.ref}
      noValidate
      className="grid gap-6"
      aria-label={t('selfDeclaration.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        send(true);
      }}
    >
      {editable ? (
        <DraftOffer
          draft={kept}
          onRestore={(value) => set({ ...value, considerations: draft.considerations })}
        />
      ) : null}
      <FormAlert form={form} />
      {failure ? (
        <p
          role="alert"
          className="rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16B-170 text-error-2"
        >
          {t(`selfDeclaration.errors.${failure}`, { defaultValue: t('selfDeclaration.errors.other') })}
        </p>
      ) : null}
      {done ? (
        <p role="status" className={panelClass}>
          {t(done === 'submitted' ? 'selfDeclaration.submitted' : 'selfDeclaration.saved')}
        </p>
      ) : null}
      <FormTextField
        form={form}
        name="reflection"
        label={t('selfDeclaration.reflection')}
        hint={t('selfDeclaration.reflectionHint')}
        value={draft.reflection}
        max={SELF_DECLARATION_LIMITS.reflection}
        onChange={(v) => set({ reflection: v })}
        disabled={!editable}
        multiline
      />
      <DesiredUnitsPicker
        chosen={draft.desiredUnitIds}
        onChange={(ids) => set({ desiredUnitIds: ids })}
        disabled={!editable}
        known={declaration.desiredUnits}
      />
      <FieldMessage form={form} name="desiredUnitIds" />
      <DesiredJobFamiliesPicker
        chosen={draft.desiredJobFamilyIds}
        onChange={(ids) => set({ desiredJobFamilyIds: ids })}
        disabled={!editable}
      />
      <FieldMessage form={form} name="desiredJobFamilyIds" />
      <FormTextField
        form={form}
        name="desiredWork"
        label={t('selfDeclaration.desiredWork')}
        hint={t('selfDeclaration.desiredWorkHint')}
        value={draft.desiredWork}
        max={SELF_DECLARATION_LIMITS.desiredWork}
        onChange={(v) => set({ desiredWork: v })}
        disabled={!editable}
        multiline
      />
      <Choices
        legend={t('selfDeclaration.careerFields')}
        options={round.careerFields.map((f) => ({ id: f.id, label: l(f.name), hint: f.description }))}
        chosen={draft.careerFieldIds}
        onChange={(ids) => set({ careerFieldIds: ids })}
        disabled={!editable}
      />
      <Choices
        legend={t('selfDeclaration.publicPosts')}
        options={round.publicPosts.map((p) => ({
          id: p.id,
          label: l(p.title),
          hint: [p.orgUnit ? l(p.orgUnit.name) : '', p.description].filter(Boolean).join(' — '),
        }))}
        chosen={draft.publicPostIds}
        onChange={(ids) => set({ publicPostIds: ids })}
        disabled={!editable}
      />
      <FormTextField
        form={form}
        name="careerVision"
        label={t('selfDeclaration.careerVision')}
        hint={declaration.careerPlan ? t('selfDeclaration.careerVisionFromPlan') : undefined}
        value={draft.careerVision}
        max={SELF_DECLARATION_LIMITS.careerVision}
        onChange={(v) => set({ careerVision: v })}
        disabled={!editable}
        multiline
      />
      <fieldset className={panelClass}>
        <legend className="text-std-18B-160 text-solid-gray-900">
          {t('selfDeclaration.considerations')}
        </legend>
        <p className={hintClass}>{t('selfDeclaration.considerationsHint')}</p>
        {editable ? <p className={hintClass}>{t('selfDeclaration.considerationsNotKept')}</p> : null}
        <div className="mt-3 grid gap-4">
          {(['health', 'care', 'family'] as const).map((k) => (
            <FormTextField
              key={k}
              form={form}
              name={`considerations.${k}`}
              label={t(`selfDeclaration.consideration.${k}`)}
              value={c[k]}
              max={SELF_DECLARATION_LIMITS.consideration}
              onChange={(v) => setC({ [k]: v })}
              disabled={!editable}
              multiline
            />
          ))}
        </div>
      </fieldset>
      {editable ? (
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={save.isPending}>
            {t('selfDeclaration.submit')}
          </Button>
          <Button variant="secondary" disabled={save.isPending} onClick={() => send(false)}>
            {t('selfDeclaration.saveDraft')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}

export function StatusLine({ declaration }: { declaration: SelfDeclaration }): ReactNode {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <p className="text-std-16B-170">
      {t(`selfDeclaration.status.${declaration.status}`)}
      {declaration.submittedAt
        ? ` — ${t('selfDeclaration.submittedAt', { date: formatDate(declaration.submittedAt, language) })}`
        : ''}
    </p>
  );
}

/** `/self-declaration/:roundId`: the person's own declaration — a draft while the window is open, then submitted. */
export function MyDeclarationPage() {
  const { t } = useTranslation();
  const l = useLocalized();
  const language = useLanguage();
  const { roundId = '' } = useParams();
  const me = useMe();
  const round = useRound(roundId);
  const declaration = useDeclaration(me.data?.staff.id, roundId);
  const headingId = useId();
  useDocumentTitle(round.data ? l(round.data.title) : t('selfDeclaration.title'));
  return (
    <div>
      <PageHeader
        title={round.data ? l(round.data.title) : t('selfDeclaration.title')}
        lead={round.data?.guidance || undefined}
      />
      <QueryContent query={round}>
        {(r) => (
          <QueryContent query={declaration}>
            {(d) => (
              <section aria-labelledby={headingId} className="grid gap-4">
                <h2 id={headingId} className="text-std-22B-150">
                  {t('selfDeclaration.mine')}
                </h2>
                <p className={hintClass}>
                  {t('selfDeclaration.window', {
                    from: formatDate(r.opensOn, language),
                    to: formatDate(r.closesOn, language),
                  })}
                </p>
                <StatusLine declaration={d} />
                {d.interview ? (
                  <div className={panelClass}>
                    <p className="text-std-16B-170">
                      {t('selfDeclaration.interviewOn', { date: formatDate(d.interview.heldOn, language) })}
                    </p>
                    <p className="mt-1 whitespace-pre-wrap text-std-16N-170">{d.interview.opinion}</p>
                  </div>
                ) : null}
                <DeclarationForm key={r.id} round={r} declaration={d} />
              </section>
            )}
          </QueryContent>
        )}
      </QueryContent>
    </div>
  );
}
