/**
 * An audit entry's changes as people read them, the same on the log's page and in its export: the
 * fields that differ between `before` and `after`, each value in words (yes/no, none, lists, `changed`
 * for a sensitive field) — never raw JSON.
 */
import { auditFieldLabel } from './audit-vocabulary.ts';

/** One field of an audited record, before and after (either side `undefined` when absent). */
export type AuditFieldChange = { field: string; before: unknown; after: unknown };

type Lang = 'ja' | 'en';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Nested objects as dotted paths (`targets.2026`); arrays and scalars are leaves. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out.set(prefix, value);
  } else if (value !== null && value !== undefined) {
    out.set('', value);
  }
}

/**
 * The fields that differ between an audit entry's `before` and `after`, in the order they first
 * appear; a field the same on both sides is left out, and so is the record's version (bookkeeping).
 */
export function diffAudit(before: unknown, after: unknown): AuditFieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((field) => field !== 'version')
    .map((field) => ({
      field,
      before: a.has(field) ? a.get(field) : undefined,
      after: b.has(field) ? b.get(field) : undefined,
    }))
    .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WORDS: Record<Lang, Record<string, string>> = {
  ja: { yes: 'はい', no: 'いいえ', none: 'なし', changed: '変更あり', unchanged: '変更なし', items: '件' },
  en: { yes: 'yes', no: 'no', none: 'none', changed: 'changed', unchanged: 'unchanged', items: ' items' },
};

/** A value in words: text as it is, yes/no, none, lists joined, records as `label: value`. */
export function auditValueText(value: unknown, lang: Lang): string {
  const w = WORDS[lang];
  if (value === undefined || value === null || value === '') return w.none ?? '';
  if (value === true) return w.yes ?? '';
  if (value === false) return w.no ?? '';
  if (value === 'changed' || value === 'unchanged') return w[value] ?? '';
  if (typeof value === 'number') return value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return w.none ?? '';
    // Identifiers alone say nothing to a reader: their count does.
    if (value.every((v) => typeof v === 'string' && UUID.test(v))) return `${value.length}${w.items}`;
    return value.map((v) => auditValueText(v, lang)).join(lang === 'ja' ? '、' : ', ');
  }
  if (isPlainObject(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${auditFieldLabel(k, lang)}: ${auditValueText(v, lang)}`)
      .join(lang === 'ja' ? '、' : '; ');
  }
  return String(value);
}

/** The changes of an entry as text: field path, before and after in words. */
export function describeChanges(before: unknown, after: unknown, lang: Lang) {
  return diffAudit(before, after).map((c) => ({
    field: c.field,
    before: c.before === undefined ? '—' : auditValueText(c.before, lang),
    after: c.after === undefined ? '—' : auditValueText(c.after, lang),
  }));
}
