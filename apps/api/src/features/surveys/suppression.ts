/**
 * The k-threshold rules (decision 052), as pure functions so that they can be proved on their own:
 * - a group of fewer than k respondents shows no figure (`below_k`);
 * - when the groups hidden that way add up to fewer than k, the whole shown minus the groups shown
 *   would reveal them, so more groups are hidden, smallest first, until the hidden respondents number
 *   at least k (`complement`);
 * - a scope (a unit) of fewer than k shows nothing, nor does one that any unit above it, minus
 *   itself, leaves between 1 and k−1 respondents, nor one hidden among its siblings by the two rules
 *   above at any level of the hierarchy (局・区 → 部 → 課 …): drill-down stops there (`suppressInTree`).
 */

export type Hidden = 'below_k' | 'complement';

/**
 * Which of `groups` (key → respondents) are hidden, and why. Groups with no respondent are not
 * groups. The hidden respondents together are 0 or at least k, so no difference of shown figures
 * isolates fewer than k people.
 */
export function suppressGroups(groups: ReadonlyMap<string, number>, k: number): Map<string, Hidden> {
  const hidden = new Map<string, Hidden>();
  let hiddenTotal = 0;
  for (const [key, n] of groups) {
    if (n > 0 && n < k) {
      hidden.set(key, 'below_k');
      hiddenTotal += n;
    }
  }
  if (hiddenTotal > 0 && hiddenTotal < k) {
    const shown = [...groups]
      .filter(([key, n]) => n > 0 && !hidden.has(key))
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    for (const [key, n] of shown) {
      if (hiddenTotal >= k) break;
      hidden.set(key, 'complement');
      hiddenTotal += n;
    }
  }
  return hidden;
}

/**
 * Whether a scope is hidden as a whole: fewer than k respondents, or its parent holds between 1 and
 * k−1 respondents besides it (parent minus scope would reveal them). `parent` null: the city.
 */
export function suppressScope(n: number, parent: number | null, k: number): Hidden | null {
  if (n < k) return 'below_k';
  if (parent !== null) {
    const rest = parent - n;
    if (rest > 0 && rest < k) return 'complement';
  }
  return null;
}

/** The city: the root above the 局・区 in `suppressInTree`. */
export const CITY = '';

/**
 * Whether the unit `unitId` is hidden as a whole, checked at every level from it up to the city:
 * - fewer than k respondents in it (`below_k`);
 * - any unit above it minus itself leaves 1 … k−1 respondents (`complement`);
 * - at any level, it or the unit on its way up is hidden among its siblings by `suppressGroups` (the
 *   siblings and the respondents placed in the parent itself being the groups), so that a parent minus
 *   its shown children never leaves 1 … k−1 (`complement`).
 * `parentOf`: each unit's parent (a 局・区: `CITY`); `direct`: respondents placed in each unit itself
 * (`CITY`: those whose unit is not kept).
 */
export function suppressInTree(
  parentOf: ReadonlyMap<string, string>,
  direct: ReadonlyMap<string, number>,
  unitId: string,
  k: number,
): Hidden | null {
  const children = new Map<string, string[]>();
  for (const [id, parent] of parentOf) {
    const list = children.get(parent) ?? [];
    list.push(id);
    children.set(parent, list);
  }
  const totals = new Map<string, number>();
  const total = (id: string): number => {
    const known = totals.get(id);
    if (known !== undefined) return known;
    let n = direct.get(id) ?? 0;
    for (const c of children.get(id) ?? []) n += total(c);
    totals.set(id, n);
    return n;
  };
  const n = total(unitId);
  if (n < k) return 'below_k';
  let level = unitId;
  const seen = new Set<string>();
  while (level !== CITY && !seen.has(level)) {
    seen.add(level);
    const parent = parentOf.get(level) ?? CITY;
    const rest = total(parent) - n;
    if (rest > 0 && rest < k) return 'complement';
    const groups = new Map<string, number>((children.get(parent) ?? []).map((c) => [c, total(c)]));
    groups.set('\u0000direct', direct.get(parent) ?? 0);
    if (suppressGroups(groups, k).has(level)) return 'complement';
    level = parent;
  }
  return null;
}

/** Titles and honorifics after a name (〇〇さん, 佐藤課長, Mr. Sato) */
const JA_NAMED =
  /[\p{Script=Han}\p{Script=Katakana}ー]{1,8}(?=(さん|様|さま|くん|君|氏|殿|先生|局長|区長|部長|次長|課長|課長補佐|係長|主任|主事|主査|主幹|参事|所長|室長|補佐))/gu;
const EN_NAMED = /\b(Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+(\s+[A-Z][a-z]+)?/g;

/**
 * Free text with obvious names removed: a word before an honorific or title (田中さん → ＊＊さん),
 * an English name after Mr/Ms/Dr, mail addresses and long digit runs (phone, employee numbers).
 */
export function redactNames(textIn: string): string {
  return textIn
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '＊＊')
    .replace(/\d[\d-]{5,}\d/g, '＊＊')
    .replace(JA_NAMED, '＊＊')
    .replace(EN_NAMED, (m) => `${m.split(/\s+/)[0]} ＊＊`);
}
