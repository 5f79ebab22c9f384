// Reader search: full-text search over the published localizations of one language, ranked, with highlighted
// snippets, over the stored `search_vector` (normalized and stemmed by PostgreSQL, see migration `init`).
import { Prisma, type Locale, type PrismaClient } from "../generated/prisma/client.ts";
import { leadThumbnails, type PublicImage } from "./public-images.ts";
import {
  anyForm,
  combined,
  highlightForms,
  nearSpellingsUsed,
  prepareSearchQuery,
  rankingKeys,
  termQueries,
  TEXT_SEARCH_CONFIG,
  withNearSpellings,
  type NearSpellingsUsed,
} from "../search/search-terms.ts";

export { MAX_QUERY_LENGTH, prepareSearchQuery, type PreparedSearch } from "../search/search-terms.ts";

const MAX_PAGE_SIZE = 50;
/** How many of the most recent matches are ranked; the rest follow by date. */
export const RANK_WINDOW = 500;
/** Matches are counted up to this many: beyond it the page says "more than" (counting is the cost of a common word). */
export const MAX_COUNTED = 1_000;

// ts_headline marks matches with these private-use characters; they are stripped from the stored text first, so a
// document cannot forge a highlight, and the page splits on them instead of trusting any markup.
const START_SEL = "\uE000";
const STOP_SEL = "\uE001";
const SELECTORS = `StartSel="${START_SEL}", StopSel="${STOP_SEL}"`;
const TITLE_HEADLINE_OPTIONS = `HighlightAll=true, ${SELECTORS}`;
const SNIPPET_HEADLINE_OPTIONS = `MaxFragments=2, MaxWords=25, MinWords=10, FragmentDelimiter=" … ", ${SELECTORS}`;

export type HighlightedText = { text: string; highlighted: boolean }[];

export type SearchHit = {
  id: number;
  locale: Locale;
  slug: string;
  title: string;
  publishedAt: Date;
  /** Only the day is known: publishedAt is its midnight UTC (see PublicArticleSummary). */
  publishedDateOnly: boolean;
  titleHighlighted: HighlightedText;
  snippet: HighlightedText;
  /** The lead photo, for the result's thumbnail. */
  thumbnail: PublicImage | null;
};

export type SearchArticlesResult =
  /** Nothing searchable was asked: no query, or only punctuation and symbols. */
  | { kind: "blank"; query: string }
  | {
      kind: "results";
      query: string;
      items: SearchHit[];
      /** Rare words of the query searched in their near spellings too ("results for … too"). */
      nearSpellings: NearSpellingsUsed[];
      /** How many articles match, at most MAX_COUNTED. */
      total: number;
      /** More than `total` articles match: counting stopped there. */
      totalIsLowerBound: boolean;
      page: number;
      pageCount: number;
      pageSize: number;
    };

/** Splits ts_headline output at the selection markers; unbalanced markers are simply dropped. */
export function splitHighlights(marked: string): HighlightedText {
  const segments: HighlightedText = [];
  let highlighted = false;
  for (const part of marked.split(new RegExp(`([${START_SEL}${STOP_SEL}])`, "u"))) {
    if (part === START_SEL) highlighted = true;
    else if (part === STOP_SEL) highlighted = false;
    else if (part !== "") segments.push({ text: part, highlighted });
  }
  return segments;
}

/**
 * The query ts_headline gets for one result row `p`: the row's own words whose normalized form matches a query form,
 * as written, since ts_headline parses the original text and the stemmer often stems the two spellings differently
 * (docs/decisions/0008-arabic-search-normalization.md).
 */
