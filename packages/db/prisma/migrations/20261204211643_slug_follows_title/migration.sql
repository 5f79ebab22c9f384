-- AlterTable
ALTER TABLE "article_localizations" ADD COLUMN     "slug_follows_title" BOOLEAN NOT NULL DEFAULT false;

-- Drafts started in the admin before this column kept a placeholder slug (`article`, `article-N`): they follow
-- their titles from now on, as new ones do.
UPDATE "article_localizations"
SET "slug_follows_title" = true
WHERE "status" = 'draft' AND "slug" ~ '^article(-[0-9a-f]+)?$';

-- A blank title is a warning whoever wrote the text (the importer already stored it for its own texts).
UPDATE "article_localizations"
SET "warnings" = CASE jsonb_typeof("warnings") WHEN 'array' THEN "warnings" ELSE '[]'::jsonb END
  || '[{"code": "missing_title", "message": "no title"}]'::jsonb
WHERE nullif(btrim("title"), '') IS NULL
  AND NOT (CASE jsonb_typeof("warnings") WHEN 'array' THEN "warnings" ELSE '[]'::jsonb END
    @> '[{"code": "missing_title"}]'::jsonb);
