import {
  AUDIT_EXPORT_LIMIT,
  type AuditLogEntry,
  type AuditLogExportQuery,
  type AuditLogPage,
  type AuditLogQuery,
  isAuditSensitiveField,
} from '@portal/contracts';
import { authorize } from '../../access/access.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { type AuditFilter, type AuditRow, auditEntries } from './audit.repository.ts';
import { auditFile } from './audit-export.ts';

/**
 * A record's content the log never shows (private notes, 配慮事項, survey answers): a value under a
 * sensitive key becomes `changed` (or `unchanged` when the writer said so), whatever the writer stored.
 */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      isAuditSensitiveField(key)
        ? v === false || v === 'unchanged' || v === '' || v === null
          ? 'unchanged'
          : 'changed'
        : redact(v),
    ]),
  );
}

function toEntry(r: AuditRow): AuditLogEntry {
  return {
    id: r.id.toString(),
    at: r.at.toISOString(),
    actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    target:
      r.targetJa !== null
        ? { name: { ja: r.targetJa, en: r.targetEn || r.targetJa }, path: r.targetPath }
        : null,
    before: redact(r.before ?? null),
    after: redact(r.after ?? null),
    ip: r.ip,
    requestId: r.requestId,
  };
}

const filterOf = (q: AuditLogQuery | AuditLogExportQuery): AuditFilter => ({
  actorId: q.actorId,
  action: q.action,
  entityType: q.entityType,
  entityId: q.entityId,
  from: q.from,
  to: q.to,
});

export function createAuditService(deps: { db: Db }) {
  return {
    /** Newest first, keyset-paginated by id; names of actors and targets in the same statement. */
    async list(actor: Actor, q: AuditLogQuery): Promise<AuditLogPage> {
      authorize(actor, 'audit:read:any');
      const rows = await auditEntries(
        deps.db,
        { ...filterOf(q), before: q.cursor ? BigInt(q.cursor) : undefined },
        q.limit + 1,
      );
      const page = rows.slice(0, q.limit);
      return {
        items: page.map(toEntry),
        nextCursor: rows.length > q.limit ? (page.at(-1)?.id.toString() ?? null) : null,
      };
    },

    /** The filtered log as CSV or Excel (the newest {@link AUDIT_EXPORT_LIMIT} entries). */
    async export(actor: Actor, q: AuditLogExportQuery) {
      authorize(actor, 'audit:read:any');
      const rows = await auditEntries(deps.db, filterOf(q), AUDIT_EXPORT_LIMIT);
      return auditFile(rows.map(toEntry), q.format, q.lang);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
