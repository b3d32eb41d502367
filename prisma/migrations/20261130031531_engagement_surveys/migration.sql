-- CreateEnum
CREATE TYPE "SurveyQuestionKind" AS ENUM ('agreement5', 'scale10', 'single_choice', 'free_text');

-- CreateEnum
CREATE TYPE "SurveyStatus" AS ENUM ('draft', 'open', 'closed');

-- CreateTable
CREATE TABLE "survey_question" (
    "id" UUID NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "kind" "SurveyQuestionKind" NOT NULL,
    "textJa" VARCHAR(500) NOT NULL,
    "textEn" VARCHAR(500) NOT NULL,
    "choices" JSONB NOT NULL DEFAULT '[]',
    "staffImageIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "initiativeIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "survey_question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey" (
    "id" UUID NOT NULL,
    "titleJa" VARCHAR(200) NOT NULL,
    "titleEn" VARCHAR(200) NOT NULL,
    "descriptionJa" VARCHAR(2000) NOT NULL DEFAULT '',
    "descriptionEn" VARCHAR(2000) NOT NULL DEFAULT '',
    "fiscalYear" INTEGER NOT NULL,
    "status" "SurveyStatus" NOT NULL DEFAULT 'draft',
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "populationBureauIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "populationGradeIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "populationYoungOnly" BOOLEAN NOT NULL DEFAULT false,
    "minGroupSize" INTEGER NOT NULL DEFAULT 5,
    "questions" JSONB NOT NULL DEFAULT '[]',
    "previousId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_participation" (
    "surveyId" UUID NOT NULL,
    "staffId" UUID NOT NULL,

    CONSTRAINT "survey_participation_pkey" PRIMARY KEY ("surveyId","staffId")
);

-- CreateTable
CREATE TABLE "survey_draft" (
    "surveyId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "survey_draft_pkey" PRIMARY KEY ("surveyId","staffId")
);

-- CreateTable
CREATE TABLE "survey_response" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "surveyId" UUID NOT NULL,
    "bureauId" UUID,
    "unitId" UUID,
    "gradeBand" VARCHAR(16),
    "serviceBand" VARCHAR(16),
    "young" BOOLEAN,
    "answers" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "survey_response_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "survey_question_code_key" ON "survey_question"("code");

-- CreateIndex
CREATE INDEX "survey_status_opensOn_idx" ON "survey"("status", "opensOn");

-- CreateIndex
CREATE INDEX "survey_participation_staffId_idx" ON "survey_participation"("staffId");

-- CreateIndex
CREATE INDEX "survey_response_surveyId_bureauId_idx" ON "survey_response"("surveyId", "bureauId");

-- AddForeignKey
ALTER TABLE "survey_participation" ADD CONSTRAINT "survey_participation_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_draft" ADD CONSTRAINT "survey_draft_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;
