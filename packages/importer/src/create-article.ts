// Creates a new article from a wire file in ONE SQL statement, so it is atomic without a transaction round trip.
import { makeSlug, NUMBERED_SLUGS, randomSlug, searchDocumentText, withBlockIds } from "@minbar/db/importing";
import { describePhotoCredit, describeSource } from "./attribution.ts";
import { blockingCodes, isBlocking, type ArticleFile, type ImportResult } from "./import-result.ts";
import { isForeignKeyViolation, namedStatement, type SqlClient } from "./sql-client.ts";

/*
 * One statement is one transaction: if any part fails nothing of it remains, the new agency record included. Every
 * data-modifying CTE selects FROM `guard`, so none writes once the file turns out to be known (then no row comes
 * back and the caller takes the update path). Agencies and credits are read without locking; a missing one is
 * inserted with ON CONFLICT DO UPDATE to get a concurrent import's id. Slug probes are scalar subqueries, and a
 * second form takes attribution ids already known: docs/decisions/0005-import-in-one-statement-pipelined.md.
 */
const GUARD = `
guard AS (
  SELECT 1 AS go
  WHERE NOT EXISTS (SELECT 1 FROM wire_files WHERE content_hash = :content_hash::text)
    AND NOT EXISTS (SELECT 1 FROM wire_files
                    WHERE file_key = :file_key::text AND locale = :locale::"Locale" AND article_id IS NOT NULL)
)`;

const FIND_OR_CREATE_ATTRIBUTION = `
source_found AS (
  SELECT id FROM sources WHERE match_key = :source_key::text
),
source_created AS (
  INSERT INTO sources (slug, match_key, name_ar, name_ru, name_en, updated_at)
  SELECT coalesce(
           (SELECT c.slug FROM unnest(:source_slugs::text[]) WITH ORDINALITY AS c(slug, n)
             WHERE (SELECT s.id FROM sources s WHERE s.slug = c.slug) IS NULL
             ORDER BY c.n LIMIT 1),
           :source_fallback_slug::text),
         :source_key::text, :source_name_ar::text, :source_name_ru::text, :source_name_en::text, now()
  FROM guard
  WHERE :source_key::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_found)
  ON CONFLICT (match_key) DO UPDATE SET match_key = EXCLUDED.match_key
  RETURNING id
),
source AS (
  SELECT id FROM source_found UNION ALL SELECT id FROM source_created
),
credit_found AS (
  SELECT id FROM photo_credits WHERE match_key = :credit_key::text
),
credit_created AS (
  INSERT INTO photo_credits (match_key, name_ar, name_ru, name_en, updated_at)
  SELECT :credit_key::text, :credit_name_ar::text, :credit_name_ru::text, :credit_name_en::text, now()
  FROM guard
  WHERE :credit_key::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM credit_found)
  ON CONFLICT (match_key) DO UPDATE SET match_key = EXCLUDED.match_key
  RETURNING id
),
credit AS (
  SELECT id FROM credit_found UNION ALL SELECT id FROM credit_created
)`;

/** The article and everything written with it, citing the source and credit `source` and `credit` evaluate to. */
const ARTICLE_AND_RECORDS = (source: string, credit: string) => `
article AS (
  INSERT INTO articles (original_locale, source_id, photo_credit_id, section_id, updated_at)
  SELECT :locale::"Locale", ${source}, ${credit},
         coalesce(:section_id::int, (SELECT id FROM sections WHERE is_default AND retired_at IS NULL)), now()
  FROM guard
  RETURNING id, source_id, photo_credit_id
),
localization AS (
  INSERT INTO article_localizations (article_id, locale, title, slug, body, status, published_at, published_date_only, warnings, updated_at, search_vector)
  SELECT article.id, :locale::"Locale", :title::text,
         -- The base alone first: the numbered ones are all probed (the sort needs them) and are rarely needed.
         coalesce(
           CASE WHEN (SELECT l.id FROM article_localizations l WHERE l.locale = :locale::"Locale" AND l.slug = :slug::text) IS NULL THEN :slug::text END,
           (SELECT c.slug FROM generate_series(2, :numbered_slugs::int) AS n, LATERAL (SELECT :slug::text || '-' || n AS slug) AS c
             WHERE (SELECT l.id FROM article_localizations l WHERE l.locale = :locale::"Locale" AND l.slug = c.slug) IS NULL
             ORDER BY n LIMIT 1),
           :fallback_slug::text),
         :body::jsonb, :status::"ArticleStatus", :published_at::timestamp(3), :published_date_only::boolean, :warnings::jsonb, now(),
         -- NULL leaves the document to the table's trigger (see searchDocumentText); no summary is imported.
         CASE WHEN :search_body::text IS NOT NULL THEN minbar_search_document(:locale::"Locale", :search_title::text, NULL, :search_body::text) END
  FROM article
  RETURNING id, slug
),
revision AS (
  INSERT INTO revisions (localization_id, number, title, slug, body, origin, content_hash)
  SELECT id, 1, :title::text, slug, :body::jsonb, 'import', :content_hash::text FROM localization
),
transition AS (
  INSERT INTO workflow_transitions (localization_id, from_status, to_status, comment)
  SELECT id, NULL, :status::"ArticleStatus", 'import' FROM localization
),
wire_file AS (
  INSERT INTO wire_files (content_hash, file_key, file_name, article_id, locale)
  SELECT :content_hash::text, :file_key::text, :file_name::text, id, :locale::"Locale" FROM article
),
import_record AS (
  INSERT INTO import_records (content_hash, file_name, outcome, article_id, warnings)
  SELECT :content_hash::text, :file_name::text, 'created', id, :warnings::jsonb FROM article
),
audit AS (
  INSERT INTO audit_log (action, entity_type, entity_id, data)
  SELECT 'import.created', 'article', id::text,
         jsonb_build_object('file', :file_name::text, 'contentHash', :content_hash::text, 'detail', :detail::text)
  FROM article
)
SELECT id, source_id, photo_credit_id FROM article`;

