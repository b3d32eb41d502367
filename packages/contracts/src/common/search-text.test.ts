import { describe, expect, it } from 'vitest';
import { searchTextForms } from './search-text.ts';

describe('search text', () => {
  it('reads さとう, ｻﾄｳ and サトウ as one reading, in katakana and hiragana', () => {
    for (const typed of ['さとう', 'ｻﾄｳ', 'サトウ', ' サトウ ']) {
      expect(searchTextForms(typed)).toMatchObject({ katakana: 'サトウ', hiragana: 'さとう' });
    }
    expect(searchTextForms('ｻﾄｳ　ｼｮｳﾀ').katakana).toBe('サトウ ショウタ');
  });

  it('narrows full-width letters and digits, and leaves kanji and ー alone', () => {
    expect(searchTextForms('Ｓａｔｏ').text).toBe('Sato');
    expect(searchTextForms('１０００１２').text).toBe('100012');
    expect(searchTextForms('佐藤').katakana).toBe('佐藤');
    expect(searchTextForms('らーめん').katakana).toBe('ラーメン');
  });
});
