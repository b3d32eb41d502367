-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PlanPeriodStatus" AS ENUM ('draft', 'review', 'published');

-- CreateTable
CREATE TABLE "policy" (
    "id" UUID NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "revisionJa" TEXT NOT NULL,
    "revisionEn" TEXT NOT NULL,
    "revisedFiscalYear" INTEGER NOT NULL,
    "summaryJa" TEXT[],
    "summaryEn" TEXT[],
    "startFiscalYear" INTEGER NOT NULL,
    "endFiscalYear" INTEGER NOT NULL,
    "periodLabelJa" TEXT NOT NULL,
    "periodLabelEn" TEXT NOT NULL,
    "planCycleNoteJa" TEXT NOT NULL,
    "planCycleNoteEn" TEXT NOT NULL,
    "priorityIntroJa" TEXT NOT NULL,
    "priorityIntroEn" TEXT NOT NULL,
    "inForce" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_image" (
    "id" UUID NOT NULL,
    "policyId" UUID NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "position" INTEGER NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionsJa" TEXT[],
    "descriptionsEn" TEXT[],

    CONSTRAINT "staff_image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "priority_policy" (
    "id" UUID NOT NULL,
    "policyId" UUID NOT NULL,
    "tagCode" VARCHAR(32) NOT NULL,
    "tagLabelJa" TEXT NOT NULL,
    "tagLabelEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,

    CONSTRAINT "priority_policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "focus_item" (
    "id" UUID NOT NULL,
    "priorityPolicyId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "textJa" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,

    CONSTRAINT "focus_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_area" (
    "id" UUID NOT NULL,
    "policyId" UUID NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "position" INTEGER NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionJa" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,

    CONSTRAINT "policy_area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "initiative" (
    "id" UUID NOT NULL,
    "areaId" UUID NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "position" INTEGER NOT NULL,
    "marker" VARCHAR(4) NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "exampleActionJa" TEXT NOT NULL,
    "exampleActionEn" TEXT NOT NULL,

    CONSTRAINT "initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "initiative_tag" (
    "initiativeId" UUID NOT NULL,
    "priorityPolicyId" UUID NOT NULL,

    CONSTRAINT "initiative_tag_pkey" PRIMARY KEY ("initiativeId","priorityPolicyId")
);

-- CreateTable
CREATE TABLE "promotion_body" (
    "id" UUID NOT NULL,
    "policyId" UUID NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "position" INTEGER NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "promotion_body_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_role" (
    "id" UUID NOT NULL,
    "bodyId" UUID NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "position" INTEGER NOT NULL,
    "holderJa" TEXT NOT NULL,
    "holderEn" TEXT NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,

    CONSTRAINT "promotion_role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actor" (
    "id" UUID NOT NULL,
    "policyId" UUID NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "position" INTEGER NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "dutiesJa" TEXT[],
    "dutiesEn" TEXT[],

    CONSTRAINT "actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_period" (
    "id" UUID NOT NULL,
    "policyId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "startFiscalYear" INTEGER NOT NULL,
    "endFiscalYear" INTEGER NOT NULL,
    "status" "PlanPeriodStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "plan_period_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "policy_code_key" ON "policy"("code");

-- CreateIndex
CREATE UNIQUE INDEX "staff_image_policyId_code_key" ON "staff_image"("policyId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "staff_image_policyId_position_key" ON "staff_image"("policyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "priority_policy_policyId_tagCode_key" ON "priority_policy"("policyId", "tagCode");

-- CreateIndex
CREATE UNIQUE INDEX "priority_policy_policyId_position_key" ON "priority_policy"("policyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "focus_item_priorityPolicyId_position_key" ON "focus_item"("priorityPolicyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "policy_area_policyId_code_key" ON "policy_area"("policyId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "policy_area_policyId_position_key" ON "policy_area"("policyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "initiative_areaId_position_key" ON "initiative"("areaId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "initiative_areaId_code_key" ON "initiative"("areaId", "code");

-- CreateIndex
CREATE INDEX "initiative_tag_priorityPolicyId_idx" ON "initiative_tag"("priorityPolicyId");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_body_policyId_code_key" ON "promotion_body"("policyId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_role_bodyId_code_key" ON "promotion_role"("bodyId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "actor_policyId_code_key" ON "actor"("policyId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "plan_period_policyId_ordinal_key" ON "plan_period"("policyId", "ordinal");

-- AddForeignKey
ALTER TABLE "staff_image" ADD CONSTRAINT "staff_image_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "priority_policy" ADD CONSTRAINT "priority_policy_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "focus_item" ADD CONSTRAINT "focus_item_priorityPolicyId_fkey" FOREIGN KEY ("priorityPolicyId") REFERENCES "priority_policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_area" ADD CONSTRAINT "policy_area_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative" ADD CONSTRAINT "initiative_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "policy_area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_tag" ADD CONSTRAINT "initiative_tag_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_tag" ADD CONSTRAINT "initiative_tag_priorityPolicyId_fkey" FOREIGN KEY ("priorityPolicyId") REFERENCES "priority_policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_body" ADD CONSTRAINT "promotion_body_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_role" ADD CONSTRAINT "promotion_role_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "promotion_body"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actor" ADD CONSTRAINT "actor_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_period" ADD CONSTRAINT "plan_period_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;
