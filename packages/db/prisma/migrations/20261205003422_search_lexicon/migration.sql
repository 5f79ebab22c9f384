-- Near spellings for search (docs/decisions/0031-near-spelling-lexicon.md): the words of the PUBLISHED
-- localizations per language, with how many contain each, searchable by trigram similarity (pg_trgm, which PGlite
-- ships too: packages/db/src/embedded-server.ts loads it). The tables are Prisma's; the extension, the functions
-- and the triggers below are HAND-WRITTEN (Prisma cannot declare them, and its diff ignores them).
-- Both extensions are trusted: the database's owner may create them. fuzzystrmatch's edit distance keeps trigram
-- look-alikes that are other words out (الاسلامي/الاسلحة share as many trigrams as تيلوبيردي/تليوبيردي).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- CreateTable
CREATE TABLE "search_lexicon" (
    "locale" "Locale" NOT NULL,
    "word" TEXT NOT NULL,
    "documents" INTEGER NOT NULL,

    CONSTRAINT "search_lexicon_pkey" PRIMARY KEY ("locale","word")
);

-- CreateTable
CREATE TABLE "search_lexicon_documents" (
    "localization_id" INTEGER NOT NULL,

    CONSTRAINT "search_lexicon_documents_pkey" PRIMARY KEY ("localization_id")
);

-- CreateTable
CREATE TABLE "search_lexicon_queue" (
    "localization_id" INTEGER NOT NULL,
    "queued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_lexicon_queue_pkey" PRIMARY KEY ("localization_id")
);

-- CreateIndex
CREATE INDEX "search_lexicon_word_trgm_idx" ON "search_lexicon" USING GIN ("word" gin_trgm_ops);

