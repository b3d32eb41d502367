import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

type Client = Db | Tx;

export type AuditFilter = {
  actorId?: string;
  /** A prefix of the action (`plan.` for every plan write) */
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  /** Entries older than this id */
  before?: bigint;
};

/** Newest first: at most `take` entries matching the filter. */
export function auditEntries(db: Client, f: AuditFilter, take: number) {
  const where: Prisma.AuditLogWhereInput = {
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.from || f.to
      ? { at: { ...(f.from ? { gte: new Date(f.from) } : {}), ...(f.to ? { lte: new Date(f.to) } : {}) } }
      : {}),
    ...(f.before !== undefined ? { id: { lt: f.before } } : {}),
  };
  return db.auditLog.findMany({ where, orderBy: { id: 'desc' }, take });
}

/** The Japanese names of these people. */
export async function staffNames(db: Client, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.staff.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, nameJa: true },
  });
  return new Map(rows.map((s) => [s.id, s.nameJa]));
}
