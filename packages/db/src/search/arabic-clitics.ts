// A reader's query word may itself carry clitics (وقازان, وبالمدينة, للاستراتيجية) while the article has the bare word.
// The word is never replaced: the forms without its clitics are offered beside it, and only when what is left is a
// word of its own length (بحر is not ب + حر). Works on text already put through normalizeArabicForSearch.

const CONJUNCTIONS = ["", "و", "ف"] as const;
const PREPOSITIONS = ["", "ب", "ك", "ل"] as const;
const ARTICLE = "ال";
/** Fewer letters than this left after a clitic: the "clitic" was most likely the word's own first letter. */
export const MIN_STRIPPED_LENGTH = 3;
const ARABIC_WORD = /^[\u0621-\u064A]+$/;

type Cluster = { prefix: string; hasArticle: boolean };

/** Every clitic cluster: a conjunction, then a preposition, then the article, each optional (ل + ال is written لل). */
export const CLITIC_CLUSTERS: readonly Cluster[] = CONJUNCTIONS.flatMap((conjunction) =>
  PREPOSITIONS.flatMap((preposition) =>
    [false, true].map((hasArticle) => ({
      prefix: conjunction + (hasArticle ? (preposition === "ل" ? "لل" : preposition + ARTICLE) : preposition),
      hasArticle,
    })),
  ),
)
  .filter(({ prefix }) => prefix !== "")
  // Longest first, so the listing reads from the fullest reading down.
  .sort((a, b) => b.prefix.length - a.prefix.length);

/**
 * The forms of a normalized Arabic word without its leading clitics: for وبالمدينة, المدينة and مدينة (and the shorter
 * readings: بالمدينة). Empty for a word with no clitic reading leaving at least MIN_STRIPPED_LENGTH letters.
 */
export function withoutArabicClitics(word: string): string[] {
  if (!ARABIC_WORD.test(word)) return [];
  const forms = new Set<string>();
  for (const { prefix, hasArticle } of CLITIC_CLUSTERS) {
    if (!word.startsWith(prefix)) continue;
    const stem = word.slice(prefix.length);
    // What the stemmer keeps of it (it drops a leading article) must be a word too: والي is not و + الي.
    const core = stem.startsWith(ARTICLE) ? stem.slice(ARTICLE.length) : stem;
    if (core.length < MIN_STRIPPED_LENGTH) continue;
    // With the article, the word without the clitic keeps it (بالمدينة → المدينة) and the bare word drops it too.
    if (hasArticle) forms.add(ARTICLE + stem);
    forms.add(stem);
  }
  forms.delete(word);
  return [...forms];
}
