// Creates a new article from a wire file in ONE SQL statement, so it is atomic without a transaction round trip.
import { makeSlug, searchDocumentText, slugCandidates } from "@minbar/db";
import { describePhotoCredit, describeSource } from "./attribution.ts";
import { blockingCodes, isBlocking, type ArticleFile, type ImportResult } from "./import-result.ts";
import type { SqlClient, SqlValue, Statement } from "./sql-client.ts";

/*
 * One statement is one transaction: if any part fails (a trigger, a full disk, a unique violation from a concurrent
 * import) nothing of it remains, the new agency record included. Every data-modifying CTE runs whether or not it is
 * referenced, so each one selects FROM `guard` (or from a row that did), and none writes anything once the file
 * turns out to be known already: its bytes were imported before, or its file key belongs to an article (then it is
 * an update, which the Prisma path handles). The statement then returns no row and the caller takes that path.
 *
 * The search document is built here from the title and body text normalized in TypeScript (searchDocumentText,
 * the same normalization as PostgreSQL's minbar_normalize_ar, proven by tests), which leaves PostgreSQL only
 * to_tsvector: the normalization in SQL cost it about a fifth of the article's CPU time.
 *
 * Agencies and credits: an existing record (visible to this statement's snapshot) is used as is, without locking
 * it, so articles citing TASS do not queue behind each other. Only when none is visible is one inserted; ON
 * CONFLICT DO UPDATE then returns the id of a record a concurrent import committed in the meantime instead of
 * failing. Slugs: the first candidate nobody holds, each candidate one probe of the unique (locale, slug) index,
 * which stays cheap however many articles exist. The probe is a scalar subquery on purpose: PostgreSQL cannot turn
 * it into a join, while `NOT EXISTS` or `<> ALL` became an anti-join that read every Arabic slug whenever the plan
 * was made on a small table, and a cached plan went on doing so as the table grew. A concurrent import taking the
 * same slug makes the statement fail with a unique violation, and the caller retries.
 */
const CREATE_ARTICLE: Statement = {
  name: "minbar-import-create-article",
  text: `
WITH guard AS (
  SELECT 1 AS go
  WHERE NOT EXISTS (SELECT 1 FROM wire_files WHERE content_hash = $1::text)
    AND NOT EXISTS (SELECT 1 FROM wire_files WHERE file_key = $2::text AND article_id IS NOT NULL)
),
source_found AS (
  SELECT id FROM sources WHERE match_key = $4::text
),
source_created AS (
  INSERT INTO sources (slug, match_key, name_ar, name_ru, name_en, updated_at)
  SELECT coalesce(
           (SELECT c.slug FROM unnest($5::text[]) WITH ORDINALITY AS c(slug, n)
             WHERE (SELECT s.id FROM sources s WHERE s.slug = c.slug) IS NULL
             ORDER BY c.n LIMIT 1),
           $6::text),
         $4::text, $7::text, $8::text, $9::text, now()
  FROM guard
  WHERE $4::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_found)
  ON CONFLICT (match_key) DO UPDATE SET match_key = EXCLUDED.match_key
  RETURNING id
),
source AS (
  SELECT id FROM source_found UNION ALL SELECT id FROM source_created
),
credit_found AS (
  SELECT id FROM photo_credits WHERE match_key = $10::text
),
credit_created AS (
  INSERT INTO photo_credits (match_key, name_ar, updated_at)
  SELECT $10::text, $11::text, now()
  FROM guard
  WHERE $10::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM credit_found)
  ON CONFLICT (match_key) DO UPDATE SET match_key = EXCLUDED.match_key
  RETURNING id
),
credit AS (
  SELECT id FROM credit_found UNION ALL SELECT id FROM credit_created
),
article AS (
  INSERT INTO articles (original_locale, source_id, photo_credit_id, updated_at)
  SELECT 'ar', (SELECT id FROM source), (SELECT id FROM credit), now()
  FROM guard
  RETURNING id
),
localization AS (
  INSERT INTO article_localizations (article_id, locale, title, slug, body, status, published_at, warnings, updated_at, search_vector)
  SELECT article.id, 'ar', $12::text,
         coalesce(
           (SELECT c.slug FROM unnest($13::text[]) WITH ORDINALITY AS c(slug, n)
             WHERE (SELECT l.id FROM article_localizations l WHERE l.locale = 'ar' AND l.slug = c.slug) IS NULL
             ORDER BY c.n LIMIT 1),
           $14::text),
         $15::jsonb, $16::"ArticleStatus", $17::timestamp(3), $18::jsonb, now(),
         -- NULL leaves the document to the table's trigger (see searchDocumentText); no summary is imported.
         CASE WHEN $21::text IS NOT NULL THEN minbar_search_document('ar', $20::text, NULL, $21::text) END
  FROM article
  RETURNING id, slug
),
revision AS (
  INSERT INTO revisions (localization_id, number, title, slug, body, origin, content_hash)
  SELECT id, 1, $12::text, slug, $15::jsonb, 'import', $1::text FROM localization
),
transition AS (
  INSERT INTO workflow_transitions (localization_id, from_status, to_status, comment)
  SELECT id, NULL, $16::"ArticleStatus", 'import' FROM localization
),
wire_file AS (
  INSERT INTO wire_files (content_hash, file_key, file_name, article_id)
  SELECT $1::text, $2::text, $3::text, id FROM article
),
import_record AS (
  INSERT INTO import_records (content_hash, file_name, outcome, article_id, warnings)
  SELECT $1::text, $3::text, 'created', id, $18::jsonb FROM article
),
audit AS (
  INSERT INTO audit_log (action, entity_type, entity_id, data)
  SELECT 'import.created', 'article', id::text,
         jsonb_build_object('file', $3::text, 'contentHash', $1::text, 'detail', $19::text)
  FROM article
)
SELECT id FROM article`,
};

