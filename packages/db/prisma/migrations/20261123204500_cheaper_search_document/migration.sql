-- HAND-WRITTEN: the search document and article bodies, cheaper to write; stored data and results are unchanged.
--
-- minbar_search_vector as PL/pgSQL: as a SQL function it was inlined into the generated column's expression, which
-- PostgreSQL plans again for every INSERT or UPDATE statement, and its minbar_blocks_text call (a SQL function with
-- a FROM clause, never inlined) was parsed and planned again on every call. PL/pgSQL keeps its plans for the
-- session. Same output for every input as the function in migration `init`.
CREATE OR REPLACE FUNCTION minbar_search_vector(locale "Locale", title text, summary text, body jsonb) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $fn$
DECLARE
  body_text text;
BEGIN
  SELECT coalesce(string_agg(block ->> 'text', ' '), '') INTO body_text
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(body) = 'array' THEN body ELSE '[]'::jsonb END) AS block;
  IF locale = 'ar' THEN
    RETURN setweight(to_tsvector('arabic'::regconfig, minbar_normalize_ar(coalesce(title, ''))), 'A') ||
      setweight(to_tsvector('arabic'::regconfig, minbar_normalize_ar(coalesce(summary, ''))), 'B') ||
      setweight(to_tsvector('arabic'::regconfig, minbar_normalize_ar(body_text)), 'C');
  ELSIF locale = 'ru' THEN
    RETURN setweight(to_tsvector('russian'::regconfig, coalesce(title, '')), 'A') ||
      setweight(to_tsvector('russian'::regconfig, coalesce(summary, '')), 'B') ||
      setweight(to_tsvector('russian'::regconfig, body_text), 'C');
  END IF;
  RETURN setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, body_text), 'C');
END
$fn$;

-- Bodies (a few kilobytes of JSON each, stored twice: the localization and its revision) and search vectors are
-- compressed when stored; lz4 does that several times faster than the default pglz. Servers built without lz4
-- (the embedded PGlite among them) keep pglz.
DO $do$
BEGIN
  ALTER TABLE article_localizations ALTER COLUMN body SET COMPRESSION lz4;
  ALTER TABLE article_localizations ALTER COLUMN search_vector SET COMPRESSION lz4;
  ALTER TABLE revisions ALTER COLUMN body SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 compression is not available here; article bodies keep the default compression';
END
$do$;
