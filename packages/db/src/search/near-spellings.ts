// Near spellings of query words: the words of the published texts of one language that look like a query word
// (trigram similarity, pg_trgm) and differ from it by a few letters (edit distance, fuzzystrmatch), from the lexicon
// of migration `search_lexicon` (docs/decisions/0031-near-spelling-lexicon.md).
import { Prisma, type Locale, type PrismaClient } from "../generated/prisma/client.ts";
import { withoutArabicClitics } from "./arabic-clitics.ts";
import { normalizeArabicForSearch } from "./normalize-arabic.ts";

/** Near spellings returned per query word at most. */
export const NEAR_SPELLING_LIMIT = 5;
/** Query words looked up at most (the search keeps ten words, and looks up an Arabic word's clitic readings too). */
const MAX_WORDS = 30;
/** The lexicon holds words of 2–64 letters and no digits (minbar_lexicon_words). */
const LEXICON_WORD = /^[\p{L}\p{M}]{2,64}$/u;
/** Shorter words get no near spellings: one letter off a three-letter word is another word (مصر/مصرف, war/was). */
const MIN_NEAR_SPELLING_LENGTH = 4;
/**
 * Least trigram similarity of a near spelling. Two letters swapped in a nine-letter name still score 0.43
 * (تيلوبيردي/تليوبيردي), one letter added 0.62 (Тлеуберди/Тилеуберди); below 0.4 came other words sharing the
 * article and an ending (الرييس/الروس 0.30) or one letter of five (peace/place 0.33).
 */
export const MIN_SIMILARITY = 0.4;
/** Words of four or five letters need more: one letter added to `trade` is `tirade` (0.44). */
const MIN_SHORT_WORD_SIMILARITY = 0.5;

export type NearSpelling = {
  word: string;
  /** pg_trgm similarity to the query word, 0–1. */
  similarity: number;
  /** Published localizations of the language containing this word. */
  documents: number;
};

export type WordNearSpellings = {
  /** The query word as looked up (normalizeLexiconWord). */
  word: string;
  /** Published localizations containing the word itself (0: none). */
  documents: number;
  /** Best first: most similar, then most common; never the word itself. */
  nearSpellings: NearSpelling[];
};

/**
 * A query word in the lexicon's form: as the search normalizes it (Arabic: normalizeArabicForSearch; Russian and
 * English: NFC), in lower case and with ё as е, as minbar_lexicon_words writes the texts' words.
 */
export function normalizeLexiconWord(locale: Locale, word: string): string {
  const normalized = locale === "ar" ? normalizeArabicForSearch(word) : word.normalize("NFC");
  return normalized.toLowerCase().replaceAll("ё", "е");
}

/**
 * How many letters a near spelling may differ by: transliterations differ by a letter or two (Тлеуберди/Тилеуберди,
 * Tleuberdi/Tileuberdi: 1; تيلوبيردي/تليوبيردي, two letters swapped: 2). Arabic clitics and the article do not count
 * towards the length: الحرب and بالعمل are words of three letters (الحرف, بالعمال are other words), and a bare
 * clitic cluster in every other word made such words compare with thousands (22 ms at 100,000 articles).
 */
