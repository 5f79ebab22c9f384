-- Every file imported so far was Arabic (the importer refused other languages), hence the default.
-- AlterTable
ALTER TABLE "wire_files" ADD COLUMN     "locale" "Locale" NOT NULL DEFAULT 'ar';

-- CreateIndex
CREATE INDEX "wire_files_article_id_locale_idx" ON "wire_files"("article_id", "locale");
