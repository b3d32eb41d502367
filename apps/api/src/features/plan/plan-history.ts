/**
 * The 推進計画's history: every write stores a readable snapshot of the record before and after it
 * (names rather than ids, 年度 labels rather than numbers), so that a field-level diff can be shown
 * years later even when the units or initiatives it named have changed since.
 */
import { fiscalYearLabelJa, type LocalizedText, type PlanHistoryChange } from '@portal/contracts';
import type { Tx } from '../../db/client.ts';
import type { InputJson } from '../../db/json.ts';
import { planWrites } from './plan-writes.repository.ts';

export type Snapshot = Record<string, unknown>;

export type HistoryWrite = {
  periodId: string;
  itemId: string | null;
  entityType: 'period' | 'item' | 'kpi' | 'actual';
  entityId: string;
  action: 'create' | 'update' | 'delete' | 'copy' | 'status';
  actorId: string;
  before?: Snapshot | null;
  after?: Snapshot | null;
};

const json = (v: Snapshot | null | undefined) =>
  v === undefined || v === null ? undefined : (JSON.parse(JSON.stringify(v)) as InputJson);

export async function writeHistory(tx: Tx, entry: HistoryWrite): Promise<void> {
  await planWrites.history(tx, {
    periodId: entry.periodId,
    itemId: entry.itemId,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    actorId: entry.actorId,
    before: json(entry.before),
    after: json(entry.after),
  });
}

/** The order fields are listed in (stored JSON comes back with its keys sorted otherwise). */
const FIELD_ORDER = [
  'nameJa',
  'nameEn',
  'years',
  'initiative',
  'titleJa',
  'titleEn',
  'descriptionJa',
  'descriptionEn',
  'status',
  'actions',
  'owners',
  'schedule',
  'unit',
  'source',
  'metric',
  'metricParams',
  'ownerBureau',
  'baseline',
  'higherIsBetter',
  'maxValue',
  'targets',
  'value',
  'note',
];

/** Keys that only say what an entry is about; they are not changes. */
const SUBJECT_KEYS = new Set(['kpiNameJa', 'kpiNameEn', 'fiscalYear', 'version']);

/** Japanese before English, whatever order the stored JSON (jsonb sorts keys) comes back in. */
function ordered(o: Record<string, unknown>): [string, unknown][] {
  const rank = (k: string) => (k.endsWith('Ja') ? 0 : k.endsWith('En') ? 1 : 2);
  return Object.entries(o).sort(([a], [b]) => rank(a) - rank(b));
}

function render(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (!value.length) return '';
    return value.map((v) => `・${render(v) ?? ''}`).join('\n');
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.fiscalYear === 'number') {
      const rest = ordered(o)
        .filter(([k]) => k !== 'fiscalYear')
        .map(([, v]) => render(v))
        .filter((v) => v !== null && v !== '');
      return `${fiscalYearLabelJa(o.fiscalYear)}: ${rest.join(' / ')}`;
    }
    return ordered(o)
      .map(([, v]) => render(v))
      .filter((v) => v !== null && v !== '')
      .join(' / ');
  }
  return String(value);
}

/** The fields that differ between two snapshots, rendered as text (a create lists every field). */
export function diffSnapshots(before: Snapshot | null, after: Snapshot | null): PlanHistoryChange[] {
  const rank = (k: string) => {
    const i = FIELD_ORDER.indexOf(k);
    return i === -1 ? FIELD_ORDER.length : i;
  };
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
    .filter((k) => !SUBJECT_KEYS.has(k))
    .sort((a, b) => rank(a) - rank(b));
  const changes: PlanHistoryChange[] = [];
  for (const field of keys) {
    const b = before ? render(before[field]) : null;
    const a = after ? render(after[field]) : null;
    if (b === a) continue;
    changes.push({ field, before: b, after: a });
  }
  return changes;
}

/** What a KPI or actual entry is about, from its snapshots. */
export function subjectOf(
  entityType: string,
  before: Snapshot | null,
  after: Snapshot | null,
): LocalizedText | null {
  const s = after ?? before;
  if (!s) return null;
  if (entityType === 'kpi') return { ja: String(s.nameJa ?? ''), en: String(s.nameEn || s.nameJa || '') };
  if (entityType === 'actual') {
    const fy = typeof s.fiscalYear === 'number' ? s.fiscalYear : null;
    const ja = String(s.kpiNameJa ?? '');
    const en = String(s.kpiNameEn || ja);
    return fy === null ? { ja, en } : { ja: `${ja} · ${fiscalYearLabelJa(fy)}`, en: `${en} · FY${fy}` };
  }
  return null;
}