function maxEditsFor(locale: Locale, word: string): number {
  const forms = locale === "ar" ? [word, ...withoutArabicClitics(word)] : [word];
  const length = Math.min(...forms.map((form) => Array.from(form).length));
  if (length < MIN_NEAR_SPELLING_LENGTH) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

function minSimilarityFor(locale: Locale, word: string): number {
  return maxEditsFor(locale, word) === 1 ? MIN_SHORT_WORD_SIMILARITY : MIN_SIMILARITY;
}

type Row = {
  i: bigint;
  documents: number;
  near: string | null;
  near_documents: number | null;
  similarity: number | null;
};

/**
 * For each query word (deduplicated after normalization, at most ten), its own document count and its near
 * spellings in `locale`, in the order given. Words the lexicon never holds (with digits or other signs, of one
 * letter, longer than 64) are left out of the answer. Never throws on what a reader types.
 */
export async function findNearSpellings(
  prisma: PrismaClient,
  {
    locale,
    words,
    limit = NEAR_SPELLING_LIMIT,
    rarerThan = Number.POSITIVE_INFINITY,
  }: {
    locale: Locale;
    words: readonly string[];
    limit?: number;
    /** Near spellings only for words in fewer published texts than this (the others' would go unused). */
    rarerThan?: number;
  },
): Promise<WordNearSpellings[]> {
  const lookedUp = [...new Set(words.map((word) => normalizeLexiconWord(locale, word)))]
    .filter((word) => LEXICON_WORD.test(word))
    .slice(0, MAX_WORDS);
  if (lookedUp.length === 0) return [];
  const safeLimit = Math.min(20, Math.max(1, Math.floor(Number.isFinite(limit) ? limit : NEAR_SPELLING_LIMIT)));
  const rarer = Number.isFinite(rarerThan) ? Math.max(0, Math.min(2 ** 31 - 1, Math.floor(rarerThan))) : 2 ** 31 - 1;
  const minSimilarities = lookedUp.map((word) => minSimilarityFor(locale, word));
  // `%` is pg_trgm's similarity operator, answered by the GIN index at the threshold set_config gives it for this
  // statement's transaction only (at its default, 0.3, it handed seven times as many Arabic candidates to the recheck); each
  // word's own least similarity and edit distance then keep the candidates a letter or two away.
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT q.i, coalesce(e.documents, 0)::int AS documents, n.word AS near, n.documents AS near_documents,
      n.similarity
    FROM (
      SELECT u.*, set_config('pg_trgm.similarity_threshold', ${String(Math.min(...minSimilarities))}, true)
      FROM unnest(${lookedUp}::text[], ${lookedUp.map((word) => maxEditsFor(locale, word))}::int[],
        ${minSimilarities}::float8[]) WITH ORDINALITY AS u(word, edits, min_similarity, i)
      OFFSET 0
    ) q
    LEFT JOIN search_lexicon e ON e.locale = ${locale}::"Locale" AND e.word = q.word
    LEFT JOIN LATERAL (
      SELECT s.word, s.documents, similarity(s.word, q.word)::float8 AS similarity
      FROM search_lexicon s
      WHERE q.edits > 0 AND coalesce(e.documents, 0) < ${rarer}::int AND s.word % q.word AND s.locale = ${locale}::"Locale" AND s.word <> q.word
        AND s.documents > 0 AND similarity(s.word, q.word) >= q.min_similarity
        AND levenshtein_less_equal(s.word, q.word, q.edits) <= q.edits
      ORDER BY similarity DESC, s.documents DESC, s.word
      LIMIT ${safeLimit}
    ) n ON true
    ORDER BY q.i, n.similarity DESC, n.documents DESC, n.word`;
  const results = lookedUp.map((word): WordNearSpellings => ({ word, documents: 0, nearSpellings: [] }));
  for (const row of rows) {
    const result = results[Number(row.i) - 1];
    if (!result) continue;
    result.documents = row.documents;
    if (row.near !== null && row.near_documents !== null && row.similarity !== null) {
      result.nearSpellings.push({ word: row.near, similarity: row.similarity, documents: row.near_documents });
    }
  }
  return results;
}

/**
 * Counts the words of texts published (or edited while published) since the last refresh, `batchSize` texts per
 * transaction, until the queue is empty or `maxBatches` ran. Call it where the public site is told of changes;
 * concurrent calls do not wait for each other (the second finds nothing to do). Returns the queue entries taken.
 */
export async function refreshSearchLexicon(
  prisma: PrismaClient,
  { batchSize = 500, maxBatches = Number.POSITIVE_INFINITY }: { batchSize?: number; maxBatches?: number } = {},
): Promise<number> {
  let taken = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const [row] = await prisma.$queryRaw<{ taken: number }[]>(
      Prisma.sql`SELECT minbar_refresh_search_lexicon(${batchSize}::int) AS taken`,
    );
    const count = row?.taken ?? 0;
    taken += count;
    if (count < batchSize) break;
  }
  return taken;
}
