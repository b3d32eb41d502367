import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLanguage } from '../../../shared/i18n/use-language.ts';
import { fiscalYearWithWestern } from '../lib/format.ts';

/** The 年度 shown, as `?fy=`; each option reads `令和8年度 (2026)`. */
export function FiscalYearPicker({ years, value }: { years: number[]; value: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [params, setParams] = useSearchParams();
  return (
    <div className="flex items-center gap-3 print:hidden">
      <label htmlFor={id} className="text-std-16B-170">
        {t('dashboards.fiscalYear')}
      </label>
      <select
        id={id}
        className="min-h-12 rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170"
        value={value}
        onChange={(e) => {
          const next = new URLSearchParams(params);
          next.set('fy', e.target.value);
          setParams(next);
        }}
      >
        {years.map((fy) => (
          <option key={fy} value={fy}>
            {fiscalYearWithWestern(fy, language)}
          </option>
        ))}
      </select>
    </div>
  );
}
