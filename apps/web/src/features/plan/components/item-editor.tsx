import type { OrgUnit, PlanItem, PlanItemStatus, PlanItemUpdate } from '@portal/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFiscalYear } from '../../../shared/format/date.ts';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { useOwnerUnits } from '../api/get-owner-units.ts';
import { inputClass, labelClass } from '../lib/styles.ts';

const STATUSES: PlanItemStatus[] = ['not_started', 'in_progress', 'done', 'delayed'];

type ActionRow = { key: string; textJa: string; textEn: string };

/** An item's content as the plan's editors change it: titles, description, status, actions, owners and 年度 schedule. */
export function ItemEditor({
  item,
  years,
  onSave,
  pending,
}: {
  item: PlanItem;
  years: number[];
  onSave: (body: PlanItemUpdate) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const units = useOwnerUnits();
  const [titleJa, setTitleJa] = useState(item.title.ja);
  const [titleEn, setTitleEn] = useState(item.title.en === item.title.ja ? '' : item.title.en);
  const [descriptionJa, setDescriptionJa] = useState(item.description.ja);
  const [status, setStatus] = useState<PlanItemStatus>(item.status);
  const [actions, setActions] = useState<ActionRow[]>(
    item.actions.map((a) => ({ key: crypto.randomUUID(), textJa: a.textJa, textEn: a.textEn })),
  );
  const [owners, setOwners] = useState<string[]>(item.owners.map((o) => o.id));
  const [schedule, setSchedule] = useState<Record<number, string>>(
    Object.fromEntries(item.schedule.map((s) => [s.fiscalYear, s.textJa])),
  );
  const [ownerToAdd, setOwnerToAdd] = useState('');
  const unitById = new Map((units.data?.items ?? []).map((u) => [u.id, u]));
  const ownerChoices = (units.data?.items ?? []).filter(
    (u) => u.kind !== 'section' && !owners.includes(u.id),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({
      version: item.version,
      titleJa,
      titleEn,
      descriptionJa,
      status,
      actions: actions.filter((a) => a.textJa.trim()).map(({ textJa, textEn }) => ({ textJa, textEn })),
      ownerOrgUnitIds: owners,
      schedule: years
        .filter((fy) => schedule[fy]?.trim())
        .map((fy) => ({
          fiscalYear: fy,
          textJa: schedule[fy] ?? '',
          textEn: item.schedule.find((s) => s.fiscalYear === fy)?.textEn ?? '',
        })),
    });
  };

  const unitLabel = (u: OrgUnit) => `${u.kind === 'bureau' || u.kind === 'ward' ? '' : '　'}${l(u.name)}`;

  return (
    <form onSubmit={submit} className="grid gap-5" aria-label={t('plan.item.editForm')}>
      <div className="grid gap-4 md:grid-cols-2">
        <label className={labelClass}>
          {t('plan.fields.titleJa')}
          <input
            className={inputClass}
            required
            maxLength={300}
            value={titleJa}
            onChange={(e) => setTitleJa(e.target.value)}
          />
        </label>
        <label className={labelClass}>
          {t('plan.fields.titleEn')}
          <input
            className={inputClass}
            maxLength={300}
            value={titleEn}
            onChange={(e) => setTitleEn(e.target.value)}
          />
        </label>
      </div>
      <label className={labelClass}>
        {t('plan.fields.descriptionJa')}
        <textarea
          className={inputClass}
          rows={3}
          maxLength={4000}
          value={descriptionJa}
          onChange={(e) => setDescriptionJa(e.target.value)}
        />
      </label>
      <label className={`${labelClass} max-w-xs`}>
        {t('plan.fields.status')}
        <select
          className={inputClass}
          value={status}
          onChange={(e) => setStatus(e.target.value as PlanItemStatus)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`plan.itemStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>

      <fieldset className="rounded-8 border border-solid-gray-200 p-4">
        <legend className="px-1 text-std-16B-170">{t('plan.fields.actions')}</legend>
        <ol className="grid gap-3">
          {actions.map((a, i) => (
            <li key={a.key} className="grid gap-2 md:grid-cols-[1fr_1fr_auto] md:items-end">
              <label className={labelClass}>
                {t('plan.item.actionJa', { n: i + 1 })}
                <input
                  className={inputClass}
                  maxLength={500}
                  value={a.textJa}
                  onChange={(e) =>
                    setActions((xs) =>
                      xs.map((x) => (x.key === a.key ? { ...x, textJa: e.target.value } : x)),
                    )
                  }
                />
              </label>
              <label className={labelClass}>
                {t('plan.item.actionEn', { n: i + 1 })}
                <input
                  className={inputClass}
                  maxLength={500}
                  value={a.textEn}
                  onChange={(e) =>
                    setActions((xs) =>
                      xs.map((x) => (x.key === a.key ? { ...x, textEn: e.target.value } : x)),
                    )
                  }
                />
              </label>
              <Button
                variant="tertiary"
                onClick={() => setActions((xs) => xs.filter((x) => x.key !== a.key))}
              >
                {t('plan.item.removeAction', { n: i + 1 })}
              </Button>
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          className="mt-3"
          onClick={() => setActions((xs) => [...xs, { key: crypto.randomUUID(), textJa: '', textEn: '' }])}
        >
          {t('plan.item.addAction')}
        </Button>
      </fieldset>

      <fieldset className="rounded-8 border border-solid-gray-200 p-4">
        <legend className="px-1 text-std-16B-170">{t('plan.fields.owners')}</legend>
        <ul className="flex flex-wrap gap-2">
          {owners.map((id) => {
            const u = unitById.get(id) ?? item.owners.find((o) => o.id === id);
            const name = u ? l(u.name) : id;
            return (
              <li
                key={id}
                className="inline-flex items-center gap-1 rounded-full border border-solid-gray-600 px-3 py-1"
              >
                {name}
                <button
                  type="button"
                  className="ml-1 min-h-8 min-w-8 rounded-full text-blue-900 hover:bg-blue-50"
                  aria-label={t('plan.item.removeOwner', { name })}
                  onClick={() => setOwners((xs) => xs.filter((x) => x !== id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        <div className="mt-3 flex flex-wrap items-end gap-3">
          <label className={`${labelClass} min-w-64`}>
            {t('plan.item.ownerToAdd')}
            <select className={inputClass} value={ownerToAdd} onChange={(e) => setOwnerToAdd(e.target.value)}>
              <option value="">{t('plan.item.chooseOwner')}</option>
              {ownerChoices.map((u) => (
                <option key={u.id} value={u.id}>
                  {unitLabel(u)}
                </option>
              ))}
            </select>
          </label>
          <Button
            variant="secondary"
            disabled={!ownerToAdd}
            onClick={() => {
              setOwners((xs) => [...xs, ownerToAdd]);
              setOwnerToAdd('');
            }}
          >
            {t('plan.item.addOwner')}
          </Button>
        </div>
      </fieldset>

      <fieldset className="rounded-8 border border-solid-gray-200 p-4">
        <legend className="px-1 text-std-16B-170">{t('plan.fields.schedule')}</legend>
        <div className="grid gap-3">
          {years.map((fy) => (
            <label key={fy} className={labelClass}>
              {formatFiscalYear(fy, language)}
              <input
                className={inputClass}
                maxLength={500}
                value={schedule[fy] ?? ''}
                onChange={(e) => setSchedule((s) => ({ ...s, [fy]: e.target.value }))}
              />
            </label>
          ))}
        </div>
      </fieldset>

      <div>
        <Button type="submit" disabled={pending}>
          {t('plan.item.save')}
        </Button>
      </div>
    </form>
  );
}
