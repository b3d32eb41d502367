import type { OrgUnitRef, StaffSummary } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';

/** A person's current unit as its chain below the 局・区: `総務局 総務部 人材育成課`. */
export function useUnitPath() {
  const l = useLocalized();
  return (path: readonly OrgUnitRef[]) => path.map((unit) => l(unit.name)).join(' ');
}

/** HR's selection of people across the directory's pages: id → display name. */
export type StaffSelection = {
  selected: ReadonlyMap<string, string>;
  toggle: (people: readonly { id: string; name: string }[], on: boolean) => void;
};

/**
 * One page of the directory: name (with kana), employee number, unit, grade and post; for HR also
 * each person's account state and a tick box to choose people for a bulk invitation.
 */
export function StaffTable({
  items,
  caption,
  selection,
}: {
  items: readonly StaffSummary[];
  caption: string;
  selection?: StaffSelection | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const unitPath = useUnitPath();
  const nameOf = (person: StaffSummary) => (language === 'en' ? person.nameEn || person.name : person.name);
  const withAccounts = items.some((person) => person.account !== undefined);
  const allTicked = selection ? items.length > 0 && items.every((p) => selection.selected.has(p.id)) : false;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-left text-std-16N-170">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600">
            {selection ? (
              <th scope="col" className="w-12 px-3 py-2">
                <input
                  type="checkbox"
                  className="size-6"
                  aria-label={t('identity.bulkInvite.tickPage')}
                  checked={allTicked}
                  onChange={(event) =>
                    selection.toggle(
                      items.map((p) => ({ id: p.id, name: nameOf(p) })),
                      event.target.checked,
                    )
                  }
                />
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 text-dns-16B-130">
              {t('identity.staff.name')}
            </th>
            <th scope="col" className="px-3 py-2 text-dns-16B-130">
              {t('identity.staff.employeeNumber')}
            </th>
            <th scope="col" className="px-3 py-2 text-dns-16B-130">
              {t('identity.staff.unit')}
            </th>
            <th scope="col" className="px-3 py-2 text-dns-16B-130">
              {t('identity.staff.gradeAndPost')}
            </th>
            {withAccounts ? (
              <th scope="col" className="px-3 py-2 text-dns-16B-130">
                {t('identity.person.login.state')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((person) => {
            const primary = nameOf(person);
            const secondary = language === 'en' ? person.name : person.nameKana;
            return (
              <tr key={person.id} className="border-b border-solid-gray-200 align-top">
                {selection ? (
                  <td className="px-3 py-3">
                    <input
                      type="checkbox"
                      className="size-6"
                      aria-label={t('identity.bulkInvite.tick', { name: primary })}
                      checked={selection.selected.has(person.id)}
                      onChange={(event) =>
                        selection.toggle([{ id: person.id, name: primary }], event.target.checked)
                      }
                    />
                  </td>
                ) : null}
                <td className="px-3 py-3">
                  <Link to={`/staff/${person.id}`} className="text-std-16B-170">
                    {primary}
                  </Link>
                  <span className="block text-dns-14N-130 text-solid-gray-700">{secondary}</span>
                </td>
                <td className="px-3 py-3 font-mono">{person.employeeNumber}</td>
                <td className="px-3 py-3">
                  {person.current ? unitPath(person.current.orgPath) : t('identity.staff.noPost')}
                </td>
                <td className="px-3 py-3">
                  {person.current ? (
                    <>
                      {l(person.current.grade.name)}
                      {person.current.post ? (
                        <span className="block text-dns-14N-130 text-solid-gray-700">
                          {l(person.current.post)}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                {withAccounts ? (
                  <td className="px-3 py-3" data-testid="account-state">
                    {person.account ? t(`identity.person.login.states.${person.account.state}`) : '—'}
                    {person.account?.mfa ? (
                      <span className="block text-dns-14N-130 text-solid-gray-700">
                        {t('identity.directory.mfaOn')}
                      </span>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
