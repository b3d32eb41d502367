/**
 * Appends to the audit log. Writes pass their transaction client, so the entry commits or rolls back
 * with the change it records.
 */

import type { AuditAction, AuditEntityType } from '@portal/contracts';
import type { RequestMeta } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

export type AuditEntry = {
  actorId: string | null;
  /** One of `AUDIT_ACTIONS` (contracts): the log labels and filters by that list */
  action: AuditAction;
  entityType?: AuditEntityType;
  entityId?: string;
  before?: unknown;
  after?: unknown;
  meta?: RequestMeta;
};

const json = (v: unknown) =>
  v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue);

export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      before: json(entry.before),
      after: json(entry.after),
      ip: entry.meta?.ip ?? null,
      requestId: entry.meta?.requestId ?? null,
    },
  });
}
