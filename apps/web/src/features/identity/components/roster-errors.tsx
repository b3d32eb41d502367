import type { Language, RosterRowError } from '@portal/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/date.ts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { columnLabel } from '../lib/roster.ts';

const KIND_PARAMS = new Set(['kind', 'otherKind', 'existingKind', 'level', 'missing']);
const PARENT_PARAMS = new Set(['parent', 'otherParent', 'existingParent']);

/** Why a row is bad, in the reader's language; an error the app has no text for keeps the API's English. */
function RowErrorReason({ error, language }: { error: RosterRowError; language: Language }) {
  const { t, i18n } = useTranslation();
  const key = `identity.roster.rowErrors.${error.code}`;
  if (!error.code || !i18n.exists(key)) return <span lang="en">{error.message}</span>;
  return <>{t(key, readableParams(error.params ?? {}, t, language))}</>;
}

/** Kinds and levels by their names, dates as the reader writes them, columns by their headers. */
function readableParams(params: RosterRowError['params'], t: TFunction, language: Language) {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (KIND_PARAMS.has(name) && typeof value === 'string') out[name] = t(`identity.org.kind.${value}`);
    else if (PARENT_PARAMS.has(name)) out[name] = value || t('identity.roster.rowErrors.noParent');
    else if (name === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      out[name] = formatDate(value, language);
    // A missing column is named both ways (`header` is its Japanese header); elsewhere by its label.
    else if (name === 'column' && typeof value === 'string' && !('header' in params))
      out[name] = columnLabel(value, language);
    else out[name] = value;
  }
  return out;
}

/** Every bad row: its line in the sheet, the column, and why. */
export function RosterErrors({ errors, caption }: { errors: readonly RosterRowError[]; caption: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="relative overflow-x-auto">
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
                <RowErrorReason error={error} language={language} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
