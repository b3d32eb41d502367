import { describe, expect, it } from 'vitest';
import { en, featureFiles, ja } from './index.ts';

/** Every leaf key of a nested translation object, as `a.b.c`. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (value === null || typeof value !== 'object') return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('come in the same feature files for both languages', () => {
    expect(featureFiles.en).toEqual(featureFiles.ja);
  });

  it('have the same keys in Japanese and English', () => {
    const jaKeys = leafKeys(ja).sort();
    const enKeys = leafKeys(en).sort();
    expect(jaKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
    expect(enKeys.filter((key) => !jaKeys.includes(key))).toEqual([]);
  });

  it('have no empty texts and only strings', () => {
    for (const [key, text] of [...leaves(ja), ...leaves(en)]) {
      expect(typeof text, key).toBe('string');
      expect(String(text).trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const enTexts = new Map(leaves(en));
    for (const [key, text] of leaves(ja)) {
      expect(placeholders(String(enTexts.get(key))), key).toEqual(placeholders(String(text)));
    }
  });
});
