/** The queries of `GET /api/me` beyond the actor (see `access/access.repository.ts`). */
import type { OrgUnitRef } from '@portal/contracts';
import { type Db, sqlRows, type Tx } from '../../db/client.ts';

type Client = Db | Tx;

/**
 * The units of these paths (the units a person heads) and of these ids (the bureaus they serve), as a
 * prepared statement through the pool (decision 054).
 */
export function unitsByPathOrId(db: Client, paths: readonly string[], ids: readonly string[]) {
  return sqlRows<{
    id: string;
    code: string;
    kind: OrgUnitRef['kind'];
    nameJa: string;
    nameEn: string;
    path: string;
  }>(
    db,
    `SELECT u."id", u."code", u."kind", u."nameJa", u."nameEn", u."path"
       FROM "org_unit" u WHERE u."path" = ANY($1::text[]) OR u."id" = ANY($2::uuid[])`,
    [[...paths], [...ids]],
  );
}
