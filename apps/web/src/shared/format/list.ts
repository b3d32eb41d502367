import type { Language } from '@portal/contracts';
import { useCallback } from 'react';
import { useLanguage } from '../i18n/use-language.ts';

const formatters = new Map<Language, Intl.ListFormat>();

/** A list in the reader's language: 「総務局、財政局、市民局」 / "Finance, Citizens, and Health". */
export function formatList(items: readonly string[], language: Language): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
    formatters.set(language, formatter);
  }
  return formatter.format(items);
}

/** `const list = useListFormat(); list(names)` */
export function useListFormat(): (items: readonly string[]) => string {
  const language = useLanguage();
  return useCallback((items: readonly string[]) => formatList(items, language), [language]);
}
