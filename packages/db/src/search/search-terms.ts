// What a reader's query asks for, shared by the reader's and the admin's search: its terms (words, and phrases in
// quotes), the forms each may match (the word, its readings without Arabic clitics, the prefixed forms the stemmer
// keeps), the near spellings of its rare words, and the tsqueries and ranking keys built from them
// (docs/decisions/0032-search-terms-and-ranking.md).
import { Prisma, type Locale, type PrismaClient } from "../generated/prisma/client.ts";
import { withoutArabicClitics } from "./arabic-clitics.ts";
import { findNearSpellings, normalizeLexiconWord } from "./near-spellings.ts";
import { normalizeArabicForSearch } from "./normalize-arabic.ts";

/** Longer queries are cut here: nobody types more, and every word costs a few tsquery terms. */
export const MAX_QUERY_LENGTH = 200;
/** Terms (words and phrases) searched at most; a phrase keeps at most as many words. */
const MAX_TERMS = 10;
const MAX_WORD_LENGTH = 64;
/** A word found in fewer published texts than this (in any of its forms) is searched in its near spellings too. */
export const FEW_MATCHES = 3;
/** Near spellings searched per rare word at most. */
const NEAR_SPELLINGS_PER_WORD = 3;

export const TEXT_SEARCH_CONFIG: Readonly<Record<Locale, string>> = { ar: "arabic", ru: "russian", en: "english" };

