import type { OrgUnitList } from '@portal/contracts';
import { authorize, today } from '../../access/access.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { createMasterDataService } from './master-data.service.ts';
import { orgRepository } from './org.repository.ts';

export function createOrgService(deps: { db: Db }) {
  return {
    /** The organisation in force today, with the number of people posted directly in each unit. */
    async tree(actor: Actor): Promise<OrgUnitList> {
      authorize(actor, 'org:read:any');
      const day = today();
      const [units, counts] = await Promise.all([
        orgRepository.unitsInForce(deps.db, day),
        orgRepository.postsPerUnit(deps.db, day),
      ]);
      const count = new Map(counts.map((c) => [c.orgUnitId, c._count._all]));
      return {
        items: units
          .sort((a, b) => (a.parentId === b.parentId ? a.position - b.position : 0))
          .map((u) => ({
            id: u.id,
            code: u.code,
            kind: u.kind,
            name: { ja: u.nameJa, en: u.nameEn },
            parentId: u.parentId,
            bureauId: u.bureauId,
            position: u.position,
            staffCount: count.get(u.id) ?? 0,
          })),
      };
    },

    ...createMasterDataService(deps),
  };
}
export type OrgService = ReturnType<typeof createOrgService>;
