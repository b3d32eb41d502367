import type { Language } from '@portal/contracts';

export const SUPPORTED_LANGUAGES = ['ja', 'en'] as const satisfies readonly Language[];
export const DEFAULT_LANGUAGE: Language = 'ja';
/** Where the reader's choice of language is remembered. */
export const LANGUAGE_STORAGE_KEY = 'portal.language';

/** Narrows an i18next language tag (`en`, `en-GB`, `ja-JP`) to one the portal speaks. */
export function toLanguage(tag: string | undefined | null): Language {
  const base = tag?.toLowerCase().split('-')[0];
  return base === 'en' ? 'en' : DEFAULT_LANGUAGE;
}