function arabicHeadlineQuery(config: string, forms: string[]): Prisma.Sql {
  return Prisma.sql`(
    SELECT websearch_to_tsquery(${config}::regconfig, coalesce(string_agg(w.token, ' or '), ''))
    FROM (
      SELECT DISTINCT t.token
      FROM ts_parse('default', concat_ws(' ', p.title, p.summary, minbar_blocks_text(p.body))) t
      JOIN ts_token_type('default') tt ON tt.tokid = t.tokid
      WHERE tt.alias IN ('asciiword', 'word', 'numword', 'hword_part', 'hword_asciipart', 'hword_numpart')
      -- A fence: the stemming test below runs once per distinct word, not once per occurrence.
      OFFSET 0
    ) w
    WHERE to_tsvector(${config}::regconfig, minbar_normalize_ar(w.token)) @@ ${anyForm(config, forms)}
  )`;
}

type HitRow = {
  article_id: number;
  locale: Locale;
  slug: string;
  title: string;
  published_at: Date;
  published_date_only: boolean;
  title_headline: string;
  snippet_headline: string;
};

/**
 * Published localizations in `locale` matching any term of `query` (a word in any of its forms or near spellings, a
 * phrase), best first: more terms matched exactly, then more terms matched, then more in the title, then newer.
 * Never throws on what a reader types: any string is either searched or reported as blank.
 */
