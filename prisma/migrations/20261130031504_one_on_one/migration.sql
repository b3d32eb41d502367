-- CreateEnum
CREATE TYPE "OneOnOneKind" AS ENUM ('one_on_one', 'period_start', 'period_end', 'self_declaration', 'other');

-- CreateEnum
CREATE TYPE "OneOnOneStatus" AS ENUM ('scheduled', 'held');

-- CreateTable
CREATE TABLE "one_on_one" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "status" "OneOnOneStatus" NOT NULL DEFAULT 'held',
    "heldOn" DATE NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "kind" "OneOnOneKind" NOT NULL DEFAULT 'one_on_one',
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sharedNotes" TEXT NOT NULL DEFAULT '',
    "staffAgenda" TEXT NOT NULL DEFAULT '',
    "staffNotes" TEXT NOT NULL DEFAULT '',
    "acknowledgedAt" TIMESTAMPTZ(3),
    "staffImageIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "initiativeIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "one_on_one_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "one_on_one_private_note" (
    "oneOnOneId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "one_on_one_private_note_pkey" PRIMARY KEY ("oneOnOneId")
);

-- CreateTable
CREATE TABLE "one_on_one_action" (
    "id" UUID NOT NULL,
    "oneOnOneId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" VARCHAR(500) NOT NULL,
    "dueOn" DATE,
    "doneAt" TIMESTAMPTZ(3),
    "doneById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "one_on_one_action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "one_on_one_cadence" (
    "supervisorId" UUID NOT NULL,
    "intervalDays" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "one_on_one_cadence_pkey" PRIMARY KEY ("supervisorId")
);

-- CreateTable
CREATE TABLE "one_on_one_staff_year" (
    "staffId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "meetings" INTEGER NOT NULL DEFAULT 0,
    "minutes" INTEGER NOT NULL DEFAULT 0,
    "lastOn" DATE,

    CONSTRAINT "one_on_one_staff_year_pkey" PRIMARY KEY ("staffId","fiscalYear")
);

-- CreateIndex
CREATE INDEX "one_on_one_staffId_heldOn_idx" ON "one_on_one"("staffId", "heldOn");

-- CreateIndex
CREATE INDEX "one_on_one_authorId_heldOn_idx" ON "one_on_one"("authorId", "heldOn");

-- CreateIndex
CREATE INDEX "one_on_one_fiscalYear_staffId_idx" ON "one_on_one"("fiscalYear", "staffId");

-- CreateIndex
CREATE INDEX "one_on_one_private_note_authorId_idx" ON "one_on_one_private_note"("authorId");

-- CreateIndex
CREATE INDEX "one_on_one_action_oneOnOneId_position_idx" ON "one_on_one_action"("oneOnOneId", "position");

-- CreateIndex
CREATE INDEX "one_on_one_action_ownerId_doneAt_idx" ON "one_on_one_action"("ownerId", "doneAt");

-- CreateIndex
CREATE INDEX "one_on_one_staff_year_fiscalYear_idx" ON "one_on_one_staff_year"("fiscalYear");

-- AddForeignKey
ALTER TABLE "one_on_one" ADD CONSTRAINT "one_on_one_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "one_on_one" ADD CONSTRAINT "one_on_one_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "one_on_one_private_note" ADD CONSTRAINT "one_on_one_private_note_oneOnOneId_fkey" FOREIGN KEY ("oneOnOneId") REFERENCES "one_on_one"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "one_on_one_action" ADD CONSTRAINT "one_on_one_action_oneOnOneId_fkey" FOREIGN KEY ("oneOnOneId") REFERENCES "one_on_one"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "one_on_one_action" ADD CONSTRAINT "one_on_one_action_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- one_on_one_staff_year: 1on1s held (not those only scheduled), their minutes and the last date, per
-- person and 年度. Kept by this trigger like ojt_staff_year (decision 007); the team, unit and rollout
-- dashboards read it, never the 1on1 rows.
CREATE FUNCTION "one_on_one_staff_year_apply"(p_staff UUID, p_year INTEGER, p_meetings INTEGER, p_minutes INTEGER, p_on DATE)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "one_on_one_staff_year" ("staffId", "fiscalYear", "meetings", "minutes", "lastOn")
  VALUES (p_staff, p_year, p_meetings, p_minutes, CASE WHEN p_meetings > 0 THEN p_on END)
  ON CONFLICT ("staffId", "fiscalYear") DO UPDATE
    SET "meetings" = "one_on_one_staff_year"."meetings" + EXCLUDED."meetings",
        "minutes" = "one_on_one_staff_year"."minutes" + EXCLUDED."minutes",
        "lastOn" = CASE
          WHEN p_meetings > 0 THEN GREATEST("one_on_one_staff_year"."lastOn", p_on)
          ELSE (SELECT MAX("heldOn") FROM "one_on_one"
                WHERE "staffId" = p_staff AND "fiscalYear" = p_year AND "status" = 'held')
        END;
END;
$$;

CREATE FUNCTION "one_on_one_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'held' THEN
    PERFORM "one_on_one_staff_year_apply"(OLD."staffId", OLD."fiscalYear", -1, -OLD."minutes", OLD."heldOn");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'held' THEN
    PERFORM "one_on_one_staff_year_apply"(NEW."staffId", NEW."fiscalYear", 1, NEW."minutes", NEW."heldOn");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "one_on_one_rollup" AFTER INSERT OR DELETE OR UPDATE OF "staffId", "fiscalYear", "minutes", "heldOn", "status"
  ON "one_on_one" FOR EACH ROW EXECUTE FUNCTION "one_on_one_rollup"();
