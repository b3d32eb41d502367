-- CreateTable
CREATE TABLE "ojt_initiative_year" (
    "id" BIGSERIAL NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "initiativeId" UUID NOT NULL,
    "orgUnitId" UUID,
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "minutes" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ojt_initiative_year_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ojt_initiative_year_orgUnitId_fiscalYear_idx" ON "ojt_initiative_year"("orgUnitId", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "ojt_initiative_year_fiscalYear_initiativeId_orgUnitId_key" ON "ojt_initiative_year"("fiscalYear", "initiativeId", "orgUnitId");

-- ojt_initiative_year: OJT effort per 年度, initiative and org unit, for the rollout dashboards' figures by
-- initiative and by 重点取組方針 tag. A session linked to several initiatives counts once for each of them
-- (the array's duplicates aside). The unit is the trainee's post on the session date — the post that started
-- last, the head's post first on a tie (the rule of dashboard_unit_year) — or NULL when there was none: the
-- effort is booked where it happened, and a later reorganisation or move does not carry it along. A post
-- corrected after the fact does not re-book past sessions (their next edit does).

-- The trainee's unit on a day.
CREATE FUNCTION "ojt_session_unit"(p_staff uuid, p_on date) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT a."orgUnitId" FROM "assignment" a
  WHERE a."staffId" = p_staff AND a."startsOn" <= p_on AND (a."endsOn" IS NULL OR a."endsOn" >= p_on)
  ORDER BY a."startsOn" DESC, a."isHead" DESC
  LIMIT 1
$$;

CREATE FUNCTION "ojt_initiative_year_apply"(p_initiatives uuid[], p_trainee uuid, p_on date, p_year int,
                                             p_sessions int, p_minutes int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_unit uuid;
  v_initiative uuid;
BEGIN
  IF COALESCE(cardinality(p_initiatives), 0) = 0 THEN
    RETURN;
  END IF;
  v_unit := "ojt_session_unit"(p_trainee, p_on);
  IF v_unit IS NOT NULL THEN
    INSERT INTO "ojt_initiative_year" ("fiscalYear", "initiativeId", "orgUnitId", "sessions", "minutes")
    SELECT DISTINCT p_year, i, v_unit, p_sessions, p_minutes FROM unnest(p_initiatives) AS i
    ON CONFLICT ("fiscalYear", "initiativeId", "orgUnitId") DO UPDATE
      SET "sessions" = "ojt_initiative_year"."sessions" + EXCLUDED."sessions",
          "minutes" = "ojt_initiative_year"."minutes" + EXCLUDED."minutes";
  ELSE
    -- NULLs are distinct to the unique index: the row without a unit is found by hand
    FOR v_initiative IN SELECT DISTINCT i FROM unnest(p_initiatives) AS i LOOP
      UPDATE "ojt_initiative_year"
        SET "sessions" = "sessions" + p_sessions, "minutes" = "minutes" + p_minutes
        WHERE "fiscalYear" = p_year AND "initiativeId" = v_initiative AND "orgUnitId" IS NULL;
      IF NOT FOUND THEN
        INSERT INTO "ojt_initiative_year" ("fiscalYear", "initiativeId", "orgUnitId", "sessions", "minutes")
        VALUES (p_year, v_initiative, NULL, p_sessions, p_minutes);
      END IF;
    END LOOP;
  END IF;
END;
$$;

CREATE FUNCTION "ojt_session_initiative_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD."initiativeIds" IS NOT DISTINCT FROM NEW."initiativeIds"
     AND OLD."traineeId" = NEW."traineeId" AND OLD."occurredOn" = NEW."occurredOn"
     AND OLD."fiscalYear" = NEW."fiscalYear" AND OLD."minutes" = NEW."minutes" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "ojt_initiative_year_apply"(OLD."initiativeIds", OLD."traineeId", OLD."occurredOn", OLD."fiscalYear", -1, -OLD."minutes");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "ojt_initiative_year_apply"(NEW."initiativeIds", NEW."traineeId", NEW."occurredOn", NEW."fiscalYear", 1, NEW."minutes");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ojt_session_initiative_rollup"
  AFTER INSERT OR DELETE OR UPDATE OF "initiativeIds", "traineeId", "fiscalYear", "minutes", "occurredOn"
  ON "ojt_session" FOR EACH ROW EXECUTE FUNCTION "ojt_session_initiative_rollup"();

-- Backfill from the sessions already recorded (the bulk-load benchmark runs the same statement).
INSERT INTO "ojt_initiative_year" ("fiscalYear", "initiativeId", "orgUnitId", "sessions", "minutes")
SELECT s."fiscalYear", li."initiativeId", "ojt_session_unit"(s."traineeId", s."occurredOn"), COUNT(*)::int, SUM(s."minutes")
FROM "ojt_session" s
CROSS JOIN LATERAL (SELECT DISTINCT i FROM unnest(s."initiativeIds") AS i) AS li("initiativeId")
GROUP BY 1, 2, 3;
