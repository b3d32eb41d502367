import type { OrgUnitRef, StaffSummary } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage, useLocalized } from '../../../shared/i18n/use-language.ts';

/** A person's current unit as its chain below the 局・区: `総務局 総務部 人材育成課`. */
export function useUnitPath() {
  const l = useLocalized();
  return (path: readonly OrgUnitRef[]) => path.map((unit) => l(unit.name)).join(' ');
}

/** One page of the directory: name (with kana), employee number, unit, grade and post. */
export function StaffTable({ items, caption }: { items: readonly StaffSummary[]; caption: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const l = useLocalized();
  const unitPath = useUnitPath();
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-left text-std-16N-170">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600">
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
          </tr>
        </thead>
        <tbody>
          {items.map((person) => {
            const primary = language === 'en' ? person.nameEn || person.name : person.name;
            const secondary = language === 'en' ? person.name : person.nameKana;
            return (
              <tr key={person.id} className="border-b border-solid-gray-200 align-top">
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
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
