import type { AuditLogPage, AuditLogQuery } from '@portal/contracts';
import { authorize } from '../../access/access.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { auditEntries, staffNames } from './audit.repository.ts';

export function createAuditService(deps: { db: Db }) {
  return {
    /** Newest first, keyset-paginated by id. */
    async list(actor: Actor, q: AuditLogQuery): Promise<AuditLogPage> {
      authorize(actor, 'audit:read:any');
      const rows = await auditEntries(
        deps.db,
        {
          actorId: q.actorId,
          action: q.action,
          entityType: q.entityType,
          entityId: q.entityId,
          from: q.from,
          to: q.to,
          before: q.cursor ? BigInt(q.cursor) : undefined,
        },
        q.limit + 1,
      );
      const page = rows.slice(0, q.limit);
      const actorIds = [...new Set(page.map((r) => r.actorId).filter((id): id is string => id !== null))];
      const names = await staffNames(deps.db, actorIds);
      return {
        items: page.map((r) => ({
          id: r.id.toString(),
          at: r.at.toISOString(),
          actor: r.actorId ? { id: r.actorId, name: names.get(r.actorId) ?? '' } : null,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          before: r.before ?? null,
          after: r.after ?? null,
          ip: r.ip,
          requestId: r.requestId,
        })),
        nextCursor: rows.length > q.limit ? (page.at(-1)?.id.toString() ?? null) : null,
      };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