export async function searchPublishedArticles(
  prisma: PrismaClient,
  {
    locale,
    query,
    page = 1,
    pageSize = 10,
    rankWindow = RANK_WINDOW,
    maxCounted = MAX_COUNTED,
  }: { locale: Locale; query: string; page?: number; pageSize?: number; rankWindow?: number; maxCounted?: number },
): Promise<SearchArticlesResult> {
  const prepared = prepareSearchQuery(query, locale);
  if (prepared.terms.length === 0) return { kind: "blank", query: prepared.query };
  const search = await withNearSpellings(prisma, locale, prepared);

  const safePage = Number.isFinite(page) ? Math.max(1, Math.floor(page)) : 1;
  const safePageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
  const config = TEXT_SEARCH_CONFIG[locale];
  const queries = termQueries(locale, search);
  const matchAny = combined(
    queries.map((q) => q.any),
    "||",
  );
  const matchAll = combined(
    queries.map((q) => q.any),
    "&&",
  );
  const forms = highlightForms(search);
  // Russian and English documents are indexed as written, so their own query highlights them.
  const headline = locale === "ar" ? arabicHeadlineQuery(config, forms) : anyForm(config, forms);
  const markers = `${START_SEL}${STOP_SEL}`;
  // published_search_entries holds exactly what readers can see (the rule of public-articles.ts: published, dated,
  // titled), narrow, so a common word's thousands of matches are read and ordered cheaply (docs/decisions/0028).
  const ofLocale = Prisma.sql`s.locale = ${locale}::"Locale"`;
  const recent = Prisma.sql`ORDER BY s.published_at DESC, s.localization_id DESC`;

  const offset = (safePage - 1) * safePageSize;
  // Only the RANK_WINDOW most recent matches are ranked (ranking reads each row's whole vector, and a common word
  // matches tens of thousands), and as many of those with every term; pages beyond them continue by date
  // (docs/decisions/0025-search-ranks-recent-matches.md, 0032-search-terms-and-ranking.md).
  const window = Math.max(rankWindow, offset + safePageSize);
  const withEveryTerm =
    queries.length > 1
      ? Prisma.sql`(SELECT s.localization_id AS id, s.published_at, true AS ranked
          FROM published_search_entries s WHERE ${ofLocale} AND s.search_vector @@ ${matchAll}
          ${recent} LIMIT ${rankWindow})
        UNION ALL`
      : Prisma.empty;
  const keys = rankingKeys(queries, Prisma.sql`k.vector`, Prisma.sql`k.title_vector`);

  const [countRows, rows] = await Promise.all([
    prisma.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM (
        SELECT 1 FROM published_search_entries s WHERE ${ofLocale} AND s.search_vector @@ ${matchAny}
        LIMIT ${maxCounted + 1}) c`,
    // Headlines are computed only for the rows of this page: ts_headline re-parses the whole text.
    prisma.$queryRaw<HitRow[]>`
      SELECT p.article_id, p.locale, p.slug, p.title, p.published_at, p.published_date_only,
        ts_headline(${config}::regconfig, translate(p.title, ${markers}, ''), h.query, ${TITLE_HEADLINE_OPTIONS})
          AS title_headline,
        ts_headline(${config}::regconfig,
          translate(concat_ws(' ', p.summary, minbar_blocks_text(p.body)), ${markers}, ''),
          h.query, ${SNIPPET_HEADLINE_OPTIONS}) AS snippet_headline
      FROM (
        SELECT r.id, r.ranked, r.exact_terms, r.matched_terms, r.title_terms, r.published_at, l.article_id, l.locale,
          l.slug, l.title, l.summary, l.body, l.published_date_only
        FROM (
          SELECT k.id, k.published_at, k.ranked, ${keys.exactTerms} AS exact_terms,
            ${keys.matchedTerms} AS matched_terms, ${keys.titleTerms} AS title_terms
          FROM (
            -- Each ranked row's vector is read once here (and its title's part made once), not once per test below.
            SELECT c.*, ts_filter(c.vector, '{a}') AS title_vector
            FROM (
              SELECT m.id, m.published_at, m.ranked,
                CASE WHEN m.ranked THEN v.search_vector || ''::tsvector END AS vector
              FROM (
                -- Only ids and dates pass through the sorts; the vectors are read for the windows alone.
                SELECT u.id, u.published_at, bool_or(u.ranked) AS ranked
                FROM (
                  ${withEveryTerm}
                  SELECT a.id, a.published_at, a.n <= ${rankWindow} AS ranked
                  FROM (
                    SELECT s.localization_id AS id, s.published_at, row_number() OVER (${recent}) AS n
                    FROM published_search_entries s WHERE ${ofLocale} AND s.search_vector @@ ${matchAny}
                    ${recent} LIMIT ${window}
                  ) a
                ) u
                GROUP BY u.id, u.published_at
              ) m
              JOIN published_search_entries v ON v.localization_id = m.id
              OFFSET 0
            ) c
            OFFSET 0
          ) k
          ORDER BY k.ranked DESC, exact_terms DESC, matched_terms DESC, title_terms DESC, k.published_at DESC, k.id DESC
          LIMIT ${safePageSize} OFFSET ${offset}
        ) r
        JOIN article_localizations l ON l.id = r.id
      ) p
      -- The fence keeps the one headline query from being made again for each ts_headline below.
      CROSS JOIN LATERAL (SELECT ${headline} AS query OFFSET 0) h
      ORDER BY p.ranked DESC, p.exact_terms DESC, p.matched_terms DESC, p.title_terms DESC, p.published_at DESC,
        p.id DESC`,
  ]);

  const counted = Number(countRows[0]?.total ?? 0);
  const total = Math.min(counted, maxCounted);
  const thumbnails = await leadThumbnails(
    prisma,
    rows.map((row) => row.article_id),
    locale,
  );
  const items = rows.map((row): SearchHit => ({
    id: row.article_id,
    locale: row.locale,
    slug: row.slug,
    title: row.title,
    publishedAt: row.published_at,
    publishedDateOnly: row.published_date_only,
    titleHighlighted: splitHighlights(row.title_headline),
    snippet: splitHighlights(row.snippet_headline),
    thumbnail: thumbnails.get(row.article_id) ?? null,
  }));
  // Running text before titles: a word in a title may be capitalized only for being there.
  const matched = [...items.flatMap((item) => item.snippet), ...items.flatMap((item) => item.titleHighlighted)]
    .filter((segment) => segment.highlighted)
    .map((segment) => segment.text);
  return {
    kind: "results",
    query: prepared.query,
    items,
    nearSpellings: nearSpellingsUsed(locale, search, matched),
    total,
    totalIsLowerBound: counted > maxCounted,
    page: safePage,
    pageCount: Math.max(1, Math.ceil(total / safePageSize)),
    pageSize: safePageSize,
  };
}
