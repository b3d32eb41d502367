/** The 推進計画 as the dashboards show it: the published period of a 年度, its items and its KPIs. */
import type { KpiMetricParams, PlanItemStatus } from '@portal/contracts';
import { type Db, planless, sqlRows } from '../../db/client.ts';
import type { UnitRow } from './dashboard-units.repository.ts';

export type PlanItemRow = {
  periodId: string;
  periodNameJa: string;
  periodNameEn: string;
  startFiscalYear: number;
  endFiscalYear: number;
  id: string | null;
  initiativeId: string;
  titleJa: string;
  titleEn: string;
  status: PlanItemStatus;
  owners: UnitRow[];
  inSubtree: boolean;
};
export type PlanKpiRow = {
  id: string;
  itemId: string;
  initiativeId: string;
  nameJa: string;
  nameEn: string;
  unit: string;
  source: 'computed' | 'entered';
  metric: string | null;
  metricParams: KpiMetricParams | null;
  higherIsBetter: boolean;
  baselineFiscalYear: number | null;
  baselineValue: number | null;
  target: number | null;
  actual: number | null;
  bureau: UnitRow | null;
};

/** The published period the 年度 falls in. */
const PERIOD_OF_YEAR = `
  SELECT p.* FROM "plan_period" p JOIN "policy" pol ON pol."id" = p."policyId" AND pol."inForce"
  WHERE p."status" = 'published' AND p."startFiscalYear" <= ${planless('$1::int')} AND p."endFiscalYear" >= ${planless('$1::int')}
  ORDER BY p."ordinal" LIMIT 1`;

/** Items of the 年度's published period (with owners; `inSubtree`: owned under the given path). */
export function planItems(db: Db, fiscalYear: number, subtreePath = '') {
  return sqlRows<PlanItemRow>(
    db,
    `SELECT p."id" AS "periodId", p."nameJa" AS "periodNameJa", p."nameEn" AS "periodNameEn",
              p."startFiscalYear", p."endFiscalYear", i."id", i."initiativeId", i."titleJa", i."titleEn", i."status",
              COALESCE((SELECT json_agg(json_build_object('id', u."id", 'code', u."code", 'kind', u."kind",
                                         'nameJa', u."nameJa", 'nameEn', u."nameEn") ORDER BY u."path")
                        FROM "org_unit" u WHERE u."id" = ANY(i."ownerOrgUnitIds")), '[]'::json) AS "owners",
              EXISTS (SELECT 1 FROM "org_unit" u WHERE u."id" = ANY(i."ownerOrgUnitIds") AND starts_with(u."path", ${planless('$2::text')})) AS "inSubtree"
       FROM (${PERIOD_OF_YEAR}) p
       LEFT JOIN "plan_item" i ON i."periodId" = p."id"
       LEFT JOIN "initiative" ini ON ini."id" = i."initiativeId"
       LEFT JOIN "policy_area" pa ON pa."id" = ini."areaId"
       ORDER BY pa."position", ini."position", i."position"`,
    [fiscalYear, subtreePath],
  );
}

/** KPIs of the 年度's published period with the 年度's target and entered actual (optionally one bureau's). */
export function planKpis(db: Db, fiscalYear: number, bureauId: string | null = null) {
  return sqlRows<PlanKpiRow>(
    db,
    `SELECT k."id", k."itemId", i."initiativeId", k."nameJa", k."nameEn", k."unit", k."source", k."metric", k."metricParams",
              k."higherIsBetter", k."baselineFiscalYear", k."baselineValue", t."value" AS "target", a."value" AS "actual",
              CASE WHEN b."id" IS NULL THEN NULL ELSE json_build_object('id', b."id", 'code', b."code", 'kind', b."kind",
                   'nameJa', b."nameJa", 'nameEn', b."nameEn") END AS "bureau"
       FROM (${PERIOD_OF_YEAR}) p
       JOIN "plan_item" i ON i."periodId" = p."id"
       JOIN "initiative" ini ON ini."id" = i."initiativeId"
       JOIN "policy_area" pa ON pa."id" = ini."areaId"
       JOIN "kpi" k ON k."itemId" = i."id"
       LEFT JOIN "kpi_target" t ON t."kpiId" = k."id" AND t."fiscalYear" = ${planless('$1::int')}
       LEFT JOIN "kpi_actual" a ON a."kpiId" = k."id" AND a."fiscalYear" = ${planless('$1::int')}
       LEFT JOIN "org_unit" b ON b."id" = k."ownerBureauId"
       WHERE (${planless('$2::uuid')} IS NULL OR k."ownerBureauId" = ${planless('$2::uuid')})
       ORDER BY pa."position", ini."position", i."position", k."position"`,
    [fiscalYear, bureauId],
  );
}
