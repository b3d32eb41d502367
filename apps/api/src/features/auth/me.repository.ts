/** The queries of `GET /api/me` beyond the actor (see `access/access.repository.ts`). */
import type { Db, Tx } from '../../db/client.ts';

type Client = Db | Tx;

/** The units of these paths (the units a person heads) and of these ids (the bureaus they serve). */
export function unitsByPathOrId(db: Client, paths: readonly string[], ids: readonly string[]) {
  return db.orgUnit.findMany({
    where: { OR: [{ path: { in: [...paths] } }, { id: { in: [...ids] } }] },
    select: { id: true, code: true, kind: true, nameJa: true, nameEn: true, path: true },
  });
}
