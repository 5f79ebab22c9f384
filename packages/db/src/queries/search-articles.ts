// Reader search: full-text search over the published localizations of one language, ranked, with highlighted
// snippets, over the stored `search_vector` (normalized and stemmed by PostgreSQL, see migration `init`).
import { Prisma, type Locale, type PrismaClient } from "../generated/prisma/client.ts";
import { normalizeArabicForSearch } from "../search/normalize-arabic.ts";

/** Longer queries are cut here: nobody types more, and every word costs a few tsquery terms. */
export const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 10;
const MAX_WORD_LENGTH = 64;
const MAX_PAGE_SIZE = 50;
/** How many of the most recent matches are ranked by relevance; the rest follow by date. */
export const RANK_WINDOW = 500;
/** Matches are counted up to this many: beyond it the page says "more than" (counting is the cost of a common word). */
export const MAX_COUNTED = 1_000;

const TEXT_SEARCH_CONFIG: Readonly<Record<Locale, string>> = { ar: "arabic", ru: "russian", en: "english" };

// ts_headline marks matches with these private-use characters; they are stripped from the stored text first, so a
// document cannot forge a highlight, and the page splits on them instead of trusting any markup.
const START_SEL = "\uE000";
const STOP_SEL = "\uE001";
const SELECTORS = `StartSel="${START_SEL}", StopSel="${STOP_SEL}"`;
const TITLE_HEADLINE_OPTIONS = `HighlightAll=true, ${SELECTORS}`;
const SNIPPET_HEADLINE_OPTIONS = `MaxFragments=2, MaxWords=25, MinWords=10, FragmentDelimiter=" … ", ${SELECTORS}`;

// The `arabic` stemmer keeps a clitic و/ف/ب before ا and never strips ل (واستراخان, لكازاخستان stay whole), so the
// query also asks for those prefixed forms; ك is left out (docs/decisions/0008-arabic-search-normalization.md).
const ARABIC_CLITICS = ["و", "ف", "ب", "ل"] as const;
// Two-letter words with a clitic are mostly other words (بحر is not ب + حر).
const MIN_CLITIC_BASE_LENGTH = 3;
const ARABIC_WORD = /^[\u0621-\u064A]+$/;

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
};

export type SearchArticlesResult =
  /** Nothing searchable was asked: no query, or only punctuation and symbols. */
  | { kind: "blank"; query: string }
  | {
      kind: "results";
      query: string;
      items: SearchHit[];
      /** How many articles match, at most MAX_COUNTED. */
      total: number;
      /** More than `total` articles match: counting stopped there. */
      totalIsLowerBound: boolean;
      page: number;
      pageCount: number;
      pageSize: number;
    };

export type PreparedSearch = {
  /** The reader's query, cut to MAX_QUERY_LENGTH characters, for showing back. */
  query: string;
  /** Per query word, the forms any of which may match (AND across words, OR within one word), as normalized text. */
  terms: string[][];
};

/** Cuts, normalizes and splits a reader's query into words and their variants; no database needed. */
export function prepareSearchQuery(raw: string, locale: Locale): PreparedSearch {
  // Array.from splits by code point, so a cut never leaves half a surrogate pair behind.
  const query = Array.from(raw.slice(0, MAX_QUERY_LENGTH * 2))
    .slice(0, MAX_QUERY_LENGTH)
    .join("")
    .trim();
  // Only the Arabic search documents are normalized (minbar_search_vector), so only Arabic queries are.
  const text = locale === "ar" ? normalizeArabicForSearch(query) : query.normalize("NFC");
  // Everything but letters, marks and digits separates words: operators, quotes and markup are never syntax here.
  const words = [...new Set(text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean))]
    .map((word) => Array.from(word).slice(0, MAX_WORD_LENGTH).join(""))
    .slice(0, MAX_WORDS);
  const terms = words.map((word) =>
    locale === "ar" ? [...new Set([word, ...withArabicClitics(word).map(normalizeArabicForSearch)])] : [word],
  );
  return { query, terms };
}

function withArabicClitics(word: string): string[] {
  if (!ARABIC_WORD.test(word) || word.length < MIN_CLITIC_BASE_LENGTH) return [];
  return ARABIC_CLITICS.map((clitic) =>
    // ل before the article is written لل (للاستراتيجية), not لال.
    clitic === "ل" && word.startsWith("ال") ? `ل${word.slice(1)}` : `${clitic}${word}`,
  );
}

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

const anyOf = (config: string, forms: string[]) =>
  Prisma.sql`(${Prisma.join(
    forms.map((form) => Prisma.sql`plainto_tsquery(${config}::regconfig, ${form})`),
    " || ",
  )})`;

