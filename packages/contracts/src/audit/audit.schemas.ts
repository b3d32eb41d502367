import { z } from 'zod';
import { IsoDateTime } from '../common/common.schemas.ts';

export const AuditLogQuery = z.object({
  actorId: z.uuid().optional(),
  action: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  /** The id of the last entry of the previous page: entries older than it follow */
  cursor: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

export const AuditLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /** The record the entry concerns, by name (ja/en) and the page that shows it, when it still exists */
  target: z
    .object({ name: z.object({ ja: z.string(), en: z.string() }), path: z.string().nullable() })
    .nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditLogEntry = z.infer<typeof AuditLogEntry>;

export const AuditLogPage = z.object({ items: z.array(AuditLogEntry), nextCursor: z.string().nullable() });
export type AuditLogPage = z.infer<typeof AuditLogPage>;

/** The filtered log as a file for HR (at most {@link AUDIT_EXPORT_LIMIT} entries, newest first). */
export const AuditLogExportQuery = AuditLogQuery.omit({ cursor: true, limit: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: z.enum(['ja', 'en']).default('ja'),
});
export type AuditLogExportQuery = z.infer<typeof AuditLogExportQuery>;
export const AUDIT_EXPORT_LIMIT = 10_000;
