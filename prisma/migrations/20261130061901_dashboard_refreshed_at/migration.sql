-- CreateTable
CREATE TABLE "rollup_refresh" (
    "name" VARCHAR(63) NOT NULL,
    "refreshedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rollup_refresh_pkey" PRIMARY KEY ("name")
);

-- The dashboards' rollup is refreshed only by the background job (and at start-up and seeding), never on a read;
-- readers are told when it was worked out from here. It is worked out now, so the stamp is true from the start.
REFRESH MATERIALIZED VIEW "dashboard_unit_year";
INSERT INTO "rollup_refresh" ("name", "refreshedAt") VALUES ('dashboard_unit_year', now());
