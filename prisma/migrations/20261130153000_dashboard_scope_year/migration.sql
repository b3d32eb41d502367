-- dashboard_scope_year: the figures of dashboard_unit_year summed per 年度 over each unit's subtree (every unit
-- on a unit's path counts it) and over the whole city (the nil id), so that a dashboard reads a handful of rows
-- instead of summing every unit's. `parentId`: the unit above the scope on the path (NULL for a 局・区 and the
-- city), for the figures per child unit. Worked out from dashboard_unit_year and the units' paths in the same
-- refresh (`refreshRollup`), so both are as of the same moment.
CREATE MATERIALIZED VIEW "dashboard_scope_year" AS
SELECT d."fiscalYear", s."scopeId", s."parentId",
       SUM(d."staff")::int AS "staff",
       SUM(d."youngStaff")::int AS "youngStaff",
       SUM(d."ojtCovered")::int AS "ojtCovered",
       SUM(d."youngOjtCovered")::int AS "youngOjtCovered",
       SUM(d."ojtSessions")::int AS "ojtSessions",
       SUM(d."ojtMinutes")::bigint AS "ojtMinutes",
       SUM(d."youngOjtMinutes")::bigint AS "youngOjtMinutes",
       SUM(d."trainingAccepted")::int AS "trainingAccepted",
       SUM(d."trainingCompleted")::int AS "trainingCompleted",
       SUM(d."trainingStaffCompleted")::int AS "trainingStaffCompleted",
       SUM(d."youngTrainingStaffCompleted")::int AS "youngTrainingStaffCompleted",
       SUM(d."careerSubmitted")::int AS "careerSubmitted",
       SUM(d."youngCareerSubmitted")::int AS "youngCareerSubmitted",
       SUM(d."oneOnOneCovered")::int AS "oneOnOneCovered",
       SUM(d."oneOnOneMeetings")::int AS "oneOnOneMeetings"
FROM "dashboard_unit_year" d
LEFT JOIN "org_unit" u ON u."id" = d."orgUnitId"
CROSS JOIN LATERAL (
  SELECT c."id"::uuid AS "scopeId", lag(c."id"::uuid) OVER (ORDER BY c."n") AS "parentId"
  FROM unnest(string_to_array(btrim(COALESCE(u."path", ''), '/'), '/')) WITH ORDINALITY AS c("id", "n")
  UNION ALL
  SELECT '00000000-0000-0000-0000-000000000000'::uuid, NULL::uuid
) s
GROUP BY d."fiscalYear", s."scopeId", s."parentId";

-- CONCURRENTLY needs a unique index; readers never wait for a refresh.
CREATE UNIQUE INDEX "dashboard_scope_year_fiscalYear_scopeId_parentId_key"
  ON "dashboard_scope_year" ("fiscalYear", "scopeId", "parentId");
CREATE INDEX "dashboard_scope_year_parentId_fiscalYear_idx" ON "dashboard_scope_year" ("parentId", "fiscalYear");
