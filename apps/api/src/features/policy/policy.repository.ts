import { type Db, sqlRows, type Tx } from '../../db/client.ts';

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

/** A 職員像 or an initiative as the links of a record name it. */
type CatalogEntry = { id: string; code: string; titleJa: string; titleEn: string };

export type CatalogRow = {
  staffImages: CatalogEntry[];
  /** In the order of their areas, then their own */
  initiatives: (CatalogEntry & { tagCodes: string[] })[];
};

/**
 * The initiatives of the policy in force as one JSON array, in the order of their areas, then their own:
 * each with its area and the tag codes of the 重点取組方針 it carries (in their order). The one definition
 * the links of records (`catalogRows`) and the dashboards (`POLICY_SHAPE_JSON`) read.
 */
export const POLICY_INITIATIVES_JSON = `COALESCE((
      SELECT json_agg(json_build_object('id', i."id", 'code', i."code", 'marker', i."marker", 'titleJa', i."titleJa",
                                        'titleEn', i."titleEn", 'areaId', a."id", 'areaPosition', a."position",
                                        'areaTitleJa', a."titleJa", 'areaTitleEn', a."titleEn",
                                        'tagCodes', ARRAY(SELECT pp."tagCode" FROM "initiative_tag" it
                                                            JOIN "priority_policy" pp ON pp."id" = it."priorityPolicyId"
                                                           WHERE it."initiativeId" = i."id" ORDER BY pp."position"))
                      ORDER BY a."position", i."position")
        FROM "initiative" i JOIN "policy_area" a ON a."id" = i."areaId"
        JOIN "policy" p ON p."id" = a."policyId" AND p."inForce"), '[]'::json)`;

/** One named statement (decision 054): it is read by most requests that show a record's links. */
const CATALOG_SQL = `
SELECT COALESCE((SELECT json_agg(json_build_object('id', s."id", 'code', s."code", 'titleJa', s."titleJa",
                                                   'titleEn', s."titleEn") ORDER BY s."position")
                   FROM "staff_image" s WHERE s."policyId" = p."id"), '[]'::json) AS "staffImages",
       ${POLICY_INITIATIVES_JSON} AS "initiatives"
  FROM "policy" p WHERE p."inForce" LIMIT 1`;

/** The policy in force's 職員像 and initiatives with their tags (what the links of every record name); `null` without one. */
export async function catalogRows(client: Db | Tx): Promise<CatalogRow | null> {
  const [row] = await sqlRows<CatalogRow>(client, CATALOG_SQL);
  return row ?? null;
}
