-- "Which post counts" for a person on a day, defined once: of their posts in force that day, the one that started
-- last, the head's post first on a tie (then the lower id, so that the choice never depends on the plan). Used by
-- the dashboards' rollup (a person with two posts counts once, there), by the OJT-by-initiative trigger (where a
-- session's effort is booked) and by the API (the team dashboard shows each member in that post; the query
-- builders use `countingPostsSql`). An inlinable SQL function: `WHERE "staffId" = …` on it is one index look-up.
-- Its table is named with the schema the migration runs in: PostgreSQL 17 (and PGlite) work out and refresh a
-- materialized view under a search_path of pg_catalog only, and a `SET search_path` clause would stop inlining.
DO $migration$
BEGIN
  EXECUTE format($f$
    CREATE FUNCTION "posts_on"(p_on date)
    RETURNS TABLE ("staffId" uuid, "assignmentId" uuid, "orgUnitId" uuid, "gradeId" uuid, "isHead" boolean)
    LANGUAGE sql STABLE AS $body$
      SELECT DISTINCT ON (a."staffId") a."staffId", a."id", a."orgUnitId", a."gradeId", a."isHead"
      FROM %I."assignment" a
      WHERE a."startsOn" <= p_on AND (a."endsOn" IS NULL OR a."endsOn" >= p_on)
      ORDER BY a."staffId", a."startsOn" DESC, a."isHead" DESC, a."id"
    $body$
  $f$, current_schema());
END
$migration$;

-- The trainee's unit on a day (the OJT-by-initiative trigger's look-up), now through the one rule.
CREATE OR REPLACE FUNCTION "ojt_session_unit"(p_staff uuid, p_on date) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT p."orgUnitId" FROM "posts_on"(p_on) p WHERE p."staffId" = p_staff
$$;

-- The dashboards' rollup, rebuilt as it was but placing people through posts_on (a materialized view cannot be
-- altered in place). Worked out now, and stamped so.
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
  SELECT y."fiscalYear", p."staffId", p."orgUnitId",
         s."hireDate" > (y."asOf" - INTERVAL '10 years') AS "young"
  FROM "years" y
  CROSS JOIN LATERAL "posts_on"(y."asOf") p
  JOIN "staff" s ON s."id" = p."staffId"
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

INSERT INTO "rollup_refresh" ("name", "refreshedAt") VALUES ('dashboard_unit_year', now())
ON CONFLICT ("name") DO UPDATE SET "refreshedAt" = EXCLUDED."refreshedAt";
