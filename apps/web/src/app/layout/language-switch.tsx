import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES } from '../../shared/i18n/language.ts';
import { useLanguage } from '../../shared/i18n/use-language.ts';

/** 日本語 / English. The choice is kept in localStorage by the language detector. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = useLanguage();
  return (
    <fieldset className="flex overflow-hidden rounded-8 border border-solid-gray-420">
      <legend className="sr-only">{t('language.label')}</legend>
      {SUPPORTED_LANGUAGES.map((language) => {
        const active = language === current;
        return (
          <button
            key={language}
            type="button"
            lang={language}
            aria-pressed={active}
            onClick={() => void i18n.changeLanguage(language)}
            className={`min-h-11 min-w-11 px-3 text-dns-14B-130 first:rounded-l-[7px] last:rounded-r-[7px] ${
              active ? 'bg-blue-900 text-white' : 'bg-white text-blue-900 hover:bg-blue-50'
            }`}
          >
            {t(`language.${language}`)}
          </button>
        );
      })}
    </fieldset>
  );
}
