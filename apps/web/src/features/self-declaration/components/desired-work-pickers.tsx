import type { LocalizedText } from '@portal/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../shared/forms/checkbox-group.tsx';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { hintClass, labelClass, selectClass } from '../../../shared/ui/form-styles.ts';
import { useOrgUnits } from '../../identity/api/get-org-units.ts';
import { useMasterData } from '../../identity/api/master-data.ts';

/** The API keeps at most this many desired units and job families. */
export const MAX_DESIRED = 10;

/**
 * Desired next posts, chosen from the organisation: a 局・区 or any 部・課 under it, picked from one list
 * grouped by 局・区, each chosen one listed with a button that takes it off again.
 */
export function DesiredUnitsPicker({
  chosen,
  onChange,
  disabled,
  known,
}: {
  chosen: string[];
  onChange: (ids: string[]) => void;
  disabled: boolean;
  /** Names the declaration already carries (for units no longer in the list) */
  known: { id: string; name: LocalizedText }[];
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const id = useId();
  const units = useOrgUnits();
  const [pick, setPick] = useState('');
  const all = units.data?.items ?? [];
  const byId = new Map(all.map((u) => [u.id, u]));
  const top = all.filter((u) => u.kind === 'bureau' || u.kind === 'ward');
  const nameOf = (unitId: string) => {
    const u = byId.get(unitId);
    if (!u) {
      const k = known.find((x) => x.id === unitId);
      return k ? l(k.name) : unitId;
    }
    const bureau = u.bureauId && u.bureauId !== u.id ? byId.get(u.bureauId) : undefined;
    return bureau ? `${l(bureau.name)} ${l(u.name)}` : l(u.name);
  };
  const full = chosen.length >= MAX_DESIRED;
  return (
    <fieldset disabled={disabled}>
      <legend className={labelClass}>{t('selfDeclaration.desiredUnits')}</legend>
      <p className={hintClass}>{t('selfDeclaration.desiredUnitsHint', { max: MAX_DESIRED })}</p>
      {chosen.length ? (
        <ul className="mt-2 grid gap-2">
          {chosen.map((unitId) => (
            <li key={unitId} className="flex flex-wrap items-center gap-2 text-std-16N-170">
              <span className="min-w-0 break-words">{nameOf(unitId)}</span>
              {disabled ? null : (
                <Button
                  variant="tertiary"
                  aria-label={t('selfDeclaration.removeChoice', { name: nameOf(unitId) })}
                  onClick={() => onChange(chosen.filter((x) => x !== unitId))}
                >
                  {t('selfDeclaration.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-std-16N-170">{t('selfDeclaration.noneChosen')}</p>
      )}
      {disabled ? null : (
        <div className="mt-3 flex flex-wrap items-end gap-3">
          <div className="min-w-0 flex-1 basis-60">
            <label className={labelClass} htmlFor={`${id}-unit`}>
              {t('selfDeclaration.chooseUnit')}
            </label>
            <select
              id={`${id}-unit`}
              className={selectClass}
              value={pick}
              onChange={(e) => setPick(e.target.value)}
            >
              <option value="">{t('selfDeclaration.chooseUnitPlaceholder')}</option>
              {top.map((b) => (
                <optgroup key={b.id} label={l(b.name)}>
                  <option value={b.id} disabled={chosen.includes(b.id)}>
                    {t('selfDeclaration.wholeBureau', { name: l(b.name) })}
                  </option>
                  {all
                    .filter((u) => u.bureauId === b.id && u.id !== b.id)
                    .map((u) => (
                      <option key={u.id} value={u.id} disabled={chosen.includes(u.id)}>
                        {l(u.name)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <Button
            variant="secondary"
            disabled={!pick || full || chosen.includes(pick)}
            onClick={() => {
              onChange([...chosen, pick]);
              setPick('');
            }}
          >
            {t('selfDeclaration.addUnit')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

/** Desired job families (職種): the current ones, plus any chosen before they were retired. */
export function DesiredJobFamiliesPicker({
  chosen,
  onChange,
  disabled,
}: {
  chosen: string[];
  onChange: (ids: string[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const families = useMasterData('job-families');
  const shown = (families.data ?? []).filter((f) => !f.retired || chosen.includes(f.id));
  if (!shown.length) return null;
  return (
    <CheckboxGroup
      legend={t('selfDeclaration.desiredJobFamilies')}
      hint={t('selfDeclaration.desiredJobFamiliesHint', { max: MAX_DESIRED })}
      layout="mt-2 grid sm:grid-cols-2"
      items={shown.map((f) => ({ value: f.id, label: l(f.name) }))}
      checked={chosen}
      onChange={onChange}
      max={MAX_DESIRED}
      disabled={disabled}
    />
  );
}
