// The admin's article search: the reader's engine (search-terms.ts: clitics, near spellings, phrases, the same
// ranking) over every localization in every state, so an editor finds the story a reader would, and drafts too;
// as the list's filter it keeps only texts matching every term.
import { Prisma, type Locale, type PrismaClient } from "../generated/prisma/client.ts";
import { combined, prepareSearchQuery, rankingKeys, termQueries, withNearSpellings } from "../search/search-terms.ts";

/** Matches ranked per language at most: the most recently created ones (an editor narrows a common word). */
export const ADMIN_SEARCH_LIMIT = 1_000;
const LOCALES: readonly Locale[] = ["ar", "ru", "en"];

type MatchRow = {
  id: number;
  updated_at: Date;
  exact_terms: number;
  matched_terms: number;
  title_terms: number;
};

async function matchesIn(prisma: PrismaClient, locale: Locale, query: string): Promise<MatchRow[]> {
  const prepared = prepareSearchQuery(query, locale);
  if (prepared.terms.length === 0) return [];
  const queries = termQueries(locale, await withNearSpellings(prisma, locale, prepared));
  // A filter of the list: every term must match (a reader's search takes any, ranked), so each word narrows it.
  const matchAll = combined(
    queries.map((q) => q.any),
    "&&",
  );
  const keys = rankingKeys(queries, Prisma.sql`k.vector`, Prisma.sql`ts_filter(k.vector, '{a}')`);
  return prisma.$queryRaw<MatchRow[]>`
    SELECT k.id, k.updated_at, ${keys.exactTerms}::int AS exact_terms, ${keys.matchedTerms}::int AS matched_terms,
      ${keys.titleTerms}::int AS title_terms
    FROM (
      -- Each match's vector is read once, here, for the ranking tests above.
      SELECT l.id, l.updated_at, l.search_vector || ''::tsvector AS vector
      FROM (
        SELECT m.id FROM article_localizations m
        WHERE m.locale = ${locale}::"Locale" AND m.search_vector @@ ${matchAll}
        ORDER BY m.id DESC LIMIT ${ADMIN_SEARCH_LIMIT}
      ) ids
      JOIN article_localizations l ON l.id = ids.id
      OFFSET 0
    ) k`;
}

/**
 * Localizations in `locale` (or in every language, each searched in its own way) matching `query`, best first:
 * more terms matched exactly, more matched, more in the title, then the most recently edited.
 */
export async function searchLocalizationIds(
  prisma: PrismaClient,
  { query, locale }: { query: string; locale?: Locale },
): Promise<number[]> {
  const rows = (await Promise.all((locale ? [locale] : LOCALES).map((l) => matchesIn(prisma, l, query)))).flat();
  rows.sort(
    (a, b) =>
      b.exact_terms - a.exact_terms ||
      b.matched_terms - a.matched_terms ||
      b.title_terms - a.title_terms ||
      b.updated_at.getTime() - a.updated_at.getTime() ||
      b.id - a.id,
  );
  return rows.map((row) => row.id);
}
