-- CreateTable
CREATE TABLE "ojt_initiative_total_year" (
    "fiscalYear" INTEGER NOT NULL,
    "initiativeId" UUID NOT NULL,
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "minutes" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ojt_initiative_total_year_pkey" PRIMARY KEY ("fiscalYear","initiativeId")
);

-- ojt_initiative_total_year: ojt_initiative_year summed over every unit (the city's OJT per 年度 and initiative),
-- kept by a trigger on ojt_initiative_year itself, so that every write of that rollup — the OJT sessions' trigger,
-- a backfill — carries over, and the rollout dashboard reads one row per initiative instead of one per unit.
CREATE FUNCTION "ojt_initiative_total_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "ojt_initiative_total_year"
      SET "sessions" = "sessions" - OLD."sessions", "minutes" = "minutes" - OLD."minutes"
      WHERE "fiscalYear" = OLD."fiscalYear" AND "initiativeId" = OLD."initiativeId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "ojt_initiative_total_year" ("fiscalYear", "initiativeId", "sessions", "minutes")
    VALUES (NEW."fiscalYear", NEW."initiativeId", NEW."sessions", NEW."minutes")
    ON CONFLICT ("fiscalYear", "initiativeId") DO UPDATE
      SET "sessions" = "ojt_initiative_total_year"."sessions" + EXCLUDED."sessions",
          "minutes" = "ojt_initiative_total_year"."minutes" + EXCLUDED."minutes";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ojt_initiative_total_apply"
  AFTER INSERT OR DELETE OR UPDATE OF "fiscalYear", "initiativeId", "sessions", "minutes"
  ON "ojt_initiative_year" FOR EACH ROW EXECUTE FUNCTION "ojt_initiative_total_apply"();

-- Backfill from the rollup as it stands.
INSERT INTO "ojt_initiative_total_year" ("fiscalYear", "initiativeId", "sessions", "minutes")
SELECT "fiscalYear", "initiativeId", SUM("sessions")::int, SUM("minutes")::bigint
FROM "ojt_initiative_year"
GROUP BY 1, 2;
