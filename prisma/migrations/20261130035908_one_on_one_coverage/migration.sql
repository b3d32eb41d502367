-- 1on1 coverage joins the rollout dashboards' rollup (decision 007): per 年度 and org unit, the staff placed
-- there who had at least one 1on1 held in the 年度 ("oneOnOneCovered") and the 1on1s held ("oneOnOneMeetings"),
-- from the trigger-kept per-person rollup one_on_one_staff_year. The view is rebuilt as it was, with the two
-- columns added; the API refreshes it as before. Read by the rollout and unit dashboards and the computed KPI
-- `one_on_one_coverage` (1on1 実施率).
DROP MATERIALIZED VIEW "dashboard_unit_year";

CREATE MATERIALIZED VIEW "dashboard_unit_year" AS
WITH "bounds" AS (
  SELECT COALESCE((SELECT MIN("startFiscalYear") FROM "policy" WHERE "inForce"), 2021) - 1 AS "first",
         EXTRACT(YEAR FROM (CURRENT_DATE - INTERVAL '3 months'))::int AS "last"
),
"years" AS (
  SELECT fy AS "fiscalYear", LEAST(CURRENT_DATE, make_date(fy + 1, 3, 31)) AS "asOf"
  FROM "bounds", generate_series("bounds"."first", "bounds"."last") AS fy
),
"placed" AS (
  SELECT DISTINCT ON (y."fiscalYear", a."staffId")
         y."fiscalYear", a."staffId", a."orgUnitId",
         s."hireDate" > (y."asOf" - INTERVAL '10 years') AS "young"
  FROM "years" y
  JOIN "assignment" a ON a."startsOn" <= y."asOf" AND (a."endsOn" IS NULL OR a."endsOn" >= y."asOf")
  JOIN "staff" s ON s."id" = a."staffId"
  ORDER BY y."fiscalYear", a."staffId", a."startsOn" DESC, a."isHead" DESC
)
SELECT p."fiscalYear",
       p."orgUnitId",
       COUNT(*)::int AS "staff",
       COUNT(*) FILTER (WHERE p."young")::int AS "youngStaff",
       COUNT(*) FILTER (WHERE o."sessions" > 0)::int AS "ojtCovered",
       COUNT(*) FILTER (WHERE p."young" AND o."sessions" > 0)::int AS "youngOjtCovered",
       COALESCE(SUM(o."sessions"), 0)::int AS "ojtSessions",
       COALESCE(SUM(o."minutes"), 0)::bigint AS "ojtMinutes",
       COALESCE(SUM(o."minutes") FILTER (WHERE p."young"), 0)::bigint AS "youngOjtMinutes",
       COALESCE(SUM(t."accepted"), 0)::int AS "trainingAccepted",
       COALESCE(SUM(t."completed"), 0)::int AS "trainingCompleted",
       COUNT(*) FILTER (WHERE t."completed" > 0)::int AS "trainingStaffCompleted",
       COUNT(*) FILTER (WHERE p."young" AND t."completed" > 0)::int AS "youngTrainingStaffCompleted",
       COUNT(*) FILTER (WHERE c."status" IS NOT NULL AND c."status" <> 'draft')::int AS "careerSubmitted",
       COUNT(*) FILTER (WHERE p."young" AND c."status" IS NOT NULL AND c."status" <> 'draft')::int AS "youngCareerSubmitted",
       COUNT(*) FILTER (WHERE m."meetings" > 0)::int AS "oneOnOneCovered",
       COALESCE(SUM(m."meetings"), 0)::int AS "oneOnOneMeetings"
FROM "placed" p
LEFT JOIN "ojt_staff_year" o ON o."staffId" = p."staffId" AND o."fiscalYear" = p."fiscalYear"
LEFT JOIN "training_staff_year" t ON t."staffId" = p."staffId" AND t."fiscalYear" = p."fiscalYear"
LEFT JOIN "career_plan" c ON c."staffId" = p."staffId" AND c."fiscalYear" = p."fiscalYear"
LEFT JOIN "one_on_one_staff_year" m ON m."staffId" = p."staffId" AND m."fiscalYear" = p."fiscalYear"
GROUP BY p."fiscalYear", p."orgUnitId";

-- CONCURRENTLY needs a unique index; readers never wait for a refresh.
CREATE UNIQUE INDEX "dashboard_unit_year_fiscalYear_orgUnitId_key" ON "dashboard_unit_year" ("fiscalYear", "orgUnitId");
