-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "preview_generation" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "revisions" ADD COLUMN     "restored_from_number" INTEGER;

-- AlterTable
ALTER TABLE "workflow_transitions" ADD COLUMN     "action" TEXT;
