-- CreateEnum
CREATE TYPE "OrgUnitKind" AS ENUM ('bureau', 'ward', 'department', 'division', 'section');

-- CreateEnum
CREATE TYPE "SystemRole" AS ENUM ('hr_admin');

-- CreateTable
CREATE TABLE "org_unit" (
    "id" UUID NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "kind" "OrgUnitKind" NOT NULL,
    "nameJa" VARCHAR(200) NOT NULL,
    "nameEn" VARCHAR(200) NOT NULL,
    "parentId" UUID,
    "path" VARCHAR(400) NOT NULL,
    "bureauId" UUID,
    "position" INTEGER NOT NULL DEFAULT 0,
    "validFrom" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validTo" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "org_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "grade" (
    "id" UUID NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "rank" INTEGER NOT NULL,
    "nameJa" VARCHAR(100) NOT NULL,
    "nameEn" VARCHAR(100) NOT NULL,
    "managerial" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "grade_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_family" (
    "id" UUID NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "nameJa" VARCHAR(100) NOT NULL,
    "nameEn" VARCHAR(100) NOT NULL,

    CONSTRAINT "job_family_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff" (
    "id" UUID NOT NULL,
    "employeeNumber" VARCHAR(16) NOT NULL,
    "nameJa" VARCHAR(100) NOT NULL,
    "nameKana" VARCHAR(100) NOT NULL,
    "nameEn" VARCHAR(100) NOT NULL,
    "loginId" VARCHAR(64) NOT NULL,
    "email" VARCHAR(254),
    "jobFamilyId" UUID NOT NULL,
    "hireDate" DATE NOT NULL,
    "passwordHash" VARCHAR(255),
    "systemRoles" "SystemRole"[] DEFAULT ARRAY[]::"SystemRole"[],
    "disabledAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assignment" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "orgUnitId" UUID NOT NULL,
    "gradeId" UUID NOT NULL,
    "postJa" VARCHAR(100),
    "postEn" VARCHAR(100),
    "isHead" BOOLEAN NOT NULL DEFAULT false,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervisor_override" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "supervisorId" UUID NOT NULL,
    "reason" VARCHAR(500),
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,

    CONSTRAINT "supervisor_override_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_role_holding" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "promotionRoleId" UUID NOT NULL,
    "orgUnitId" UUID,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,

    CONSTRAINT "promotion_role_holding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" VARCHAR(64) NOT NULL,
    "staffId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "ip" VARCHAR(64),
    "userAgent" VARCHAR(300),

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_bucket" (
    "key" VARCHAR(200) NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limit_bucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" VARCHAR(64) NOT NULL,
    "entityType" VARCHAR(64),
    "entityId" VARCHAR(64),
    "before" JSONB,
    "after" JSONB,
    "ip" VARCHAR(64),
    "requestId" VARCHAR(64),

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_code_key" ON "org_unit"("code");

-- CreateIndex
CREATE INDEX "org_unit_parentId_idx" ON "org_unit"("parentId");

-- CreateIndex
CREATE INDEX "org_unit_path_idx" ON "org_unit"("path");

-- CreateIndex
CREATE INDEX "org_unit_bureauId_idx" ON "org_unit"("bureauId");

-- CreateIndex
CREATE UNIQUE INDEX "grade_code_key" ON "grade"("code");

-- CreateIndex
CREATE UNIQUE INDEX "grade_rank_key" ON "grade"("rank");

-- CreateIndex
CREATE UNIQUE INDEX "job_family_code_key" ON "job_family"("code");

-- CreateIndex
CREATE UNIQUE INDEX "staff_employeeNumber_key" ON "staff"("employeeNumber");

-- CreateIndex
CREATE UNIQUE INDEX "staff_loginId_key" ON "staff"("loginId");

-- CreateIndex
CREATE INDEX "staff_nameKana_idx" ON "staff"("nameKana");

-- CreateIndex
CREATE INDEX "assignment_orgUnitId_endsOn_idx" ON "assignment"("orgUnitId", "endsOn");

-- CreateIndex
CREATE INDEX "assignment_staffId_endsOn_idx" ON "assignment"("staffId", "endsOn");

-- CreateIndex
CREATE UNIQUE INDEX "assignment_staffId_startsOn_orgUnitId_key" ON "assignment"("staffId", "startsOn", "orgUnitId");

-- CreateIndex
CREATE INDEX "supervisor_override_staffId_idx" ON "supervisor_override"("staffId");

-- CreateIndex
CREATE INDEX "supervisor_override_supervisorId_idx" ON "supervisor_override"("supervisorId");

-- CreateIndex
CREATE INDEX "promotion_role_holding_staffId_idx" ON "promotion_role_holding"("staffId");

-- CreateIndex
CREATE INDEX "session_staffId_idx" ON "session"("staffId");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_actorId_at_idx" ON "audit_log"("actorId", "at");

-- CreateIndex
CREATE INDEX "audit_log_entityType_entityId_idx" ON "audit_log"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff" ADD CONSTRAINT "staff_jobFamilyId_fkey" FOREIGN KEY ("jobFamilyId") REFERENCES "job_family"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_gradeId_fkey" FOREIGN KEY ("gradeId") REFERENCES "grade"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervisor_override" ADD CONSTRAINT "supervisor_override_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervisor_override" ADD CONSTRAINT "supervisor_override_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_role_holding" ADD CONSTRAINT "promotion_role_holding_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_role_holding" ADD CONSTRAINT "promotion_role_holding_promotionRoleId_fkey" FOREIGN KEY ("promotionRoleId") REFERENCES "promotion_role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_role_holding" ADD CONSTRAINT "promotion_role_holding_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit log is append-only.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
