-- CreateTable
CREATE TABLE "published_search_entries" (
    "localization_id" INTEGER NOT NULL,
    "locale" "Locale" NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL,
    "search_vector" tsvector,

    CONSTRAINT "published_search_entries_pkey" PRIMARY KEY ("localization_id")
);

-- CreateIndex
CREATE INDEX "published_search_entries_search_vector_idx" ON "published_search_entries" USING GIN ("search_vector");

-- Hand-written from here (Prisma cannot declare storage settings or triggers; see docs/decisions/0028).
-- Vectors out of line: a row is then a few dozen bytes, so the matches of a common word sit on a few hundred pages.
ALTER TABLE "published_search_entries" ALTER COLUMN "search_vector" SET STORAGE EXTERNAL;
ALTER TABLE "published_search_entries" SET (toast_tuple_target = 128);

-- One row per localization readers can see (minbar_lexicon_visible: published, dated, titled), with the search
-- vector the BEFORE triggers just made; gone as soon as it is not readable any more.
CREATE FUNCTION minbar_published_search_entry() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.id <> NEW.id) THEN
    DELETE FROM published_search_entries WHERE localization_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF minbar_lexicon_visible(NEW.status, NEW.published_at, NEW.title) THEN
      INSERT INTO published_search_entries (localization_id, locale, published_at, search_vector)
      VALUES (NEW.id, NEW.locale, NEW.published_at, NEW.search_vector)
      ON CONFLICT (localization_id) DO UPDATE
        SET locale = EXCLUDED.locale, published_at = EXCLUDED.published_at, search_vector = EXCLUDED.search_vector;
    ELSE
      DELETE FROM published_search_entries WHERE localization_id = NEW.id;
    END IF;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER article_localizations_published_search_insert
AFTER INSERT ON article_localizations
FOR EACH ROW WHEN (minbar_lexicon_visible(NEW.status, NEW.published_at, NEW.title))
EXECUTE FUNCTION minbar_published_search_entry();

-- Only when what the entry holds may change: a workflow move of a draft or a version bump costs nothing.
CREATE TRIGGER article_localizations_published_search_update
AFTER UPDATE ON article_localizations
FOR EACH ROW WHEN (
  (minbar_lexicon_visible(OLD.status, OLD.published_at, OLD.title) OR minbar_lexicon_visible(NEW.status, NEW.published_at, NEW.title))
  AND (minbar_lexicon_visible(OLD.status, OLD.published_at, OLD.title) IS DISTINCT FROM minbar_lexicon_visible(NEW.status, NEW.published_at, NEW.title)
    OR OLD.id IS DISTINCT FROM NEW.id OR OLD.locale IS DISTINCT FROM NEW.locale
    OR OLD.published_at IS DISTINCT FROM NEW.published_at OR OLD.search_vector IS DISTINCT FROM NEW.search_vector))
EXECUTE FUNCTION minbar_published_search_entry();

CREATE TRIGGER article_localizations_published_search_delete
AFTER DELETE ON article_localizations
FOR EACH ROW WHEN (minbar_lexicon_visible(OLD.status, OLD.published_at, OLD.title))
EXECUTE FUNCTION minbar_published_search_entry();

INSERT INTO published_search_entries (localization_id, locale, published_at, search_vector)
SELECT id, locale, published_at, search_vector FROM article_localizations
WHERE minbar_lexicon_visible(status, published_at, title);