// The `arabic` stemmer keeps a clitic و/ف/ب before ا and never strips ل (واستراخان, لكازاخستان stay whole), so the
// query also asks for those prefixed forms; ك is left out (docs/decisions/0008-arabic-search-normalization.md).
const ARABIC_CLITICS = ["و", "ف", "ب", "ل"] as const;
// Two-letter words with a clitic are mostly other words (بحر is not ب + حر).
const MIN_CLITIC_BASE_LENGTH = 3;
const ARABIC_WORD = /^[\u0621-\u064A]+$/;
/** Least letters the stem of a word's reading without clitics keeps (guardedFormQuery). */
const MIN_STEM_LENGTH = 3;
// Straight, curly, low and guillemet quotes all open and close a phrase: readers type what their keyboard has.
const QUOTE = /["“”„‟«»]/u;
// Everything but letters, marks and digits separates words: operators and markup are never syntax here.
const SEPARATOR = /[^\p{L}\p{M}\p{N}]+/u;

export type SearchTerm = {
  /** The word, or the phrase's words joined by a space, as normalized for search. */
  text: string;
  phrase: boolean;
  /** Forms any of which matches: for a word, itself and its clitic readings; for a phrase, the phrase. */
  forms: string[];
};

export type PreparedSearch = {
  /** The reader's query, cut to MAX_QUERY_LENGTH characters, for showing back. */
  query: string;
  terms: SearchTerm[];
};

/** A rare query word and the near spellings searched for it, as the lexicon writes them. */
export type NearSpellingsUsed = { word: string; nearSpellings: string[] };

/** Terms with the near spellings searched besides each (empty for most). */
export type ExpandedSearch = PreparedSearch & { near: string[][] };

/** Cuts, normalizes and splits a reader's query into terms and their forms; no database needed. */
export function prepareSearchQuery(raw: string, locale: Locale): PreparedSearch {
  // Array.from splits by code point, so a cut never leaves half a surrogate pair behind.
  const query = Array.from(raw.slice(0, MAX_QUERY_LENGTH * 2))
    .slice(0, MAX_QUERY_LENGTH)
    .join("")
    .trim();
  // Only the Arabic search documents are normalized (minbar_search_vector), so only Arabic queries are.
  const text = locale === "ar" ? normalizeArabicForSearch(query) : query.normalize("NFC");
  const wordsOf = (part: string) =>
    part
      .split(SEPARATOR)
      .filter(Boolean)
      .map((word) => Array.from(word).slice(0, MAX_WORD_LENGTH).join(""))
      .slice(0, MAX_TERMS);
  const terms = new Map<string, SearchTerm>();
  const parts = text.split(QUOTE);
  for (const [index, part] of parts.entries()) {
    // Odd parts lie between quotes; the last one only if its quote was closed (an odd count leaves it open).
    const quoted = index % 2 === 1 && index < parts.length - 1;
    const words = wordsOf(part);
    if (quoted && words.length > 1) {
      const phrase = words.join(" ");
      terms.set(`"${phrase}"`, { text: phrase, phrase: true, forms: [phrase] });
    } else {
      for (const word of words) terms.set(word, { text: word, phrase: false, forms: wordForms(word, locale) });
    }
  }
  return { query, terms: [...terms.values()].slice(0, MAX_TERMS) };
}

function wordForms(word: string, locale: Locale): string[] {
  if (locale !== "ar") return [word];
  // The word as typed first, then its readings without clitics (وقازان → قازان), each tried beside it, never
  // instead of it, then with the clitics the stemmer keeps (استراخان → واستراخان).
  const prefixed = withArabicClitics(word).map(normalizeArabicForSearch);
  return [...new Set([word, ...withoutArabicClitics(word), ...prefixed].filter(Boolean))];
}

function withArabicClitics(word: string): string[] {
  if (!ARABIC_WORD.test(word) || word.length < MIN_CLITIC_BASE_LENGTH) return [];
  return ARABIC_CLITICS.map((clitic) =>
    // ل before the article is written لل (للاستراتيجية), not لال.
    clitic === "ل" && word.startsWith("ال") ? `ل${word.slice(1)}` : `${clitic}${word}`,
  );
}

/**
 * Adds near spellings to the words of `prepared` that the published texts of `locale` contain fewer than
 * FEW_MATCHES times in all their forms (a misspelt or rarely spelt name), from the lexicon (near-spellings.ts).
 */
export async function withNearSpellings(
  prisma: PrismaClient,
  locale: Locale,
  prepared: PreparedSearch,
): Promise<ExpandedSearch> {
  // The word and its readings without clitics: وتليوبردي is looked up as تليوبردي too. Not the prefixed forms.
  const lookups = prepared.terms.map((term) =>
    term.phrase
      ? []
      : [term.text, ...(locale === "ar" ? withoutArabicClitics(term.text) : [])].map((word) =>
          normalizeLexiconWord(locale, word),
        ),
  );
  const found = await findNearSpellings(prisma, { locale, words: lookups.flat(), rarerThan: FEW_MATCHES });
  const byWord = new Map(found.map((entry) => [entry.word, entry]));
  const near = prepared.terms.map((term, index) => {
    const entries = (lookups[index] ?? []).flatMap((word) => byWord.get(word) ?? []);
    if (entries.length === 0) return [];
    const documents = entries.reduce((sum, entry) => sum + entry.documents, 0);
    if (documents >= FEW_MATCHES) return [];
    const forms = new Set(term.forms.map((form) => normalizeLexiconWord(locale, form)));
    return [
      ...new Set(
        entries
          .flatMap((entry) => entry.nearSpellings)
          .sort((a, b) => b.similarity - a.similarity || b.documents - a.documents)
          .map((spelling) => spelling.word)
          .filter((word) => !forms.has(word)),
      ),
    ].slice(0, NEAR_SPELLINGS_PER_WORD);
  });
  return { ...prepared, near };
}

/**
 * The near spellings an expanded search used, per word, for the page's note: the word as the reader typed it, and
 * each spelling as `shown` (the matched words of the results, as written) has it, else as the lexicon does.
 */
export function nearSpellingsUsed(
  locale: Locale,
  search: ExpandedSearch,
  shown: readonly string[] = [],
): NearSpellingsUsed[] {
  const asWritten = new Map<string, string>();
  for (const word of [...search.query.split(SEPARATOR), ...shown]) {
    const key = normalizeLexiconWord(locale, word);
    if (!asWritten.has(key)) asWritten.set(key, word);
  }
  const written = (word: string) => asWritten.get(normalizeLexiconWord(locale, word)) ?? word;
  return search.terms.flatMap((term, index) => {
    const nearSpellings = search.near[index] ?? [];
    return nearSpellings.length > 0 ? [{ word: written(term.text), nearSpellings: nearSpellings.map(written) }] : [];
  });
}

const formQuery = (config: string, form: string, phrase: boolean) =>
  phrase
    ? Prisma.sql`phraseto_tsquery(${config}::regconfig, ${form})`
    : Prisma.sql`plainto_tsquery(${config}::regconfig, ${form})`;

/**
 * The tsqueries `parts` joined by `operator`, made once per statement: as an uncorrelated sub-select (an InitPlan) it
 * is not made again for every row it is tested against (the `::regconfig` cast keeps the planner from folding it).
 */
const once = (parts: readonly Prisma.Sql[], operator: "||" | "&&" = "||"): Prisma.Sql =>
  Prisma.sql`(SELECT ${Prisma.join(parts, ` ${operator} `)})`;

/** A tsquery matching any of `forms`, made once. */
export const anyForm = (config: string, forms: readonly string[], phrase = false): Prisma.Sql =>
  once(forms.map((form) => formQuery(config, form, phrase)));

/**
 * A reading without clitics, unless the stemmer cuts it to fewer than three letters, as it does a word's own ending:
 * قدية (from القدية) stems to قد, a word in nearly every text. The typed word's own query stands in for it then.
 */
const guardedFormQuery = (config: string, form: string, typed: string) =>
  Prisma.sql`(SELECT CASE WHEN numnode(q) = 1 AND char_length(q::text) >= ${MIN_STEM_LENGTH + 2} THEN q
    ELSE plainto_tsquery(${config}::regconfig, ${typed}) END FROM plainto_tsquery(${config}::regconfig, ${form}) q)`;

/** Per term, the tsquery of its exact forms, and of its exact forms or near spellings, each made once. */
export function termQueries(locale: Locale, search: ExpandedSearch): { exact: Prisma.Sql; any: Prisma.Sql }[] {
  const config = TEXT_SEARCH_CONFIG[locale];
  return search.terms.map((term, index) => {
    const stripped = new Set(locale === "ar" && !term.phrase ? withoutArabicClitics(term.text) : []);
    const exactParts = term.forms.map((form) =>
      stripped.has(form) ? guardedFormQuery(config, form, term.text) : formQuery(config, form, term.phrase),
    );
    const nearParts = (search.near[index] ?? []).map((form) => formQuery(config, form, false));
    const exact = once(exactParts);
    return { exact, any: nearParts.length > 0 ? once([...exactParts, ...nearParts]) : exact };
  });
}

/** A tsquery matching a text with any term (`||`) or with every term (`&&`). */
export const combined = (queries: Prisma.Sql[], operator: "||" | "&&"): Prisma.Sql => once(queries, operator);

/** Every word a text may match by, for highlighting: forms, the words of phrases, near spellings. */
export function highlightForms(search: ExpandedSearch): string[] {
  return [
    ...new Set([
      ...search.terms.flatMap((term) => (term.phrase ? term.text.split(" ") : term.forms)),
      ...search.near.flat(),
    ]),
  ];
}

/**
 * The ranking keys of a text whose search vector is `vector` and title-only vector `titleVector` (ts_filter to
 * weight A): terms matched exactly, terms matched at all (near spellings too), terms matched in the title. Sorting
 * by them in this order puts exact matches first, more terms above fewer, title matches above body matches.
 */
export function rankingKeys(
  queries: { exact: Prisma.Sql; any: Prisma.Sql }[],
  vector: Prisma.Sql,
  titleVector: Prisma.Sql,
): { exactTerms: Prisma.Sql; matchedTerms: Prisma.Sql; titleTerms: Prisma.Sql } {
  const count = (parts: Prisma.Sql[]) =>
    Prisma.sql`(${Prisma.join(
      parts.map((part) => Prisma.sql`(CASE WHEN ${part} THEN 1 ELSE 0 END)`),
      " + ",
    )})`;
  return {
    exactTerms: count(queries.map((q) => Prisma.sql`${vector} @@ ${q.exact}`)),
    matchedTerms: count(queries.map((q) => Prisma.sql`${vector} @@ ${q.any}`)),
    titleTerms: count(queries.map((q) => Prisma.sql`${titleVector} @@ ${q.any}`)),
  };
}
