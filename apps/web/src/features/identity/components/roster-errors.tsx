import type { RosterRowError } from '@portal/contracts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { columnLabel } from '../lib/roster.ts';

/** Every bad row: its line in the sheet, the column, and why. */
export function RosterErrors({ errors, caption }: { errors: readonly RosterRowError[]; caption: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[32rem] border-collapse text-left text-std-16N-170">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600">
            <th scope="col" className="px-3 py-2 text-dns-16B-130">
              {t('identity.roster.errors.row')}
            </th>
            <th scope="col" className="px-3 py-2 text-dns-16B-130">
              {t('identity.roster.errors.field')}
            </th>
            <th scope="col" className="px-3 py-2 text-dns-16B-130">
              {t('identity.roster.errors.reason')}
            </th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr
              // a row may have several errors, and the same error twice in different columns
              key={`${error.row}-${error.field}-${index}`}
              className="border-b border-solid-gray-200 align-top"
              data-row={error.row}
            >
              <td className="px-3 py-2 font-mono">
                {error.row > 0 ? t('identity.roster.errors.rowNumber', { row: error.row }) : '—'}
              </td>
              <td className="px-3 py-2">
                {columnLabel(error.field, language)}
                {language === 'ja' && columnLabel(error.field, language) !== error.field ? (
                  <span className="block font-mono text-dns-14N-130 text-solid-gray-700">{error.field}</span>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <span lang="en">{error.message}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
