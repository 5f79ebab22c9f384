-- HAND-WRITTEN: a writer may hand PostgreSQL the search document's normalized text, so that only to_tsvector is
-- left to the database. Stored search vectors and search results are unchanged.
--
-- Why: an imported article's search document cost PostgreSQL about 1.3 ms of CPU, a third of it the Arabic
-- normalization in SQL (regular expressions over ~3,000 characters). The same normalization in TypeScript
-- (packages/db/src/search/normalize-arabic.ts, proven identical by tests on the seeds and on generated strings)
-- costs the importer a few hundredths of that.
--
-- One definition of the document: minbar_search_document builds it from text that is already normalized (which
-- configuration per language, which weight per part). minbar_search_vector, from the stored columns, normalizes
-- in SQL and calls it; packages/db/src/search/search-document.ts gives the same normalized parts in TypeScript.
CREATE FUNCTION minbar_search_document(locale "Locale", title text, summary text, body_text text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $fn$
DECLARE
  config regconfig := CASE locale WHEN 'ar' THEN 'arabic'::regconfig WHEN 'ru' THEN 'russian'::regconfig ELSE 'english'::regconfig END;
BEGIN
  RETURN setweight(to_tsvector(config, coalesce(title, '')), 'A') ||
    setweight(to_tsvector(config, coalesce(summary, '')), 'B') ||
    setweight(to_tsvector(config, coalesce(body_text, '')), 'C');
END
$fn$;

-- Same output for every input as before (migrations `init` and `cheaper_search_document`).
CREATE OR REPLACE FUNCTION minbar_search_vector(locale "Locale", title text, summary text, body jsonb) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $fn$
DECLARE
  body_text text;
BEGIN
  SELECT coalesce(string_agg(block ->> 'text', ' '), '') INTO body_text
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(body) = 'array' THEN body ELSE '[]'::jsonb END) AS block;
  IF locale = 'ar' THEN
    RETURN minbar_search_document(locale, minbar_normalize_ar(coalesce(title, '')),
      minbar_normalize_ar(coalesce(summary, '')), minbar_normalize_ar(body_text));
  END IF;
  RETURN minbar_search_document(locale, title, summary, body_text);
END
$fn$;

-- The column keeps its values; a trigger now fills it instead of the generation expression, and it takes a vector
-- the writer built itself with minbar_search_document (the importer does, from normalizeArabicForSearch's text).
ALTER TABLE article_localizations ALTER COLUMN search_vector DROP EXPRESSION;

CREATE FUNCTION minbar_fill_search_vector() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
  NEW.search_vector := minbar_search_vector(NEW.locale, NEW.title, NEW.summary, NEW.body);
  RETURN NEW;
END
$fn$;

-- An insert without a vector (every writer but the importer: Prisma cannot write a tsvector) gets one.
CREATE TRIGGER article_localizations_search_vector_insert
BEFORE INSERT ON article_localizations
FOR EACH ROW WHEN (NEW.search_vector IS NULL)
EXECUTE FUNCTION minbar_fill_search_vector();

-- An update that sets the text and not a new vector alongside (an editor's save, restore, the importer's update
-- path) gets it recomputed, as the generated column was. An update that sets neither (a workflow move) costs nothing.
CREATE TRIGGER article_localizations_search_vector_update
BEFORE UPDATE OF locale, title, summary, body ON article_localizations
FOR EACH ROW WHEN (NEW.search_vector IS NULL OR NEW.search_vector IS NOT DISTINCT FROM OLD.search_vector)
EXECUTE FUNCTION minbar_fill_search_vector();
