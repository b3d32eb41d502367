/** One field of an audited record, before and after (either side `undefined` when absent). */
export type FieldChange = { field: string; before: unknown; after: unknown };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Nested objects as dotted paths (`staff.created`); arrays and scalars are leaves. */
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
 * appear; a field the same on both sides is left out. A record created (no `before`) lists all of
 * `after`'s fields, a record removed all of `before`'s.
 */
export function diffAudit(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .map((field) => ({
      field,
      before: a.has(field) ? a.get(field) : undefined,
      after: b.has(field) ? b.get(field) : undefined,
    }))
    .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
}

/** A value as the diff shows it: text as it is, other JSON compact. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
