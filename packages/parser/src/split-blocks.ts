// Line-level classification of article text: the site's language switch, headings versus paragraphs, lead sentence.

// The site's language switch (`Ru En`): two-letter codes or language names, nothing else on the line.
const LANGUAGE_SWITCH_RE =
  /^(?:(?:ru|en|ar|fr|de|es|tr|fa|рус|русский|eng|english|عربي|العربية|عربى)(?: ?[|/·•,] ?| |$))+$/i;

/** True for the language-switch navigation line (`Ru En`), which is site chrome, not content. */
export function isLanguageSwitchLine(line: string): boolean {
  return line.length <= 40 && LANGUAGE_SWITCH_RE.test(line);
}

// The site's note that a text is a translation not checked by the group (`Non-official translation`), under the date.
const TRANSLATION_NOTE_RE =
  /^[([]?(?:non-official|non official|unofficial|неофициальный) (?:translation|перевод)[)\].]?$|^[([]?ترجمة غير رسمية[)\].]?$/i;

/** True for the "non-official translation" note: site chrome, like the language switch. */
export function isTranslationNoteLine(line: string): boolean {
  return line.length <= 40 && TRANSLATION_NOTE_RE.test(line);
}

// Closing quotes and brackets are looked through: `روسيا."` ends a sentence, `(إينوبروم)` does not.
const CLOSERS = "\"'»”’)]}";
const SENTENCE_ENDS = ".!?؟…:؛;،,";
const MAX_HEADING_WORDS = 14;
const MAX_HEADING_LENGTH = 120;
const MAX_TITLE_WORDS = 30;
const MAX_TITLE_LENGTH = 250;

function countWords(line: string): number {
  let words = 1;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 32) words++;
  return words;
}

// Reads back from the end only (an end-anchored regex would be tried at every position), so it goes before countWords.
function endsLikeSentence(line: string): boolean {
  let end = line.length;
  while (end > 0 && CLOSERS.includes(line.charAt(end - 1))) end--;
  return end > 0 && SENTENCE_ENDS.includes(line.charAt(end - 1));
}

/** A subheading: a short line that does not end like a sentence (`العلاقات الإنسانية`). */
export function isHeadingLike(line: string): boolean {
  return line.length <= MAX_HEADING_LENGTH && !endsLikeSentence(line) && countWords(line) <= MAX_HEADING_WORDS;
}

/** A title without a date line under it: one line, not too long, not ending like a sentence. */
export function isTitleLike(line: string): boolean {
  return line.length <= MAX_TITLE_LENGTH && !endsLikeSentence(line) && countWords(line) <= MAX_TITLE_WORDS;
}

const MAX_PROVISIONAL_TITLE_LENGTH = 90;
const MIN_CLAUSE_CUT = 45;
// A sentence ends at . ! ? ؟ … followed by a space (or a closing quote then a space), or at the end of the text.
const LEAD_SENTENCE_END_RE = /[.!?؟…]["'»”’)]*(?= |$)/;
const TRAILING_PUNCTUATION_RE = /[\s.,،;؛:!?؟…\-–—]+$/;
const OPENING_BRACKET_RE = /[«“(]$/;

// A straight quote at the end opens a quotation only when the quotes before it are unbalanced.
function stripDanglingQuote(text: string): string {
  if (!text.endsWith('"')) return text.replace(OPENING_BRACKET_RE, "");
  let quotes = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 34) quotes++;
  return quotes % 2 === 1 ? text.slice(0, -1) : text;
}

/**
 * A title an editor may accept for an untitled article: the first sentence of the lead paragraph, cut at a word
 * boundary to at most 90 characters, without trailing punctuation.
 */
export function extractProvisionalTitle(leadParagraph: string): string | null {
  const end = LEAD_SENTENCE_END_RE.exec(leadParagraph);
  let sentence = end ? leadParagraph.slice(0, end.index) : leadParagraph;
  if (sentence.length > MAX_PROVISIONAL_TITLE_LENGTH) {
    // Prefer ending at a clause boundary (a comma or colon) when that keeps most of the room; else at a word.
    const head = sentence.slice(0, MAX_PROVISIONAL_TITLE_LENGTH + 1);
    const clause = Math.max(head.lastIndexOf("، "), head.lastIndexOf(", "), head.lastIndexOf(": "));
    const word = head.lastIndexOf(" ");
    const cut = clause >= MIN_CLAUSE_CUT ? clause : word;
    sentence = cut > 0 ? sentence.slice(0, cut) : sentence.slice(0, MAX_PROVISIONAL_TITLE_LENGTH);
  }
  // Strip punctuation and any quote or bracket left dangling by the cut, until nothing changes.
  let previous = "";
  while (previous !== sentence) {
    previous = sentence;
    sentence = stripDanglingQuote(sentence.replace(TRAILING_PUNCTUATION_RE, ""));
  }
  sentence = sentence.trim();
  return sentence.length > 0 ? sentence : null;
}
