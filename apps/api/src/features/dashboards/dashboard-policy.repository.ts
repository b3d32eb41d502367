/**
 * The policy as the dashboards show it: its 重点取組方針 tags, areas and initiatives (kept a minute per
 * process), and the courses of a 年度 per tag.
 */
import { type Db, sqlRows } from '../../db/client.ts';

export type PolicyShape = {
  startFiscalYear: number;
  priorities: { tagCode: string; tagLabelJa: string; tagLabelEn: string; titleJa: string; titleEn: string }[];
  initiatives: {
    id: string;
    code: string;
    marker: string;
    titleJa: string;
    titleEn: string;
    areaId: string;
    areaPosition: number;
    areaTitleJa: string;
    areaTitleEn: string;
    tagCodes: string[];
  }[];
};

/** The policy's areas, initiatives and tags change only with a new revision: kept a minute per process. */
const POLICY_TTL_MS = 60_000;
const policyCache = new WeakMap<Db, { at: number; shape: Promise<PolicyShape> }>();

export function policyShape(db: Db): Promise<PolicyShape> {
  const hit = policyCache.get(db);
  if (hit && Date.now() - hit.at < POLICY_TTL_MS) return hit.shape;
  const shape = (async (): Promise<PolicyShape> => {
    const [policy, priorities, initiatives] = await Promise.all([
      db.policy.findFirst({ where: { inForce: true }, select: { startFiscalYear: true } }),
      db.$queryRaw<PolicyShape['priorities']>`
        SELECT pp."tagCode", pp."tagLabelJa", pp."tagLabelEn", pp."titleJa", pp."titleEn"
        FROM "priority_policy" pp JOIN "policy" p ON p."id" = pp."policyId" AND p."inForce"
        ORDER BY pp."position"`,
      db.$queryRaw<PolicyShape['initiatives']>`
        SELECT i."id", i."code", i."marker", i."titleJa", i."titleEn", a."id" AS "areaId", a."position" AS "areaPosition",
               a."titleJa" AS "areaTitleJa", a."titleEn" AS "areaTitleEn",
               ARRAY(SELECT pp."tagCode" FROM "initiative_tag" it JOIN "priority_policy" pp ON pp."id" = it."priorityPolicyId"
                     WHERE it."initiativeId" = i."id" ORDER BY pp."position") AS "tagCodes"
        FROM "initiative" i JOIN "policy_area" a ON a."id" = i."areaId" JOIN "policy" p ON p."id" = a."policyId" AND p."inForce"
        ORDER BY a."position", i."position"`,
    ]);
    return { startFiscalYear: policy?.startFiscalYear ?? 2021, priorities, initiatives };
  })();
  policyCache.set(db, { at: Date.now(), shape });
  shape.catch(() => policyCache.delete(db));
  return shape;
}

/** Active courses of the 年度 per 重点取組方針 tag (through their initiatives). */
export function coursesPerTag(db: Db, fiscalYear: number) {
  return sqlRows<{ tagCode: string; courses: number }>(
    db,
    `SELECT pp."tagCode", COUNT(DISTINCT t."id")::int AS "courses"
           FROM "training" t
           CROSS JOIN LATERAL unnest(t."initiativeIds") AS li("initiativeId")
           JOIN "initiative_tag" it ON it."initiativeId" = li."initiativeId"
           JOIN "priority_policy" pp ON pp."id" = it."priorityPolicyId"
           WHERE t."active" AND $1 = ANY(t."fiscalYears")
           GROUP BY pp."tagCode"`,
    [fiscalYear],
  );
}
