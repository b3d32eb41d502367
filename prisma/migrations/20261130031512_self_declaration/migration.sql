-- CreateEnum
CREATE TYPE "SelfDeclarationStatus" AS ENUM ('draft', 'submitted', 'interviewed');

-- CreateTable
CREATE TABLE "self_declaration_round" (
    "id" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "titleJa" VARCHAR(200) NOT NULL,
    "titleEn" VARCHAR(200) NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "bureauIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "gradeIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "createdById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "self_declaration_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "self_declaration_career_field" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "nameJa" VARCHAR(200) NOT NULL,
    "nameEn" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "self_declaration_career_field_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "self_declaration_public_post" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "titleJa" VARCHAR(200) NOT NULL,
    "titleEn" VARCHAR(200) NOT NULL,
    "orgUnitId" UUID,
    "description" TEXT NOT NULL DEFAULT '',
    "openings" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "self_declaration_public_post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "self_declaration" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "status" "SelfDeclarationStatus" NOT NULL DEFAULT 'draft',
    "bureauId" UUID,
    "reflection" TEXT NOT NULL DEFAULT '',
    "desiredUnitIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "desiredJobFamilyIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "desiredWork" TEXT NOT NULL DEFAULT '',
    "careerFieldIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "publicPostIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "careerVision" TEXT NOT NULL DEFAULT '',
    "careerPlanId" UUID,
    "submittedAt" TIMESTAMPTZ(3),
    "interviewedOn" DATE,
    "interviewerId" UUID,
    "supervisorOpinion" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "self_declaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "self_declaration_consideration" (
    "declarationId" UUID NOT NULL,
    "health" TEXT NOT NULL DEFAULT '',
    "care" TEXT NOT NULL DEFAULT '',
    "family" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "self_declaration_consideration_pkey" PRIMARY KEY ("declarationId")
);

-- CreateIndex
CREATE INDEX "self_declaration_round_opensOn_closesOn_idx" ON "self_declaration_round"("opensOn", "closesOn");

-- CreateIndex
CREATE INDEX "self_declaration_round_fiscalYear_idx" ON "self_declaration_round"("fiscalYear");

-- CreateIndex
CREATE INDEX "self_declaration_career_field_roundId_idx" ON "self_declaration_career_field"("roundId");

-- CreateIndex
CREATE INDEX "self_declaration_public_post_roundId_idx" ON "self_declaration_public_post"("roundId");

-- CreateIndex
CREATE INDEX "self_declaration_staffId_idx" ON "self_declaration"("staffId");

-- CreateIndex
CREATE INDEX "self_declaration_roundId_bureauId_status_idx" ON "self_declaration"("roundId", "bureauId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "self_declaration_roundId_staffId_key" ON "self_declaration"("roundId", "staffId");

-- AddForeignKey
ALTER TABLE "self_declaration_career_field" ADD CONSTRAINT "self_declaration_career_field_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "self_declaration_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_declaration_public_post" ADD CONSTRAINT "self_declaration_public_post_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "self_declaration_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_declaration" ADD CONSTRAINT "self_declaration_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "self_declaration_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_declaration" ADD CONSTRAINT "self_declaration_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_declaration_consideration" ADD CONSTRAINT "self_declaration_consideration_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "self_declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
