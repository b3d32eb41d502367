/**
 * Both languages whole, for the tests. The app loads one language at a time, in two chunks
 * (`virtual:translations/…`, build/translations.ts; see shared/i18n/i18n.ts).
 */
import { mergeAll } from './merge.ts';

export const ja = mergeAll(import.meta.glob('./ja/*.json', { eager: true, import: 'default' }));
export const en = mergeAll(import.meta.glob('./en/*.json', { eager: true, import: 'default' }));

/** The feature files of each language, by name: both languages must have the same ones. */
export const featureFiles = {
  ja: Object.keys(import.meta.glob('./ja/*.json'))
    .map((p) => p.replace('./ja/', ''))
    .sort(),
  en: Object.keys(import.meta.glob('./en/*.json'))
    .map((p) => p.replace('./en/', ''))
    .sort(),
};
