/**
 * The policy as the dashboards show it: its 重点取組方針 tags, areas and initiatives (read with each
 * request, inside the statement of its figures), and the courses of a 年度 per tag.
 */
import { type Db, sqlRows } from '../../db/client.ts';
import { POLICY_INITIATIVES_JSON } from '../policy/policy.repository.ts';

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

/** The first 年度 of the policy in force (2021 without one), a scalar subquery. */
export const POLICY_START = `COALESCE((SELECT p."startFiscalYear" FROM "policy" p WHERE p."inForce" LIMIT 1), 2021)`;

/**
 * The policy in force as one JSON value (a `PolicyShape`), a scalar subquery for a dashboard's own statement:
 * read with every request, so an edit of the policy shows on the next one, on every instance.
 */
export const POLICY_SHAPE_JSON = `(SELECT json_build_object(
    'startFiscalYear', ${POLICY_START},
    'priorities', COALESCE((
      SELECT json_agg(json_build_object('tagCode', pp."tagCode", 'tagLabelJa', pp."tagLabelJa",
                                        'tagLabelEn', pp."tagLabelEn", 'titleJa', pp."titleJa", 'titleEn', pp."titleEn")
                      ORDER BY pp."position")
        FROM "priority_policy" pp JOIN "policy" p ON p."id" = pp."policyId" AND p."inForce"), '[]'::json),
    'initiatives', ${POLICY_INITIATIVES_JSON}))`;

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
