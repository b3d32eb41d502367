import type { i18n as I18n } from 'i18next';
import { en, ja } from '../../locales/index.ts';
import { createI18n } from '../i18n/i18n.ts';

/** Both languages at hand at once, so a test renders in either without waiting for a chunk. */
export const resources = {
  ja: { translation: ja },
  en: { translation: en },
};

export function createTestI18n(options: { language?: string } = {}): I18n {
  return createI18n({ ...options, resources });
}
