import type { AuditLogFilters } from '../api/keys.ts';
import { dayBounds } from './format-date-time.ts';

/**
 * The audit log's filters in the URL (`/audit?actor=…&action=…&entityType=…&entityId=…&from=…&to=…`):
 * dates as `YYYY-MM-DD` (whole days, Japan time).
 */
export type AuditUrlFilters = {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  from: string;
  to: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEYS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

export function readAuditFilters(params: URLSearchParams): AuditUrlFilters {
  const get = (key: string, max: number) => (params.get(key) ?? '').trim().slice(0, max);
  const actor = get('actor', 36);
  const from = get('from', 10);
  const to = get('to', 10);
  return {
    actor: UUID.test(actor) ? actor : '',
    action: get('action', 64),
    entityType: get('entityType', 64),
    entityId: get('entityId', 64),
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
  };
}

export function writeAuditFilters(filters: AuditUrlFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** The API's query: days become the moments that bound them. */
export function toAuditQuery(filters: AuditUrlFilters): AuditLogFilters {
  return {
    ...(filters.actor ? { actorId: filters.actor } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.from ? { from: dayBounds(filters.from).from } : {}),
    ...(filters.to ? { to: dayBounds(filters.to).to } : {}),
  };
}

export const EMPTY_AUDIT_FILTERS: AuditUrlFilters = {
  actor: '',
  action: '',
  entityType: '',
  entityId: '',
  from: '',
  to: '',
};

/** `GET /api/audit-log/export` for the filters as applied: the same entries as the page, as a file. */
export function auditExportHref(filters: AuditUrlFilters, format: 'csv' | 'xlsx', lang: 'ja' | 'en'): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(toAuditQuery(filters))) if (value) search.set(key, value);
  search.set('format', format);
  search.set('lang', lang);
  return `/api/audit-log/export?${search.toString()}`;
}
