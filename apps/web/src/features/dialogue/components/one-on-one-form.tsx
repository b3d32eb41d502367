import {
  ONE_ON_ONE_KINDS,
  ONE_ON_ONE_MAX_MINUTES,
  type OneOnOne,
  type OneOnOneKind,
  type PolicyLinkIds,
} from '@portal/contracts';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-client.ts';
import { DateField } from '../../../shared/forms/date-field.tsx';
import { ChoiceField, MinutesField, TextAreaField } from '../../../shared/forms/record-fields.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { errorClass, hintClass, inputClass, labelClass } from '../../../shared/ui/form-styles.ts';
import { PolicyLinkPicker } from '../../policy/components/policy-link-picker.tsx';

const MINUTE_CHOICES = [15, 30, 45, 60] as const;

export type ActionDraft = { key: string; text: string; owner: 'staff' | 'me'; dueOn: string };

/** What the form holds, as typed (it is also what a local draft keeps). */
export type OneOnOneDraft = {
  scheduled: boolean;
  heldOn: string;
  minutes: string;
  kind: OneOnOneKind;
  topics: string;
  sharedNotes: string;
  privateNotes: string;
  /** New actions (a correction adds actions; those recorded before are ticked off on the record) */
  actions: ActionDraft[];
  links: PolicyLinkIds;
};

export type FieldErrors = Partial<Record<'staff' | 'heldOn' | 'minutes' | 'actions', string>>;

/** Today on the reader's calendar, as `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const newDraft = (): OneOnOneDraft => ({
  scheduled: false,
  heldOn: localToday(),
  minutes: '30',
  kind: 'one_on_one',
  topics: '',
  sharedNotes: '',
  privateNotes: '',
  actions: [],
  links: { staffImageIds: [], initiativeIds: [] },
});

/** The form as a recorded 1on1 fills it, for its author's correction. */
export const draftOf = (r: OneOnOne): OneOnOneDraft => ({
  scheduled: r.status === 'scheduled',
  heldOn: r.heldOn,
  minutes: String(r.minutes),
  kind: r.kind,
  topics: r.topics.join('\n'),
  sharedNotes: r.sharedNotes,
  privateNotes: r.privateNotes ?? '',
  actions: [],
  links: { staffImageIds: r.staffImageIds, initiativeIds: r.initiativeIds },
});

/** Something typed or chosen that would be lost (today's date and 30 minutes are defaults, not work). */
export const hasWork = (d: OneOnOneDraft) =>
  !!(d.topics.trim() || d.sharedNotes.trim() || d.privateNotes.trim()) ||
  d.actions.length > 0 ||
  d.links.staffImageIds.length + d.links.initiativeIds.length > 0;

/** The fields the API takes, from the form (`staffId` and `myId` own the actions). */
export function fieldsOf(d: OneOnOneDraft, staffId: string, myId: string) {
  return {
    heldOn: d.heldOn,
    status: d.scheduled ? ('scheduled' as const) : ('held' as const),
    minutes: Number(d.minutes),
    kind: d.kind,
    topics: d.topics
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    sharedNotes: d.sharedNotes.trim(),
    privateNotes: d.privateNotes.trim(),
    actions: d.actions.map((a) => ({
      text: a.text.trim(),
      ownerId: a.owner === 'me' ? myId : staffId,
      ...(a.dueOn ? { dueOn: a.dueOn } : {}),
    })),
    ...d.links,
  };
}

const dateError = (t: TFunction, scheduled: boolean) =>
  scheduled ? t('dialogue.record.errors.dateAhead') : t('dialogue.record.errors.datePast');

/**
 * What is wrong with the form before it is sent. `keptDay`: a correction may keep a date that has left
 * the window a new record may take (the API accepts an unchanged date and status).
 */
