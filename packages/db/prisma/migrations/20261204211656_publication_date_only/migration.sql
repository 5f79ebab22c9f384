-- Whether a publication time is only a day (a wire file's date line): such a localization's published_at is that
-- day's midnight UTC and readers are shown the date alone (docs/decisions/0021-date-only-publication.md).
-- AlterTable
ALTER TABLE "article_localizations" ADD COLUMN     "published_date_only" BOOLEAN NOT NULL DEFAULT false;

-- HAND-WRITTEN: the importer (and the editor's story-date field) stored such a day as noon UTC. A wire article's
-- localization dated exactly 12:00:00.000 got its date that way: it becomes the day, at midnight.
UPDATE article_localizations l
SET published_date_only = true, published_at = date_trunc('day', l.published_at)
WHERE l.published_at IS NOT NULL
  AND l.published_at = date_trunc('day', l.published_at) + interval '12 hours'
  AND EXISTS (SELECT 1 FROM wire_files w WHERE w.article_id = l.article_id);
