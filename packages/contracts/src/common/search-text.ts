/**
 * What a person types into a search box, in the forms stored names may take: NFKC (full-width letters
 * and digits narrowed, half-width kana widened, ideographic spaces to plain ones), and its kana both as
 * katakana and as hiragana, so さとう, ｻﾄｳ and サトウ find the same サトウ (or さとう) of a reading.
 */
export function searchTextForms(input: string): { text: string; katakana: string; hiragana: string } {
  const text = input.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return { text, katakana: toKatakana(text), hiragana: toHiragana(text) };
}

// ぁ (U+3041) … ゖ (U+3096) and ァ (U+30A1) … ヶ (U+30F6) are 0x60 apart, letter for letter.
const KANA_OFFSET = 0x60;

export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + KANA_OFFSET));
}

export function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - KANA_OFFSET));
}