export function checkDraft(t: TFunction, d: OneOnOneDraft, keptDay?: { heldOn: string; scheduled: boolean }) {
  const found: FieldErrors = {};
  const today = localToday();
  const m = Number(d.minutes);
  if (!Number.isInteger(m) || m < 1 || m > ONE_ON_ONE_MAX_MINUTES)
    found.minutes = t('dialogue.record.errors.minutes', { max: ONE_ON_ONE_MAX_MINUTES });
  const kept = keptDay && keptDay.heldOn === d.heldOn && keptDay.scheduled === d.scheduled;
  if (!kept && (!d.heldOn || (d.scheduled ? d.heldOn < today : d.heldOn > today)))
    found.heldOn = dateError(t, d.scheduled);
  if (d.actions.some((a) => !a.text.trim())) found.actions = t('dialogue.record.errors.actionText');
  return found;
}

/** A 400's fields, as the form's messages. */
export function problemErrors(t: TFunction, error: unknown, scheduled: boolean): FieldErrors | null {
  if (!isApiError(error) || error.status !== 400) return null;
  const byField: FieldErrors = {};
  for (const e of error.errors) {
    if (e.field === 'body.heldOn') byField.heldOn = dateError(t, scheduled);
    else if (e.field === 'body.minutes')
      byField.minutes = t('dialogue.record.errors.minutes', { max: ONE_ON_ONE_MAX_MINUTES });
    else if (e.field.startsWith('body.actions') || e.field.startsWith('body.addActions'))
      byField.actions = t('dialogue.record.errors.actionText');
    else if (e.field === 'body.staffId') byField.staff = t('dialogue.record.errors.staff');
  }
  return byField;
}