-- The lexicon's words of a text, in the form the search gives query words (packages/db/src/search/lexicon.ts,
-- normalizeLexiconWord): Arabic through minbar_normalize_ar, then lower case, ё as е, split at anything but letters
-- and digits. Words with digits (years, figures: 2024 is not a misspelling of 2025), of one letter, or longer than
-- a query word may be (64) are left out. IMMUTABLE because the delete trigger recomputes an old text's words to
-- uncount them: a change to these rules must rebuild the lexicon in its migration.
CREATE FUNCTION minbar_lexicon_words(locale "Locale", title text, summary text, body jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $fn$
  SELECT coalesce(array_agg(DISTINCT w), '{}')
  FROM (SELECT concat_ws(' ', title, summary, minbar_blocks_text(body)) AS t) raw,
    LATERAL (SELECT CASE WHEN locale = 'ar' THEN minbar_normalize_ar(raw.t)
                         WHEN raw.t IS NFC NORMALIZED THEN raw.t ELSE normalize(raw.t, NFC) END AS t) n,
    LATERAL regexp_split_to_table(translate(lower(n.t), 'ё', 'е'), '[^[:alnum:]]+') AS w
  WHERE char_length(w) BETWEEN 2 AND 64 AND w !~ '[[:digit:]]'
$fn$;

-- What readers can see: the rule of public-articles.ts and search-articles.ts.
CREATE FUNCTION minbar_lexicon_visible(status "ArticleStatus", published_at timestamp, title text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $fn$
  SELECT status = 'published' AND published_at IS NOT NULL AND title IS NOT NULL
$fn$;

-- A text that stops being readable (unpublished, edited, deleted) loses its words at once, in the writer's own
-- transaction, so no reader is ever offered a word only a withdrawn text had. A text that becomes readable is only
-- queued: counting its words costs about a millisecond, which the bulk import must not pay per article, and
-- refreshSearchLexicon counts the queue in batches (a new text's words may lag by the refresh interval).
CREATE FUNCTION minbar_search_lexicon_track() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
DECLARE
  old_words text[];
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search_lexicon_documents WHERE localization_id = OLD.id;
    IF FOUND THEN
      old_words := minbar_lexicon_words(OLD.locale, OLD.title, OLD.summary, OLD.body);
      -- In word order, as the refresh locks them, so that the two never deadlock.
      UPDATE search_lexicon SET documents = documents - 1
      WHERE locale = OLD.locale AND word = ANY (old_words);
      DELETE FROM search_lexicon WHERE locale = OLD.locale AND word = ANY (old_words) AND documents <= 0;
    END IF;
    DELETE FROM search_lexicon_queue WHERE localization_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' AND minbar_lexicon_visible(NEW.status, NEW.published_at, NEW.title) THEN
    INSERT INTO search_lexicon_queue (localization_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER article_localizations_search_lexicon_insert
AFTER INSERT ON article_localizations
FOR EACH ROW WHEN (minbar_lexicon_visible(NEW.status, NEW.published_at, NEW.title))
EXECUTE FUNCTION minbar_search_lexicon_track();

-- Only when readability or the words' sources change: a workflow move, a date or a version bump costs nothing.
CREATE TRIGGER article_localizations_search_lexicon_update
AFTER UPDATE ON article_localizations
FOR EACH ROW WHEN (
  (minbar_lexicon_visible(OLD.status, OLD.published_at, OLD.title) OR minbar_lexicon_visible(NEW.status, NEW.published_at, NEW.title))
  AND (minbar_lexicon_visible(OLD.status, OLD.published_at, OLD.title) IS DISTINCT FROM minbar_lexicon_visible(NEW.status, NEW.published_at, NEW.title)
    OR OLD.id IS DISTINCT FROM NEW.id OR OLD.locale IS DISTINCT FROM NEW.locale OR OLD.title IS DISTINCT FROM NEW.title
    OR OLD.summary IS DISTINCT FROM NEW.summary OR OLD.body IS DISTINCT FROM NEW.body))
EXECUTE FUNCTION minbar_search_lexicon_track();

CREATE TRIGGER article_localizations_search_lexicon_delete
AFTER DELETE ON article_localizations
FOR EACH ROW WHEN (minbar_lexicon_visible(OLD.status, OLD.published_at, OLD.title))
EXECUTE FUNCTION minbar_search_lexicon_track();

-- Counts up to `max_documents` queued texts that are readable now, in one transaction; returns how many queued
-- entries it took. One refresher at a time: a second caller returns 0 at once. The texts are locked while counted,
-- so an unpublish meanwhile waits for this to commit and then uncounts them (never counted-after-unpublished).
CREATE FUNCTION minbar_refresh_search_lexicon(max_documents integer) RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
  taken integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(4031031) THEN
    RETURN 0;
  END IF;
  WITH batch AS (
    DELETE FROM search_lexicon_queue
    WHERE localization_id IN (
      SELECT localization_id FROM search_lexicon_queue ORDER BY localization_id LIMIT max_documents)
    RETURNING localization_id
  ), docs AS (
    SELECT l.id, l.locale, minbar_lexicon_words(l.locale, l.title, l.summary, l.body) AS words
    FROM article_localizations l
    WHERE l.id IN (SELECT localization_id FROM batch)
      AND minbar_lexicon_visible(l.status, l.published_at, l.title)
      AND NOT EXISTS (SELECT 1 FROM search_lexicon_documents d WHERE d.localization_id = l.id)
    FOR SHARE OF l
  ), counted AS (
    INSERT INTO search_lexicon_documents (localization_id) SELECT id FROM docs
  ), words AS (
    INSERT INTO search_lexicon (locale, word, documents)
    SELECT docs.locale, w, count(*) FROM docs, unnest(docs.words) AS w
    GROUP BY docs.locale, w ORDER BY docs.locale, w
    ON CONFLICT (locale, word) DO UPDATE SET documents = search_lexicon.documents + EXCLUDED.documents
  )
  SELECT count(*) INTO taken FROM batch;
  RETURN taken;
END
$fn$;

-- Texts published before this migration are counted by the first refresh.
INSERT INTO search_lexicon_queue (localization_id)
SELECT id FROM article_localizations WHERE minbar_lexicon_visible(status, published_at, title);
