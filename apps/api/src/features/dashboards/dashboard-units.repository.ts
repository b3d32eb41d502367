/** The org units a dashboard names: the unit itself, the chain above it and its children. */
import type { OrgUnitRef } from '@portal/contracts';
import { type Db, planless, sqlRows } from '../../db/client.ts';

export type UnitRow = { id: string; code: string; kind: OrgUnitRef['kind']; nameJa: string; nameEn: string };

/** A unit as its dashboard needs it. */
export async function unitForDashboard(
  db: Db,
  unitId: string,
): Promise<(UnitRow & { path: string; bureauId: string | null }) | null> {
  const rows = await sqlRows<UnitRow & { path: string; bureauId: string | null }>(
    db,
    `SELECT u."id", u."code", u."kind", u."nameJa", u."nameEn", u."path", u."bureauId"
       FROM "org_unit" u WHERE u."id" = $1::uuid`,
    [unitId],
  );
  return rows[0] ?? null;
}

/** The units of a chain (the unit and those above it) and the unit's children in force on `asOf`. */
export function unitChainAndChildren(db: Db, chainIds: string[], unitId: string, asOf: string) {
  return sqlRows<UnitRow & { parentId: string | null; hasChildren: boolean }>(
    db,
    `SELECT u."id", u."code", u."kind", u."nameJa", u."nameEn", u."parentId",
                  EXISTS (SELECT 1 FROM "org_unit" c WHERE c."parentId" = u."id") AS "hasChildren"
           FROM "org_unit" u
           WHERE u."id" = ANY(${planless('$1::uuid[]')}::uuid[])
              OR (u."parentId" = ${planless('$2::uuid')} AND (u."validTo" IS NULL OR u."validTo" >= ${planless('$3::date')}))
           ORDER BY u."position", u."code"`,
    [chainIds, unitId, asOf],
  );
}
