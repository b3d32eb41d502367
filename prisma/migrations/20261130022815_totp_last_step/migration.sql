-- AlterTable
ALTER TABLE "staff" ADD COLUMN     "totpLastStep" INTEGER;
