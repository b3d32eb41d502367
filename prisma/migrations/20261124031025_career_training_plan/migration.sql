-- CreateEnum
CREATE TYPE "CareerPlanStatus" AS ENUM ('draft', 'submitted', 'changes_requested', 'commented');

-- CreateEnum
CREATE TYPE "SelfDevelopmentKind" AS ENUM ('qualification', 'self_study', 'correspondence', 'other');

-- CreateEnum
CREATE TYPE "SupportStatus" AS ENUM ('none', 'pending', 'approved', 'declined');

-- CreateEnum
CREATE TYPE "OjtMethod" AS ENUM ('guidance', 'accompany', 'review', 'assignment', 'other');

-- CreateEnum
CREATE TYPE "TrainingKind" AS ENUM ('institute_grade', 'institute_elective', 'institute_special', 'departmental', 'dispatch', 'elearning');

-- CreateEnum
CREATE TYPE "TrainingSessionStatus" AS ENUM ('scheduled', 'cancelled', 'finished');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('applied', 'declined', 'approved', 'accepted', 'waitlisted', 'rejected', 'withdrawn');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('present', 'absent', 'partial');

-- CreateEnum
CREATE TYPE "PlanItemStatus" AS ENUM ('not_started', 'in_progress', 'done', 'delayed');

-- CreateEnum
CREATE TYPE "KpiSource" AS ENUM ('computed', 'entered');

-- AlterTable
ALTER TABLE "plan_period" ADD COLUMN     "copiedFromId" UUID,
ADD COLUMN     "publishedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "career_plan" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "status" "CareerPlanStatus" NOT NULL DEFAULT 'draft',
    "shortTermGoal" TEXT NOT NULL DEFAULT '',
    "midTermGoal" TEXT NOT NULL DEFAULT '',
    "longTermGoal" TEXT NOT NULL DEFAULT '',
    "desiredExperiences" JSONB NOT NULL DEFAULT '[]',
    "selfAssessments" JSONB NOT NULL DEFAULT '[]',
    "skillsToGain" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "staffImageIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "initiativeIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "submittedAt" TIMESTAMPTZ(3),
    "carriedFromId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "career_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "career_plan_version" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "CareerPlanStatus" NOT NULL,
    "content" JSONB NOT NULL,
    "savedById" UUID,
    "savedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "career_plan_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "career_plan_comment" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "requestsChanges" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "career_plan_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "self_development_record" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "kind" "SelfDevelopmentKind" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "provider" VARCHAR(200),
    "startedOn" DATE,
    "completedOn" DATE,
    "fiscalYear" INTEGER NOT NULL,
    "hours" INTEGER,
    "staffImageIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "initiativeIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "supportStatus" "SupportStatus" NOT NULL DEFAULT 'none',
    "supportDetail" VARCHAR(1000),
    "supportAmountYen" INTEGER,
    "decisionReason" VARCHAR(1000),
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "self_development_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ojt_plan" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "authorId" UUID,
    "goals" JSONB NOT NULL DEFAULT '[]',
    "plannedSessions" INTEGER NOT NULL DEFAULT 0,
    "plannedMinutes" INTEGER NOT NULL DEFAULT 0,
    "frequencyNote" TEXT NOT NULL DEFAULT '',
    "staffImageIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "initiativeIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ojt_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ojt_session" (
    "id" UUID NOT NULL,
    "traineeId" UUID NOT NULL,
    "supervisorId" UUID NOT NULL,
    "occurredOn" DATE NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "method" "OjtMethod" NOT NULL,
    "topic" VARCHAR(200) NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "staffImageIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "initiativeIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "batchId" UUID,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "reflection" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ojt_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ojt_staff_year" (
    "staffId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "minutes" INTEGER NOT NULL DEFAULT 0,
    "lastOn" DATE,

    CONSTRAINT "ojt_staff_year_pkey" PRIMARY KEY ("staffId","fiscalYear")
);

-- CreateTable
CREATE TABLE "idempotency_record" (
    "actorId" UUID NOT NULL,
    "scope" VARCHAR(100) NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "requestHash" VARCHAR(64) NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_record_pkey" PRIMARY KEY ("actorId","scope","key")
);

