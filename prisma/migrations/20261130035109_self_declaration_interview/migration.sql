-- AlterTable
ALTER TABLE "self_declaration" ADD COLUMN     "oneOnOneId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "self_declaration_oneOnOneId_key" ON "self_declaration"("oneOnOneId");

-- AddForeignKey
ALTER TABLE "self_declaration" ADD CONSTRAINT "self_declaration_oneOnOneId_fkey" FOREIGN KEY ("oneOnOneId") REFERENCES "one_on_one"("id") ON DELETE SET NULL ON UPDATE CASCADE;