/** The slug an article would like; a number or a random suffix is added when it is taken. */
export function articleSlugBase(file: ArticleFile): string {
  return makeSlug(file.article.title ?? file.article.provisionalTitle ?? file.fileKey);
}

/**
 * Writes a new article (published when complete, else a draft with its warnings), its first revision, its first
 * workflow transition, the wire file, the import record and the audit entry. Returns null, having written nothing,
 * when the file is already known (see the statement's guard).
 */
export async function createArticle(sql: SqlClient, file: ArticleFile): Promise<ImportResult | null> {
  const { article, warnings } = file;
  const complete = !warnings.some(isBlocking);
  const detail = complete ? "published" : `draft: ${blockingCodes(warnings)}`;
  const source = article.source ? describeSource(article.source) : null;
  const credit = article.photoCredit ? describePhotoCredit(article.photoCredit) : null;
  const slug = slugCandidates(articleSlugBase(file));
  const body = JSON.stringify(article.blocks);
  const search = searchDocumentText("ar", article.title, null, article.blocks);
  const values: SqlValue[] = [
    file.contentHash,
    file.fileKey,
    file.name,
    source?.matchKey ?? null,
    source?.slugCandidates ?? [],
    source?.fallbackSlug ?? null,
    source?.nameAr ?? null,
    source?.nameRu ?? null,
    source?.nameEn ?? null,
    credit?.matchKey ?? null,
    credit?.nameAr ?? null,
    article.title,
    slug.candidates,
    slug.fallback,
    body,
    complete ? "published" : "draft",
    // Noon UTC of the day (see dayToTimestamp); timestamps are stored in UTC without a zone, as Prisma does.
    article.publishedOn ? `${article.publishedOn} 12:00:00` : null,
    JSON.stringify(warnings),
    detail,
    search?.title ?? null,
    search?.body ?? null,
  ];
  const rows = await sql.query<{ id: number }>(CREATE_ARTICLE, values);
  const created = rows[0];
  if (!created) return null;
  return { file: file.name, outcome: "created", articleId: created.id, detail, warnings };
}
