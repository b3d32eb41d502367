import type { Language } from '@portal/contracts';
import i18next, { type BackendModule, type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { TranslationTree } from '../../locales/merge.ts';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, SUPPORTED_LANGUAGES, toLanguage } from './language.ts';

type Texts = { default: TranslationTree };

/**
 * Each language's texts in chunks of their own: a reader downloads one language, and the texts of
 * the feature pages (see build/translations.ts) only with the first of those pages.
 */
const shellTexts: Record<Language, () => Promise<Texts>> = {
  ja: () => import('virtual:translations/ja-shell'),
  en: () => import('virtual:translations/en-shell'),
};
const featureTexts: Record<Language, () => Promise<Texts>> = {
  ja: () => import('virtual:translations/ja-features'),
  en: () => import('virtual:translations/en-features'),
};

/** Instances that have asked for the feature pages' texts: a change of language loads them too. */
const wantsFeatureTexts = new WeakSet<I18n>();

function lazyTranslations(instance: I18n): BackendModule {
  return {
    type: 'backend',
    init: () => undefined,
    read: (language, _namespace, callback) => {
      const lang = toLanguage(language);
      const parts = [shellTexts[lang]()];
      if (wantsFeatureTexts.has(instance)) parts.push(featureTexts[lang]());
      Promise.all(parts).then(
        (modules) => callback(null, Object.assign({}, ...modules.map((m) => m.default))),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
      );
    },
  };
}

/**
 * Adds the texts of the feature pages to what the instance holds, for every language it has loaded
 * (texts it holds already stay as they are).
 */
export async function loadFeatureTexts(instance: I18n): Promise<void> {
  if (wantsFeatureTexts.has(instance)) return;
  wantsFeatureTexts.add(instance);
  const languages = [...new Set((instance.languages ?? []).map(toLanguage))];
  await Promise.all(
    languages.map(async (language) => {
      const { default: texts } = await featureTexts[language]();
      instance.addResourceBundle(language, 'translation', texts, true, false);
    }),
  );
}

/** `<html lang>` follows the UI language, so screen readers and fonts pick the right one. */
function syncDocumentLanguage(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = toLanguage(language);
}

/** The reader's own choice, kept in localStorage (absent, or storage refused: none). */
function storedLanguage(): string | undefined {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function storeLanguage(language: string) {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, toLanguage(language));
  } catch {
    // private browsing may refuse storage: the choice then lasts as long as the page
  }
}

/**
 * Creates the i18next instance. Japanese is the default; only an explicit choice (kept in
 * localStorage) switches to English, not the browser's language, as staff share PCs set up in English.
 * Without `resources` the texts of the language in use are loaded on demand (`i18n.init` resolves
 * once they are there; a change of language loads the other before it switches).
 */
export function createI18n(options: { language?: string; resources?: Resource } = {}): I18n {
  const instance = i18next.createInstance();
  const remembered = options.language === undefined;
  if (options.resources === undefined) instance.use(lazyTranslations(instance));
  instance.use(initReactI18next);
  instance.on('languageChanged', (language) => {
    syncDocumentLanguage(language);
    if (remembered) storeLanguage(language);
  });
  void instance.init({
    ...(options.resources === undefined ? {} : { resources: options.resources }),
    lng: toLanguage(options.language ?? storedLanguage()),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: SUPPORTED_LANGUAGES,
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    initAsync: options.resources === undefined,
    interpolation: { escapeValue: false },
    returnEmptyString: false,
  });
  syncDocumentLanguage(instance.resolvedLanguage ?? instance.language ?? DEFAULT_LANGUAGE);
  return instance;
}

/** The app's instance, once the texts of the reader's language have arrived. */
export async function startI18n(): Promise<I18n> {
  const instance = createI18n();
  await new Promise<void>((resolve) => {
    if (instance.isInitialized) resolve();
    else instance.on('initialized', () => resolve());
  });
  return instance;
}
