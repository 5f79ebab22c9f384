// Arabic search normalization, applied to queries exactly as the SQL function `minbar_normalize_ar` applies it to
// stored text (migration `init`), so both sides of a search meet in the same form.

const DIACRITICS_AND_TATWEEL = /[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]/g;
const LETTER_MAP: Record<string, string> = {
  "أ": "ا",
  "إ": "ا",
  "آ": "ا",
  "ٱ": "ا",
  "ى": "ي",
  "ؤ": "و",
  "ئ": "ي",
};
const ARABIC_INDIC_ZERO = 0x0660;
const FOLDED = /[أإآٱىؤئ\u0660-\u0669]/g;
// A word-final ه is often typed for ة (شراكه); folded to ة, both reach the same stem in the `arabic` stemmer.
const FINAL_HA = /([\u0621-\u064A]{2})ه(?=$|[^\u0621-\u064A])/g;
// PostgreSQL's `arabic` stemmer strips ال, بال, كال and a lone و/ف, but not و/ف before ال (والشراكة stays والشراك).
const CONJUNCTION_BEFORE_ARTICLE = /(^|[^\u0621-\u064A])[وف]([بك]?ال[\u0621-\u064A]{2,})/g;

export function normalizeArabicForSearch(text: string): string {
  return text
    .normalize("NFC")
    .replace(DIACRITICS_AND_TATWEEL, "")
    .replace(FOLDED, (ch) => LETTER_MAP[ch] ?? String.fromCharCode(ch.charCodeAt(0) - ARABIC_INDIC_ZERO + 48))
    .replace(FINAL_HA, "$1ة")
    .replace(CONJUNCTION_BEFORE_ARTICLE, "$1$2");
}
