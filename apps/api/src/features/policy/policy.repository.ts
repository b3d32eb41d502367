import type { Db, Tx } from '../../db/client.ts';

const byPosition = { orderBy: { position: 'asc' as const } };

export function createPolicyRepository(db: Db) {
  return {
    /** The policy in force with its whole tree, in one round of queries (one per level, not per row). */
    findInForce() {
      return db.policy.findFirst({
        where: { inForce: true },
        include: {
          staffImages: byPosition,
          priorityPolicies: { ...byPosition, include: { focusItems: byPosition } },
          policyAreas: {
            ...byPosition,
            include: {
              initiatives: {
                ...byPosition,
                include: {
                  tags: {
                    include: { priorityPolicy: true },
                    orderBy: { priorityPolicy: { position: 'asc' } },
                  },
                },
              },
            },
          },
          promotionBodies: { ...byPosition, include: { roles: byPosition } },
          actors: byPosition,
          planPeriods: { orderBy: { ordinal: 'asc' } },
        },
      });
    },
  };
}

export type PolicyRepository = ReturnType<typeof createPolicyRepository>;

/** The policy in force's 職員像 and initiatives with their tags: what the links of every record name. */
export function catalogRows(client: Db | Tx) {
  return client.policy.findFirst({
    where: { inForce: true },
    select: {
      staffImages: {
        select: { id: true, code: true, titleJa: true, titleEn: true },
        orderBy: { position: 'asc' },
      },
      policyAreas: {
        orderBy: { position: 'asc' },
        select: {
          initiatives: {
            orderBy: { position: 'asc' },
            select: {
              id: true,
              code: true,
              titleJa: true,
              titleEn: true,
              tags: { select: { priorityPolicy: { select: { tagCode: true } } } },
            },
          },
        },
      },
    },
  });
}
