// Text clean-up shared by every stage: invisible characters, Unicode spaces, line ends, and Arabic folding for matching.

// Zero-width space, word joiner, BOM, soft hyphen and bidi controls carry no content in wire text and break matching.
// ZWNJ/ZWJ (U+200C/U+200D) are kept: in Persian and Urdu names they change how letters join.
const INVISIBLE_RE = /[\u200B\u2060\uFEFF\u00AD\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
// C0/C1 controls other than tab and newline; they only appear in damaged files.
const CONTROL_RE = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
const ANY_SPACE_RUN_RE = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u2028\u2029\u0085]+/g;

function isSpaceLike(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function isLineEnd(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029 || code === 0x85;
}

// Dropped outright: the invisible characters above plus C0/C1 controls (damaged files only).
function isDropped(code: number): boolean {
  return (
    code === 0x200b ||
    code === 0x2060 ||
    code === 0xfeff ||
    code === 0xad ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code < 0x09 ||
    (code >= 0x0e && code < 0x20) ||
    (code >= 0x7f && code <= 0x9f && code !== 0x85)
  );
}

// Printable ASCII and the Arabic block (less its invisible letter mark): the characters that need no attention.
function isPlain(code: number): boolean {
  return (code > 0x20 && code < 0x7f) || (code >= 0x0600 && code <= 0x06ff && code !== 0x061c);
}

const LINE_SPLIT_RE = /\r\n|[\n\r\u2028\u2029\u0085]/;
// Line ends other than LF and CRLF: rare in wire copy.
const OTHER_LINE_END_RE = /[\r\u2028\u2029\u0085]/;
// Anything cleanLine would change: a non-ASCII or control space, an invisible or control character, a double space,
// or a space at either end.
const NEEDS_CLEANING_RE =
  /[\u0000-\u001F\u007F-\u00A0\u00AD\u061C\u1680\u2000-\u200F\u202A-\u202F\u205F-\u2069\u3000\uFEFF]| {2}|^ | $/;
// The characters in NEEDS_CLEANING_RE: without them, only ASCII spaces need attention.
const NEEDS_CHARACTER_CLEANING_RE =
  /[\u0000-\u001F\u007F-\u00A0\u00AD\u061C\u1680\u2000-\u200F\u202A-\u202F\u205F-\u2069\u3000\uFEFF]/;
const SPACE_RUN_RE = / {2,}/g;
// A superset of NEEDS_CLEANING_RE less the line edges, which also matches the other line ends. Single ranges keep the
// scan fast, and most lines need no cleaning (docs/decisions/0010-parser-fast-paths.md).
const MAYBE_NEEDS_CLEANING_RE = /[\u0000-\u001F]|[\u007F-\u00AD]|\u061C|[\u1680-\uFFFF]| {2}/;

/** Cleans one line (no line ends inside): drops invisible characters, collapses space runs, trims. */
function cleanLine(text: string): string {
  const length = text.length;
  let line = "";
  let segmentStart = 0;
  let pendingSpace = false;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? text.charCodeAt(i) : -1;
    if (isPlain(code)) continue;
    // A lone ASCII space between two plain characters is the common case: keep it inside the segment.
    if (code === 0x20 && i > segmentStart && i + 1 < length && isPlain(text.charCodeAt(i + 1))) continue;
    const space = isSpaceLike(code) || isLineEnd(code);
    if (!space && code !== -1 && !isDropped(code)) continue;
    if (i > segmentStart) {
      if (pendingSpace && line.length > 0) line += " ";
      line += text.slice(segmentStart, i);
      pendingSpace = false;
    }
    if (space) pendingSpace = true;
    segmentStart = i + 1;
  }
  return line;
}

// Same result as cleanLine, with native shortcuts for the common cases: a blank line padded with NBSP (trim() knows
// every character cleanLine treats as a space or drops there), and a stray double space in a long paragraph.
function cleanLineQuickly(line: string): string {
  if (NEEDS_CHARACTER_CLEANING_RE.test(line)) return line.trim().length === 0 ? "" : cleanLine(line);
  return line.replace(SPACE_RUN_RE, " ").trim();
}

/**
 * Splits a decoded text into lines (LF, CRLF, CR, U+2028/2029, NEL), each trimmed, with invisible characters dropped
 * and every run of spaces (NBSP and other Unicode spaces included) collapsed to one space. Blank and NBSP-only lines
 * come back as empty strings.
 */