const allOf = (config: string, terms: string[][]) =>
  Prisma.join(
    terms.map((forms) => anyOf(config, forms)),
    " && ",
  );

/**
 * The query ts_headline gets for one result row `p`: the row's own words whose normalized form matches a query term,
 * as written, since ts_headline parses the original text and the stemmer often stems the two spellings differently
 * (docs/decisions/0008-arabic-search-normalization.md).
 */
function arabicHeadlineQuery(config: string, terms: string[][]): Prisma.Sql {
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
    WHERE to_tsvector(${config}::regconfig, minbar_normalize_ar(w.token)) @@ ${anyOf(config, terms.flat())}
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
 * Published localizations in `locale` matching every word of `query` (in any of its spellings), best first.
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

  const safePage = Number.isFinite(page) ? Math.max(1, Math.floor(page)) : 1;
  const safePageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
  const config = TEXT_SEARCH_CONFIG[locale];
  const match = allOf(config, prepared.terms);
  // Russian and English documents are indexed as written, so their own query highlights them.
  const headline = locale === "ar" ? arabicHeadlineQuery(config, prepared.terms) : match;
  const markers = `${START_SEL}${STOP_SEL}`;
  // published_search_entries holds exactly what readers can see (the rule of public-articles.ts: published, dated,
  // titled), narrow, so a common word's thousands of matches are read and ordered cheaply (docs/decisions/0028).
  const published = Prisma.sql`s.locale = ${locale}::"Locale" AND s.search_vector @@ (${match})`;

  const offset = (safePage - 1) * safePageSize;
  // Only the RANK_WINDOW most recent matches are ranked (ts_rank reads each row's whole vector, and a common word
  // matches tens of thousands); pages beyond them continue by date (docs/decisions/0025-search-ranks-recent-matches.md).
  const window = Math.max(rankWindow, offset + safePageSize);

  const [countRows, rows] = await Promise.all([
    prisma.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM (SELECT 1 FROM published_search_entries s WHERE ${published} LIMIT ${maxCounted + 1}) c`,
    // Headlines are computed only for the rows of this page: ts_headline re-parses the whole text.
    prisma.$queryRaw<HitRow[]>`
      SELECT p.article_id, p.locale, p.slug, p.title, p.published_at, p.published_date_only,
        ts_headline(${config}::regconfig, translate(p.title, ${markers}, ''), h.query, ${TITLE_HEADLINE_OPTIONS})
          AS title_headline,
        ts_headline(${config}::regconfig,
          translate(concat_ws(' ', p.summary, minbar_blocks_text(p.body)), ${markers}, ''),
          h.query, ${SNIPPET_HEADLINE_OPTIONS}) AS snippet_headline
      FROM (
        SELECT r.id, r.ranked, r.rank, r.published_at, l.article_id, l.locale, l.slug, l.title, l.summary, l.body,
          l.published_date_only
        FROM (
          SELECT m.id, m.published_at, m.n <= ${rankWindow} AS ranked,
            CASE WHEN m.n <= ${rankWindow} THEN ts_rank(v.search_vector, ${match}) ELSE 0 END AS rank
          FROM (
            -- Only ids and dates pass through the sort; the vectors are read for the window alone.
            SELECT s.localization_id AS id, s.published_at,
              row_number() OVER (ORDER BY s.published_at DESC, s.localization_id DESC) AS n
            FROM published_search_entries s
            WHERE ${published}
            ORDER BY s.published_at DESC, s.localization_id DESC
            LIMIT ${window}
          ) m
          JOIN published_search_entries v ON v.localization_id = m.id
          ORDER BY ranked DESC, rank DESC, m.published_at DESC, m.id DESC
          LIMIT ${safePageSize} OFFSET ${offset}
        ) r
        JOIN article_localizations l ON l.id = r.id
      ) p
      CROSS JOIN LATERAL (SELECT ${headline} AS query) h
      ORDER BY p.ranked DESC, p.rank DESC, p.published_at DESC, p.id DESC`,
  ]);

  const counted = Number(countRows[0]?.total ?? 0);
  const total = Math.min(counted, maxCounted);
  return {
    kind: "results",
    query: prepared.query,
    items: rows.map((row) => ({
      id: row.article_id,
      locale: row.locale,
      slug: row.slug,
      title: row.title,
      publishedAt: row.published_at,
      publishedDateOnly: row.published_date_only,
      titleHighlighted: splitHighlights(row.title_headline),
      snippet: splitHighlights(row.snippet_headline),
    })),
    total,
    totalIsLowerBound: counted > maxCounted,
    page: safePage,
    pageCount: Math.max(1, Math.ceil(total / safePageSize)),
    pageSize: safePageSize,
  };
}
