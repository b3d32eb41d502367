import i18next, { type i18n as I18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en, ja } from '../../locales/index.ts';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, SUPPORTED_LANGUAGES, toLanguage } from './language.ts';

export const resources = {
  ja: { translation: ja },
  en: { translation: en },
} as const;

/** `<html lang>` follows the UI language, so screen readers and fonts pick the right one. */
function syncDocumentLanguage(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = toLanguage(language);
}

/**
 * Creates the i18next instance. Japanese is the default; only an explicit choice (kept in
 * localStorage) switches to English, not the browser's language, as staff share PCs set up in English.
 */
export function createI18n(options: { language?: string } = {}): I18n {
  const instance = i18next.createInstance();
  if (options.language === undefined) instance.use(LanguageDetector);
  instance.use(initReactI18next);
  instance.on('languageChanged', syncDocumentLanguage);
  void instance.init({
    resources,
    ...(options.language === undefined ? {} : { lng: options.language }),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: SUPPORTED_LANGUAGES,
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    detection: {
      order: ['localStorage'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
  });
  syncDocumentLanguage(instance.resolvedLanguage ?? DEFAULT_LANGUAGE);
  return instance;
}
