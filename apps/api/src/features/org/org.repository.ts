/** The organisation's reads: the units in force on a day, the people posted in each, the grades. */
import { inForce } from '../../access/access.ts';
import type { Db, Tx } from '../../db/client.ts';

type Client = Db | Tx;

export const orgRepository = {
  unitsInForce(db: Client, day: Date) {
    return db.orgUnit.findMany({
      where: { validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gte: day } }] },
      orderBy: [{ path: 'asc' }],
      select: {
        id: true,
        code: true,
        kind: true,
        nameJa: true,
        nameEn: true,
        parentId: true,
        bureauId: true,
        position: true,
      },
    });
  },

  /** How many posts in force each unit holds directly. */
  postsPerUnit(db: Client, day: Date) {
    return db.assignment.groupBy({ by: ['orgUnitId'], where: inForce(day), _count: { _all: true } });
  },
};