-- CreateTable
CREATE TABLE "training" (
    "id" UUID NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "titleJa" VARCHAR(200) NOT NULL,
    "titleEn" VARCHAR(200) NOT NULL,
    "descriptionJa" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "kind" "TrainingKind" NOT NULL,
    "ownerBureauId" UUID,
    "targetGradeIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "targetJobFamilyIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "hours" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "staffImageIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "initiativeIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "fiscalYears" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "mandatory" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "training_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_session" (
    "id" UUID NOT NULL,
    "trainingId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "venue" VARCHAR(200),
    "online" BOOLEAN NOT NULL DEFAULT false,
    "capacity" INTEGER NOT NULL,
    "applicationDeadline" DATE NOT NULL,
    "acceptedCount" INTEGER NOT NULL DEFAULT 0,
    "status" "TrainingSessionStatus" NOT NULL DEFAULT 'scheduled',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "training_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_application" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "status" "ApplicationStatus" NOT NULL DEFAULT 'applied',
    "assigned" BOOLEAN NOT NULL DEFAULT false,
    "supervisorId" UUID,
    "supervisorDecidedAt" TIMESTAMPTZ(3),
    "supervisorReason" VARCHAR(1000),
    "hrDecidedById" UUID,
    "hrDecidedAt" TIMESTAMPTZ(3),
    "hrReason" VARCHAR(1000),
    "waitlistedAt" TIMESTAMPTZ(3),
    "attendance" "AttendanceStatus",
    "completed" BOOLEAN NOT NULL DEFAULT false,
    "completedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "training_application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_feedback" (
    "applicationId" UUID NOT NULL,
    "satisfaction" INTEGER NOT NULL,
    "usefulness" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "training_feedback_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "practice_report" (
    "applicationId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedById" UUID,
    "confirmedAt" TIMESTAMPTZ(3),
    "supervisorComment" VARCHAR(1000),

    CONSTRAINT "practice_report_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "training_staff_year" (
    "staffId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "completed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "training_staff_year_pkey" PRIMARY KEY ("staffId","fiscalYear")
);

-- CreateTable
CREATE TABLE "plan_item" (
    "id" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "initiativeId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "titleJa" VARCHAR(300) NOT NULL,
    "titleEn" VARCHAR(300) NOT NULL,
    "descriptionJa" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "actions" JSONB NOT NULL DEFAULT '[]',
    "ownerOrgUnitIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "schedule" JSONB NOT NULL DEFAULT '[]',
    "status" "PlanItemStatus" NOT NULL DEFAULT 'not_started',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "plan_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi" (
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "nameJa" VARCHAR(300) NOT NULL,
    "nameEn" VARCHAR(300) NOT NULL,
    "unit" VARCHAR(32) NOT NULL,
    "baselineFiscalYear" INTEGER,
    "baselineValue" DOUBLE PRECISION,
    "source" "KpiSource" NOT NULL,
    "metric" VARCHAR(64),
    "metricParams" JSONB,
    "ownerBureauId" UUID,
    "higherIsBetter" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "kpi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi_target" (
    "kpiId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "kpi_target_pkey" PRIMARY KEY ("kpiId","fiscalYear")
);

-- CreateTable
CREATE TABLE "kpi_actual" (
    "kpiId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "enteredById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "kpi_actual_pkey" PRIMARY KEY ("kpiId","fiscalYear")
);

-- CreateTable
CREATE TABLE "plan_history" (
    "id" BIGSERIAL NOT NULL,
    "periodId" UUID NOT NULL,
    "itemId" UUID,
    "entityType" VARCHAR(32) NOT NULL,
    "entityId" VARCHAR(64) NOT NULL,
    "action" VARCHAR(32) NOT NULL,
    "actorId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "plan_history_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "career_plan_fiscalYear_status_idx" ON "career_plan"("fiscalYear", "status");

-- CreateIndex
CREATE UNIQUE INDEX "career_plan_staffId_fiscalYear_key" ON "career_plan"("staffId", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "career_plan_version_planId_version_key" ON "career_plan_version"("planId", "version");

-- CreateIndex
CREATE INDEX "career_plan_comment_planId_createdAt_idx" ON "career_plan_comment"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "self_development_record_staffId_fiscalYear_idx" ON "self_development_record"("staffId", "fiscalYear");

-- CreateIndex
CREATE INDEX "self_development_record_supportStatus_idx" ON "self_development_record"("supportStatus");

-- CreateIndex
CREATE UNIQUE INDEX "ojt_plan_staffId_fiscalYear_key" ON "ojt_plan"("staffId", "fiscalYear");

-- CreateIndex
CREATE INDEX "ojt_session_traineeId_occurredOn_idx" ON "ojt_session"("traineeId", "occurredOn");

-- CreateIndex
CREATE INDEX "ojt_session_supervisorId_occurredOn_idx" ON "ojt_session"("supervisorId", "occurredOn");

-- CreateIndex
CREATE INDEX "ojt_session_fiscalYear_traineeId_idx" ON "ojt_session"("fiscalYear", "traineeId");

-- CreateIndex
CREATE INDEX "ojt_staff_year_fiscalYear_idx" ON "ojt_staff_year"("fiscalYear");

-- CreateIndex
CREATE INDEX "idempotency_record_createdAt_idx" ON "idempotency_record"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "training_code_key" ON "training"("code");

-- CreateIndex
CREATE INDEX "training_kind_idx" ON "training"("kind");

-- CreateIndex
CREATE INDEX "training_ownerBureauId_idx" ON "training"("ownerBureauId");

-- CreateIndex
CREATE INDEX "training_session_trainingId_startsAt_idx" ON "training_session"("trainingId", "startsAt");

-- CreateIndex
CREATE INDEX "training_session_fiscalYear_idx" ON "training_session"("fiscalYear");

-- CreateIndex
CREATE INDEX "training_application_staffId_fiscalYear_idx" ON "training_application"("staffId", "fiscalYear");

-- CreateIndex
CREATE INDEX "training_application_sessionId_status_waitlistedAt_idx" ON "training_application"("sessionId", "status", "waitlistedAt");

-- CreateIndex
CREATE INDEX "training_application_supervisorId_status_idx" ON "training_application"("supervisorId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "training_application_sessionId_staffId_key" ON "training_application"("sessionId", "staffId");

-- CreateIndex
CREATE INDEX "training_staff_year_fiscalYear_idx" ON "training_staff_year"("fiscalYear");

-- CreateIndex
CREATE INDEX "plan_item_periodId_initiativeId_idx" ON "plan_item"("periodId", "initiativeId");

-- CreateIndex
CREATE INDEX "kpi_itemId_idx" ON "kpi"("itemId");

-- CreateIndex
CREATE INDEX "plan_history_itemId_at_idx" ON "plan_history"("itemId", "at");

-- CreateIndex
CREATE INDEX "plan_history_periodId_at_idx" ON "plan_history"("periodId", "at");

-- AddForeignKey
ALTER TABLE "career_plan" ADD CONSTRAINT "career_plan_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "career_plan_version" ADD CONSTRAINT "career_plan_version_planId_fkey" FOREIGN KEY ("planId") REFERENCES "career_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "career_plan_comment" ADD CONSTRAINT "career_plan_comment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "career_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_development_record" ADD CONSTRAINT "self_development_record_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ojt_plan" ADD CONSTRAINT "ojt_plan_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ojt_session" ADD CONSTRAINT "ojt_session_traineeId_fkey" FOREIGN KEY ("traineeId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ojt_session" ADD CONSTRAINT "ojt_session_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_session" ADD CONSTRAINT "training_session_trainingId_fkey" FOREIGN KEY ("trainingId") REFERENCES "training"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_application" ADD CONSTRAINT "training_application_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "training_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_application" ADD CONSTRAINT "training_application_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_feedback" ADD CONSTRAINT "training_feedback_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "training_application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "practice_report" ADD CONSTRAINT "practice_report_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "training_application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "plan_period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "initiative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "plan_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi_target" ADD CONSTRAINT "kpi_target_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi_actual" ADD CONSTRAINT "kpi_actual_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rollups kept by triggers: per person and 年度, what the dashboards aggregate (so they read a row per
-- person, not every session or enrolment).

-- ojt_staff_year: sessions, minutes and the last date of OJT received
CREATE FUNCTION "ojt_staff_year_apply"(p_staff UUID, p_year INTEGER, p_sessions INTEGER, p_minutes INTEGER, p_on DATE)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ojt_staff_year" ("staffId", "fiscalYear", "sessions", "minutes", "lastOn")
  VALUES (p_staff, p_year, p_sessions, p_minutes, CASE WHEN p_sessions > 0 THEN p_on END)
  ON CONFLICT ("staffId", "fiscalYear") DO UPDATE
    SET "sessions" = "ojt_staff_year"."sessions" + EXCLUDED."sessions",
        "minutes" = "ojt_staff_year"."minutes" + EXCLUDED."minutes",
        "lastOn" = CASE
          WHEN p_sessions > 0 THEN GREATEST("ojt_staff_year"."lastOn", p_on)
          ELSE (SELECT MAX("occurredOn") FROM "ojt_session" WHERE "traineeId" = p_staff AND "fiscalYear" = p_year)
        END;
END;
$$;

CREATE FUNCTION "ojt_session_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "ojt_staff_year_apply"(OLD."traineeId", OLD."fiscalYear", -1, -OLD."minutes", OLD."occurredOn");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "ojt_staff_year_apply"(NEW."traineeId", NEW."fiscalYear", 1, NEW."minutes", NEW."occurredOn");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ojt_session_rollup" AFTER INSERT OR DELETE OR UPDATE OF "traineeId", "fiscalYear", "minutes", "occurredOn"
  ON "ojt_session" FOR EACH ROW EXECUTE FUNCTION "ojt_session_rollup"();

-- training_staff_year: accepted enrolments and completions
CREATE FUNCTION "training_application_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "training_staff_year" ("staffId", "fiscalYear", "accepted", "completed")
    VALUES (OLD."staffId", OLD."fiscalYear", -(OLD."status" = 'accepted')::int, -(OLD."completed")::int)
    ON CONFLICT ("staffId", "fiscalYear") DO UPDATE
      SET "accepted" = "training_staff_year"."accepted" + EXCLUDED."accepted",
          "completed" = "training_staff_year"."completed" + EXCLUDED."completed";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "training_staff_year" ("staffId", "fiscalYear", "accepted", "completed")
    VALUES (NEW."staffId", NEW."fiscalYear", (NEW."status" = 'accepted')::int, (NEW."completed")::int)
    ON CONFLICT ("staffId", "fiscalYear") DO UPDATE
      SET "accepted" = "training_staff_year"."accepted" + EXCLUDED."accepted",
          "completed" = "training_staff_year"."completed" + EXCLUDED."completed";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "training_application_rollup" AFTER INSERT OR DELETE OR UPDATE OF "staffId", "fiscalYear", "status", "completed"
  ON "training_application" FOR EACH ROW EXECUTE FUNCTION "training_application_rollup"();
