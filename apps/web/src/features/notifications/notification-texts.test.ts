/**
 * Every notification kind and category has its text in ja and in en, with the same placeholders in
 * both: a new kind without its texts fails here, not on someone's bell.
 */
import { NOTIFICATION_CATEGORIES, NOTIFICATION_KINDS } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/notifications.json';
import ja from '../../locales/ja/notifications.json';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('notification texts', () => {
  const kinds = Object.keys(NOTIFICATION_KINDS).map((k) => k.replaceAll('.', '_'));
  it.each(kinds)('%s reads in ja and en with the same placeholders', (key) => {
    const jaText = (ja.notifications.kinds as Record<string, string>)[key];
    const enText = (en.notifications.kinds as Record<string, string>)[key];
    expect(jaText, `ja ${key}`).toEqual(expect.any(String));
    expect(enText, `en ${key}`).toEqual(expect.any(String));
    expect(placeholders(jaText ?? '')).toEqual(placeholders(enText ?? ''));
  });

  it('names and explains every category in ja and en', () => {
    for (const lang of [ja, en]) {
      const n = lang.notifications as unknown as Record<string, Record<string, string>>;
      for (const c of NOTIFICATION_CATEGORIES) {
        expect(n.category?.[c], c).toEqual(expect.any(String));
        expect(n.categoryHint?.[c], c).toEqual(expect.any(String));
      }
    }
  });
});
