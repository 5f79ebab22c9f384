-- AlterTable
ALTER TABLE "article_localizations" ADD COLUMN     "acknowledged_at" TIMESTAMP(3),
ADD COLUMN     "acknowledged_by_id" INTEGER,
ADD COLUMN     "assignee_id" INTEGER,
ADD COLUMN     "outdated_at" TIMESTAMP(3),
ADD COLUMN     "source_revision_id" INTEGER;

-- CreateIndex
CREATE INDEX "article_localizations_assignee_id_idx" ON "article_localizations"("assignee_id");

-- CreateIndex
CREATE INDEX "article_localizations_locale_outdated_at_idx" ON "article_localizations"("locale", "outdated_at");

-- AddForeignKey
ALTER TABLE "article_localizations" ADD CONSTRAINT "article_localizations_source_revision_id_fkey" FOREIGN KEY ("source_revision_id") REFERENCES "revisions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_localizations" ADD CONSTRAINT "article_localizations_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_localizations" ADD CONSTRAINT "article_localizations_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Translations from before this migration count as made from their original's current text (its latest applied
-- revision): nothing recorded otherwise, and marking them all outdated would bury the queue.
UPDATE "article_localizations" AS t
SET "source_revision_id" = (
  SELECT r."id"
  FROM "articles" a
  JOIN "article_localizations" o ON o."article_id" = a."id" AND o."locale" = a."original_locale"
  JOIN "revisions" r ON r."localization_id" = o."id" AND r."applied"
  WHERE a."id" = t."article_id"
  ORDER BY r."number" DESC
  LIMIT 1
)
FROM "articles" a
WHERE a."id" = t."article_id" AND t."locale" <> a."original_locale";