/** The form's errors, listed at its top. */
export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  const list = Object.values(errors).filter(Boolean);
  if (!list.length) return null;
  return (
    <div role="alert" className="rounded-8 border-2 border-error-1 bg-red-50 p-4">
      <p className="text-std-16B-170 text-error-2">{t('dialogue.record.errors.title')}</p>
      <ul className="mt-1 list-disc pl-6">
        {list.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The fields of a 1on1, for recording one and for its author's correction: held or scheduled and the
 * day, the length, the kind, topics, shared notes, new actions, and (folded) the private notes and the
 * policy links. `confirmed`: the person has acknowledged it, so the day, length and status stay.
 */
export function OneOnOneFields({
  value,
  onChange,
  errors,
  confirmed = false,
  recordedActions,
}: {
  value: OneOnOneDraft;
  onChange: (next: OneOnOneDraft) => void;
  errors: FieldErrors;
  confirmed?: boolean;
  /** The actions recorded before (a correction shows them above the new ones) */
  recordedActions?: ReactNode;
}) {
  const { t } = useTranslation();
  const ids = { date: useId(), lockHint: useId() };
  const today = localToday();
  const set = (patch: Partial<OneOnOneDraft>) => onChange({ ...value, ...patch });
  const setAction = (k: string, patch: Partial<ActionDraft>) =>
    set({ actions: value.actions.map((a) => (a.key === k ? { ...a, ...patch } : a)) });
  const linked = value.links.staffImageIds.length + value.links.initiativeIds.length;

  return (
    <>
      {confirmed ? (
        <p id={ids.lockHint} className={hintClass}>
          {t('dialogue.edit.confirmedHint')}
        </p>
      ) : null}
      <ChoiceField
        legend={t('dialogue.record.when')}
        name="status"
        options={['held', 'scheduled'] as const}
        value={value.scheduled ? 'scheduled' : 'held'}
        onChange={(s) => {
          const scheduled = s === 'scheduled';
          const heldOn =
            (!scheduled && value.heldOn > today) || (scheduled && value.heldOn < today)
              ? today
              : value.heldOn;
          set({ scheduled, heldOn });
        }}
        label={(s) => t(`dialogue.status.${s}`)}
        disabled={confirmed}
      >
        <DateField
          id={ids.date}
          label={t('dialogue.record.date')}
          labelClassName="mt-3 block text-dns-14B-130"
          value={value.heldOn}
          {...(value.scheduled ? { min: today } : { max: today })}
          onChange={(heldOn) => set({ heldOn })}
          error={errors.heldOn}
        />
      </ChoiceField>

      <MinutesField
        legend={t('dialogue.record.minutes')}
        otherLabel={t('dialogue.record.minutesOther')}
        choices={MINUTE_CHOICES}
        choiceLabel={(count) => t('dialogue.minutes', { count })}
        value={value.minutes}
        onChange={(minutes) => set({ minutes })}
        max={ONE_ON_ONE_MAX_MINUTES}
        error={errors.minutes}
        disabled={confirmed}
      />

      <ChoiceField
        legend={t('dialogue.record.kind')}
        name="kind"
        options={ONE_ON_ONE_KINDS}
        value={value.kind}
        onChange={(kind) => set({ kind })}
        label={(k) => t(`dialogue.kinds.${k}`)}
        wide
      />

      <TextAreaField
        label={t('dialogue.record.topics')}
        hint={t('dialogue.record.topicsHint')}
        value={value.topics}
        onChange={(topics) => set({ topics })}
        max={2000}
        rows={2}
      />

      <TextAreaField
        label={t('dialogue.record.sharedNotes')}
        value={value.sharedNotes}
        onChange={(sharedNotes) => set({ sharedNotes })}
        max={4000}
      />

      <fieldset>
        <legend className={labelClass}>{t('dialogue.record.actions')}</legend>
        <p className={hintClass}>{t('dialogue.record.actionsHint')}</p>
        {recordedActions}
        <ul className="mt-2 grid gap-3">
          {value.actions.map((a, i) => (
            <li key={a.key} className="grid gap-2 rounded-8 border border-solid-gray-200 p-3">
              <label htmlFor={`${a.key}-text`} className="text-dns-14B-130">
                {t('dialogue.record.actionText', { n: i + 1 })}
              </label>
              <input
                id={`${a.key}-text`}
                type="text"
                maxLength={500}
                value={a.text}
                onChange={(event) => setAction(a.key, { text: event.target.value })}
                className={inputClass}
              />
              <label htmlFor={`${a.key}-owner`} className="text-dns-14B-130">
                {t('dialogue.record.actionOwner')}
              </label>
              <select
                id={`${a.key}-owner`}
                value={a.owner}
                onChange={(event) =>
                  setAction(a.key, { owner: event.target.value === 'me' ? 'me' : 'staff' })
                }
                className={`${inputClass} max-w-60`}
              >
                <option value="staff">{t('dialogue.record.ownerStaff')}</option>
                <option value="me">{t('dialogue.record.ownerMe')}</option>
              </select>
              <DateField
                id={`${a.key}-due`}
                label={t('dialogue.record.actionDue')}
                labelClassName="text-dns-14B-130"
                value={a.dueOn}
                onChange={(dueOn) => setAction(a.key, { dueOn })}
              />
              <Button
                variant="secondary"
                className="justify-self-start"
                onClick={() => set({ actions: value.actions.filter((x) => x.key !== a.key) })}
              >
                {t('dialogue.record.removeAction', { n: i + 1 })}
              </Button>
            </li>
          ))}
        </ul>
        <Button
          variant="secondary"
          className="mt-2"
          onClick={() =>
            set({
              actions: [
                ...value.actions,
                { key: `action-${crypto.randomUUID()}`, text: '', owner: 'staff', dueOn: '' },
              ],
            })
          }
        >
          {t('dialogue.record.addAction')}
        </Button>
        {errors.actions ? <p className={errorClass}>{errors.actions}</p> : null}
      </fieldset>

      <details
        className="rounded-8 border border-solid-gray-200 p-3"
        open={value.privateNotes !== '' || linked > 0}
      >
        <summary className="min-h-11 cursor-pointer py-2 text-std-16B-170">
          {t('dialogue.record.more')}
        </summary>
        <div className="mt-3 grid gap-6">
          <TextAreaField
            label={t('dialogue.record.privateNotes')}
            hint={t('dialogue.privateHint')}
            value={value.privateNotes}
            onChange={(privateNotes) => set({ privateNotes })}
            max={4000}
          />
          <PolicyLinkPicker value={value.links} onChange={(links) => set({ links })} />
        </div>
      </details>
    </>
  );
}