export function splitCleanLines(text: string): string[] {
  return splitCleanLinesNotingControls(text).lines;
}

// C0 controls other than tab, line feed, vertical tab, form feed and carriage return (see decode-input).
const CONTROL_TEST_RE = /[\u0000-\u0008\u000E-\u001F]/;

/**
 * splitCleanLines, also telling whether the text may hold a C0 control character other than tab, LF, VT, FF and CR.
 * When it may not, the binary-data check can be skipped: the cleaning check has already looked at every character.
 */
export function splitCleanLinesNotingControls(text: string): { lines: string[]; mayHaveControls: boolean } {
  // Split at LF, faster than with LINE_SPLIT_RE; CRLF is handled below and the other line ends, which the cleaning
  // check also catches, send the text to the general path.
  const lines = text.split("\n");
  const last = lines.length - 1;
  let mayHaveControls = false;
  for (let k = 0; k <= last; k++) {
    let line = lines[k] as string;
    // A CR right before the LF is part of that line end.
    if (k < last && line.charCodeAt(line.length - 1) === 0x0d) line = line.slice(0, -1);
    const length = line.length;
    if (
      length > 0 &&
      (line.charCodeAt(0) === 0x20 || line.charCodeAt(length - 1) === 0x20 || MAYBE_NEEDS_CLEANING_RE.test(line))
    ) {
      if (OTHER_LINE_END_RE.test(line)) return { lines: splitCleanLinesAtEveryLineEnd(text), mayHaveControls: true };
      if (!mayHaveControls) mayHaveControls = CONTROL_TEST_RE.test(line);
      if (NEEDS_CLEANING_RE.test(line)) line = cleanLineQuickly(line);
    }
    lines[k] = line;
  }
  return { lines, mayHaveControls };
}

function splitCleanLinesAtEveryLineEnd(text: string): string[] {
  const lines = text.split(LINE_SPLIT_RE);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (NEEDS_CLEANING_RE.test(line)) lines[i] = cleanLineQuickly(line);
  }
  return lines;
}

/** Collapses every whitespace run (line breaks included) to one space, drops invisible characters, and trims. */
export function normalizeWhitespace(text: string): string {
  return text.replace(INVISIBLE_RE, "").replace(CONTROL_RE, "").replace(ANY_SPACE_RUN_RE, " ").trim();
}

// Harakat, Quranic marks, superscript alef and tatweel: copy sometimes carries them inside words; they never change
// a name.
function isIgnorableMark(code: number): boolean {
  return (
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    code === 0x0640 ||
    (code >= 0x0610 && code <= 0x061a) ||
    (code >= 0x06d6 && code <= 0x06ed)
  );
}

/** True for the characters foldArabic drops: harakat and other marks, tatweel, and the hamza on the line. */
export function isDroppedByFolding(code: number): boolean {
  return code === 0x0621 || isIgnorableMark(code);
}

function foldCode(code: number): number {
  switch (code) {
    case 0x0622: // آ
    case 0x0623: // أ
    case 0x0625: // إ
    case 0x0671: // ٱ
    case 0x0672:
    case 0x0673:
      return 0x0627; // ا
    case 0x0649: // ى
    case 0x06cc: // ی
    case 0x0626: // ئ
      return 0x064a; // ي
    case 0x0629: // ة
      return 0x0647; // ه
    case 0x0624: // ؤ
      return 0x0648; // و
    case 0x06a9: // ک
      return 0x0643; // ك
    default:
      return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  }
}

/**
 * Folds Arabic spelling variants for matching only (never for output): drops diacritics and tatweel, unifies the
 * alef forms, ى/ی/ئ → ي, ة → ه, ؤ → و, ک → ك, drops the hamza on the line, lower-cases ASCII letters, and collapses
 * whitespace runs to one space (trimmed).
 */
export function foldArabic(text: string): string {
  let out = "";
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (isDroppedByFolding(code)) continue;
    if (pendingSpace) {
      out += " ";
      pendingSpace = false;
    }
    out += String.fromCharCode(foldCode(code));
  }
  return out;
}

/** Arabic letters proper (hamza to yeh, plus wasla and the Persian kaf/yeh), for "is this Arabic text" checks. */
export const ARABIC_LETTER_RE = /[\u0621-\u063A\u0641-\u064A\u0671\u06A9\u06CC]/;
