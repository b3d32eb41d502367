-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "mailJob" UUID,
ADD COLUMN     "mailState" VARCHAR(16) NOT NULL DEFAULT 'new',
ADD COLUMN     "mailedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "notification_setting" (
    "staffId" UUID NOT NULL,
    "category" VARCHAR(32) NOT NULL,
    "mode" VARCHAR(16) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_setting_pkey" PRIMARY KEY ("staffId","category")
);

-- CreateIndex
CREATE INDEX "notification_mailState_recipientId_idx" ON "notification"("mailState", "recipientId");

-- AddForeignKey
ALTER TABLE "notification_setting" ADD CONSTRAINT "notification_setting_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;
