-- CreateEnum
CREATE TYPE "AccountTokenKind" AS ENUM ('invitation', 'reset');

-- AlterTable
ALTER TABLE "rate_limit_bucket" ADD COLUMN     "blockedUntil" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "session" ADD COLUMN     "stage" VARCHAR(8) NOT NULL DEFAULT 'full';

-- AlterTable
ALTER TABLE "staff" ADD COLUMN     "lastSignInAt" TIMESTAMPTZ(3),
ADD COLUMN     "mfaEnabledAt" TIMESTAMPTZ(3),
ADD COLUMN     "passwordSetAt" TIMESTAMPTZ(3),
ADD COLUMN     "totpPendingSecret" VARCHAR(64),
ADD COLUMN     "totpSecret" VARCHAR(64);

-- CreateTable
CREATE TABLE "account_token" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "kind" "AccountTokenKind" NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "account_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mfa_recovery_code" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "codeHash" VARCHAR(64) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "mfa_recovery_code_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "account_token_tokenHash_key" ON "account_token"("tokenHash");

-- CreateIndex
CREATE INDEX "account_token_staffId_kind_idx" ON "account_token"("staffId", "kind");

-- CreateIndex
CREATE INDEX "mfa_recovery_code_staffId_idx" ON "mfa_recovery_code"("staffId");

-- AddForeignKey
ALTER TABLE "account_token" ADD CONSTRAINT "account_token_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mfa_recovery_code" ADD CONSTRAINT "mfa_recovery_code_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;
