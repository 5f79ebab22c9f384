-- AlterTable
ALTER TABLE "article_localizations" ADD COLUMN     "pending_mark" "CorrectionKind",
ADD COLUMN     "pending_note" TEXT;
