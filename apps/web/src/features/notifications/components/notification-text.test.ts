import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/notifications.json';
import ja from '../../../locales/ja/notifications.json';
import { formatDate } from '../../../shared/format/date.ts';
import { notificationText } from './notification-text.ts';

/** Every {{name}} a notification's text uses, in both languages. */
function placeholders(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const kinds of [ja.notifications.kinds, en.notifications.kinds]) {
    for (const [kind, text] of Object.entries(kinds as Record<string, string>)) {
      const names = found.get(kind) ?? new Set<string>();
      for (const m of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) names.add(m[1] as string);
      found.set(kind, names);
    }
  }
  return found;
}

describe('notificationText', () => {
  it('gives every placeholder of every notification text a value', () => {
    let given: Record<string, unknown> = {};
    const t = ((key: string, options?: Record<string, unknown>) => {
      if (key.startsWith('notifications.kinds.')) given = options ?? {};
      return key;
    }) as unknown as TFunction;
    for (const [kind, names] of placeholders()) {
      notificationText(t, { kind: kind.replaceAll('_', '.'), params: {} }, 'ja', (d) => d);
      for (const name of names) expect(given, `${kind} uses {{${name}}}`).toHaveProperty(name);
    }
  });

  it("writes a survey reminder's closing day in the reader's calendar", () => {
    const t = ((key: string, options?: Record<string, unknown>) =>
      key === 'notifications.kinds.survey_reminder'
        ? `until ${String(options?.closesOn)}`
        : key) as unknown as TFunction;
    const text = notificationText(
      t,
      { kind: 'survey.reminder', params: { title: '調査', closesOn: '2026-12-10' } },
      'ja',
      (d) => formatDate(d, 'ja'),
    );
    expect(text).toBe('until 令和8年12月10日');
  });
});
