-- 配慮事項 encrypted at rest (decision 033). The plaintext columns stay only until the server starts:
-- it seals every row still in clear with SENSITIVE_DATA_KEY and sets those columns to NULL.
-- AlterTable
ALTER TABLE "self_declaration_consideration" ADD COLUMN     "keyId" TEXT,
ADD COLUMN     "sealed" TEXT,
ALTER COLUMN "health" DROP NOT NULL,
ALTER COLUMN "health" DROP DEFAULT,
ALTER COLUMN "care" DROP NOT NULL,
ALTER COLUMN "care" DROP DEFAULT,
ALTER COLUMN "family" DROP NOT NULL,
ALTER COLUMN "family" DROP DEFAULT;
