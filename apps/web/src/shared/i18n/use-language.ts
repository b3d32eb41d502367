import type { Language, LocalizedText } from '@portal/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage } from './language.ts';

/** The UI language, narrowed to `ja` | `en`. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}

/** Picks the reader's language from a {@link LocalizedText} sent by the API. */
export function pickLocalized(text: LocalizedText, language: Language): string {
  // Japanese is the source of truth: an untranslated text falls back to it.
  return language === 'en' ? text.en || text.ja : text.ja;
}

/** `const l = useLocalized(); l(image.title)` */
export function useLocalized(): (text: LocalizedText) => string {
  const language = useLanguage();
  return useCallback((text: LocalizedText) => pickLocalized(text, language), [language]);
}
