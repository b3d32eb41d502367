import type { PolicyLinkIds } from '@portal/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { usePolicy } from '../api/get-policy.ts';

/**
 * Picks the 目指す職員像 and initiatives a record links to: two groups of checkboxes (keyboard and
 * screen-reader friendly, and easy to tap on a phone), fed by the policy in force.
 */
export function PolicyLinkPicker({
  value,
  onChange,
  legend,
}: {
  value: PolicyLinkIds;
  onChange: (next: PolicyLinkIds) => void;
  legend?: string;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const policy = usePolicy();
  const baseId = useId();
  if (policy.isPending) return <p className="text-dns-14N-130">{t('common.loading')}</p>;
  if (policy.isError) return <p role="alert">{t('policyLinks.unavailable')}</p>;

  const toggle = (field: keyof PolicyLinkIds, id: string, on: boolean) => {
    const current = value[field];
    onChange({ ...value, [field]: on ? [...current, id] : current.filter((v) => v !== id) });
  };
  const box = 'flex min-h-11 items-start gap-2 rounded-8 px-2 py-2 hover:bg-solid-gray-50';

  return (
    <fieldset className="grid gap-4">
      <legend className="text-std-16B-170">{legend ?? t('policyLinks.pick')}</legend>
      <fieldset>
        <legend className="text-dns-14B-130 text-solid-gray-800">{t('policyLinks.staffImages')}</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {policy.data.staffImages.map((image) => {
            const id = `${baseId}-si-${image.code}`;
            return (
              <label key={image.id} htmlFor={id} className={box}>
                <input
                  id={id}
                  type="checkbox"
                  className="mt-1 size-5"
                  checked={value.staffImageIds.includes(image.id)}
                  onChange={(e) => toggle('staffImageIds', image.id, e.target.checked)}
                />
                <span>{l(image.title)}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-dns-14B-130 text-solid-gray-800">{t('policyLinks.initiatives')}</legend>
        <div className="mt-1 grid gap-3">
          {policy.data.policyAreas.map((area) => (
            <fieldset key={area.id}>
              <legend className="text-dns-14N-130 text-solid-gray-700">{l(area.title)}</legend>
              <div className="grid gap-1 sm:grid-cols-2">
                {area.initiatives.map((initiative) => {
                  const id = `${baseId}-in-${initiative.code}`;
                  return (
                    <label key={initiative.id} htmlFor={id} className={box}>
                      <input
                        id={id}
                        type="checkbox"
                        className="mt-1 size-5"
                        checked={value.initiativeIds.includes(initiative.id)}
                        onChange={(e) => toggle('initiativeIds', initiative.id, e.target.checked)}
                      />
                      <span>
                        {initiative.marker} {l(initiative.title)}
                      </span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
          ))}
        </div>
      </fieldset>
    </fieldset>
  );
}