const CREATE_ARTICLE = namedStatement(
  "minbar-import-create-article",
  `WITH ${GUARD}, ${FIND_OR_CREATE_ATTRIBUTION}, ${ARTICLE_AND_RECORDS("(SELECT id FROM source)", "(SELECT id FROM credit)")}`,
);

const CREATE_ARTICLE_CITING_KNOWN = namedStatement(
  "minbar-import-create-article-citing-known",
  `WITH ${GUARD}, ${ARTICLE_AND_RECORDS(":source_id::int", ":credit_id::int")}`,
);

const slugBases = new WeakMap<ArticleFile, string>();

/** The slug an article would like; a number or a random suffix is added when it is taken. Made once per file. */
export function articleSlugBase(file: ArticleFile): string {
  let base = slugBases.get(file);
  if (base === undefined) {
    base = makeSlug(file.article.title ?? file.article.provisionalTitle ?? file.fileKey);
    slugBases.set(file, base);
  }
  return base;
}

/**
 * Record ids of the agencies and credits a run has seen, by match key. Filled only from statements that committed,
 * so an id is never one a rolled-back statement created. Forgotten when one turns out to be deleted.
 */
export class KnownAttribution {
  readonly sources = new Map<string, number>();
  readonly credits = new Map<string, number>();
  forget(): void {
    this.sources.clear();
    this.credits.clear();
  }
}

/**
 * Writes a new article (published when complete, else a draft with its warnings), its first revision, its first
 * workflow transition, the wire file, the import record and the audit entry. Returns null, having written nothing,
 * when the file is already known (see the statement's guard). With `known`, ids recorded there are used and the
 * ones this article cites are recorded.
 */
export async function createArticle(
  sql: SqlClient,
  file: ArticleFile,
  known?: KnownAttribution,
  mayPublish = true,
): Promise<ImportResult | null> {
  const { article, warnings } = file;
  const complete = !warnings.some(isBlocking);
  const status = !complete ? "draft" : mayPublish ? "published" : "in_review";
  const detail = complete ? (mayPublish ? "published" : "in review") : `draft: ${blockingCodes(warnings)}`;
  const source = article.source ? describeSource(article.source) : null;
  const credit = article.photoCredit ? describePhotoCredit(article.photoCredit) : null;
  const sourceId = source ? known?.sources.get(source.matchKey) : null;
  const creditId = credit ? known?.credits.get(credit.matchKey) : null;
  // The numbered candidates (base, base-2 … as slugCandidates makes them) are spelled out by the statement.
  const slug = articleSlugBase(file);
  // The text's own language is the article's original (a Russian wire text makes a Russian-first article), and its
  // search document uses that language's text-search configuration.
  const search = searchDocumentText(article.locale, article.title, null, article.blocks);
  const values = {
    locale: article.locale,
    content_hash: file.contentHash,
    file_key: file.fileKey,
    file_name: file.name,
    title: article.title,
    slug,
    numbered_slugs: NUMBERED_SLUGS,
    fallback_slug: randomSlug(slug),
    body: JSON.stringify(withBlockIds(article.blocks)),
    status,
    // Midnight UTC of the day, a date alone (see dayToTimestamp); timestamps are stored in UTC without a zone.
    published_at: article.publishedOn ? `${article.publishedOn} 00:00:00` : null,
    published_date_only: article.publishedOn !== null && article.publishedOn !== undefined,
    warnings: JSON.stringify(warnings),
    detail,
    search_title: search?.title ?? null,
    search_body: search?.body ?? null,
    section_id: file.sectionId ?? null,
  };
  let rows: CreatedRow[];
  if (known && sourceId !== undefined && creditId !== undefined) {
    try {
      rows = await sql.query<CreatedRow>(
        CREATE_ARTICLE_CITING_KNOWN,
        CREATE_ARTICLE_CITING_KNOWN.values({ ...values, source_id: sourceId, credit_id: creditId }),
      );
    } catch (error) {
      // A record this run knew was deleted since (nothing was written): find or create it again.
      if (!isForeignKeyViolation(error)) throw error;
      known.forget();
      return createArticle(sql, file, known, mayPublish);
    }
  } else {
    rows = await sql.query<CreatedRow>(
      CREATE_ARTICLE,
      CREATE_ARTICLE.values({
        ...values,
        source_key: source?.matchKey ?? null,
        source_slugs: source?.slugCandidates ?? [],
        source_fallback_slug: source?.fallbackSlug ?? null,
        source_name_ar: source?.nameAr ?? null,
        source_name_ru: source?.nameRu ?? null,
        source_name_en: source?.nameEn ?? null,
        credit_key: credit?.matchKey ?? null,
        credit_name_ar: credit?.nameAr ?? null,
        credit_name_ru: credit?.nameRu ?? null,
        credit_name_en: credit?.nameEn ?? null,
      }),
    );
  }
  const created = rows[0];
  if (!created) return null;
  if (known && source && created.source_id !== null) known.sources.set(source.matchKey, created.source_id);
  if (known && credit && created.photo_credit_id !== null) known.credits.set(credit.matchKey, created.photo_credit_id);
  return { file: file.name, outcome: "created", articleId: created.id, detail, warnings };
}

type CreatedRow = { id: number; source_id: number | null; photo_credit_id: number | null };
