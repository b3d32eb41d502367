-- CreateIndex
CREATE INDEX "ojt_session_occurredOn_createdAt_id_idx" ON "ojt_session"("occurredOn" DESC, "createdAt" DESC, "id" DESC);
