import type { OneOnOnePerson } from '@portal/contracts';
import { useLanguage } from '../../../shared/i18n/use-language.ts';

/** A person's name in the reader's language (Japanese is the source). */
export function usePersonName() {
  const language = useLanguage();
  return (p: Pick<OneOnOnePerson, 'name' | 'nameEn'>) => (language === 'en' ? p.nameEn || p.name : p.name);
}
