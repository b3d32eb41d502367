import type { AuditLogPage, AuditLogQuery } from '@portal/contracts';
import { require } from '../../access/access.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

export function createAuditService(deps: { db: Db }) {
  return {
    /** Newest first, keyset-paginated by id. */
    async list(actor: Actor, q: AuditLogQuery): Promise<AuditLogPage> {
      require(actor, 'audit:read:any');
      const where: Prisma.AuditLogWhereInput = {
        ...(q.actorId ? { actorId: q.actorId } : {}),
        ...(q.action ? { action: { startsWith: q.action } } : {}),
        ...(q.entityType ? { entityType: q.entityType } : {}),
        ...(q.entityId ? { entityId: q.entityId } : {}),
        ...(q.from || q.to
          ? { at: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lte: new Date(q.to) } : {}) } }
          : {}),
        ...(q.cursor ? { id: { lt: BigInt(q.cursor) } } : {}),
      };
      const rows = await deps.db.auditLog.findMany({ where, orderBy: { id: 'desc' }, take: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      const actorIds = [...new Set(page.map((r) => r.actorId).filter((id): id is string => id !== null))];
      const names = new Map(
        (
          await deps.db.staff.findMany({
            where: { id: { in: actorIds } },
            select: { id: true, nameJa: true },
          })
        ).map((s) => [s.id, s.nameJa]),
      );
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
