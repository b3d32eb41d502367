import type { CareerPersonRef, Language } from '@portal/contracts';

/** A person's name in the reader's language (Japanese is the source). */
export function personName(person: Pick<CareerPersonRef, 'name' | 'nameEn'>, language: Language): string {
  return language === 'en' ? person.nameEn || person.name : person.name;
}
