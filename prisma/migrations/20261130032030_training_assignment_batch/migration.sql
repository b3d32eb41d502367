-- AlterTable
ALTER TABLE "training_application" ADD COLUMN     "batchId" UUID;

-- CreateTable
CREATE TABLE "training_assignment_batch" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "gradeIds" UUID[],
    "matched" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "waitlisted" INTEGER NOT NULL,
    "skipped" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMPTZ(3),
    "undoneById" UUID,
    "undoneCount" INTEGER,

    CONSTRAINT "training_assignment_batch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "training_assignment_batch_sessionId_createdAt_idx" ON "training_assignment_batch"("sessionId", "createdAt");

-- CreateIndex
CREATE INDEX "training_application_batchId_idx" ON "training_application"("batchId");

-- AddForeignKey
ALTER TABLE "training_application" ADD CONSTRAINT "training_application_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "training_assignment_batch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_assignment_batch" ADD CONSTRAINT "training_assignment_batch_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "training_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
