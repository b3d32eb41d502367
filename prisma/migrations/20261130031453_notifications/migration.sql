-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "category" VARCHAR(32) NOT NULL,
    "kind" VARCHAR(64) NOT NULL,
    "link" VARCHAR(500) NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "dedupeKey" VARCHAR(200),
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_recipientId_readAt_idx" ON "notification"("recipientId", "readAt");

-- CreateIndex
CREATE INDEX "notification_recipientId_id_idx" ON "notification"("recipientId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_recipientId_dedupeKey_key" ON "notification"("recipientId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;
