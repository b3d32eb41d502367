import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language.ts';

/**
 * How much of a text's limit is used (`120 / 200文字`), tied to its field by `aria-describedby`, so a
 * text is never cut at its limit without the writer seeing it. Counts what the server counts
 * (UTF-16 units, as `maxLength` does).
 */
export function CharCount({ id, value, max }: { id: string; value: string; max: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const number = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ja-JP');
  const near = value.length >= max * 0.9;
  return (
    <p
      id={id}
      className={`mt-1 text-right text-dns-14N-130 tabular-nums ${near ? 'font-bold text-orange-900' : 'text-solid-gray-700'}`}
    >
      {t('forms.counter', { count: number.format(value.length), max: number.format(max) })}
    </p>
  );
}
