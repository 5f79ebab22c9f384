// Arabic search normalization, applied to queries exactly as the SQL function `minbar_normalize_ar` applies it to
// stored text (migration `faster_arabic_search_normalization`), so both sides of a search meet in the same form:
//   1. NFC;
//   2. diacritics (U+064B–U+065F, U+0670, U+06D6–U+06ED) and tatweel (U+0640) removed;
//   3. أ إ آ ٱ → ا, ى → ي, ؤ → و, ئ → ي, Arabic-Indic digits → ASCII digits;
//   4. a word-final ه after two Arabic letters → ة (شراكه is often typed for شراكة; both reach the same stem);
//   5. a word-initial و or ف dropped before ال, بال or كال and two more letters (PostgreSQL's `arabic` stemmer strips
//      ال, بال, كال and a lone و/ف, but not و/ف before ال: والشراكة would stay والشراك).
// "Arabic letter" is U+0621–U+064A, as in the SQL. Steps 3–5 never move a character in or out of that range, so steps 4
// and 5 are both decided on the result of steps 2–3. A loop over char codes rather than regular-expression passes:
// the importer normalizes every article it writes (docs/decisions/0008-arabic-search-normalization.md).

const ALEF = 0x0627;
const YEH = 0x064a;
const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const KAF = 0x0643;
const LAM = 0x0644;
const HEH = 0x0647;
const TEH_MARBUTA = 0x0629;

/** The replacement of a char code by steps 2 and 3: -1 drops it. */
const FOLD = new Int32Array(0x0700 - 0x0600);
for (let i = 0; i < FOLD.length; i++) FOLD[i] = 0x0600 + i;
for (const code of [0x0640, 0x0670]) FOLD[code - 0x0600] = -1;
for (let code = 0x064b; code <= 0x065f; code++) FOLD[code - 0x0600] = -1;
for (let code = 0x06d6; code <= 0x06ed; code++) FOLD[code - 0x0600] = -1;
for (const code of [0x0623, 0x0625, 0x0622, 0x0671]) FOLD[code - 0x0600] = ALEF;
FOLD[0x0649 - 0x0600] = YEH;
FOLD[0x0624 - 0x0600] = WAW;
FOLD[0x0626 - 0x0600] = YEH;
for (let digit = 0; digit <= 9; digit++) FOLD[0x0660 + digit - 0x0600] = 0x30 + digit;

const isLetter = (code: number) => code >= 0x0621 && code <= YEH;

// ignoreBOM keeps a leading U+FEFF as text, as every other character.
const utf16 = new TextDecoder("utf-16le", { ignoreBOM: true });
// One buffer reused by every call (a typed array per call costs more in allocation and garbage collection than the
// work it holds); JavaScript runs this to the end before any other call can start.
let scratch = new Uint16Array(1 << 14);

export function normalizeArabicForSearch(text: string): string {
  const nfc = text.normalize("NFC");
  const length = nfc.length;
  // Steps 2 and 3, noting where steps 4 and 5 may apply (at ه, و and ف).
  if (scratch.length < length) scratch = new Uint16Array(2 ** Math.ceil(Math.log2(length)));
  const codes = scratch;
  const candidates: number[] = [];
  let n = 0;
  for (let i = 0; i < length; i++) {
    const code = nfc.charCodeAt(i);
    if (code < 0x0600 || code >= 0x0700) codes[n++] = code;
    else {
      const folded = FOLD[code - 0x0600] as number;
      if (folded < 0) continue;
      if (folded === HEH || folded === WAW || folded === FEH) candidates.push(n);
      codes[n++] = folded;
    }
  }
  // Steps 4 and 5, both decided on the result of step 3: ه → ة does not change what is a letter, so it is made in
  // place; the و and ف to drop are left out when the text is put together.
  const dropped: number[] = [];
  for (const i of candidates) {
    const code = codes[i] as number;
    if (code === HEH) {
      if (
        i >= 2 &&
        isLetter(codes[i - 1] as number) &&
        isLetter(codes[i - 2] as number) &&
        (i + 1 === n || !isLetter(codes[i + 1] as number))
      ) {
        codes[i] = TEH_MARBUTA;
      }
    } else if ((i === 0 || !isLetter(codes[i - 1] as number)) && startsArticleWord(codes, i + 1, n)) dropped.push(i);
  }
  if (dropped.length === 0) return utf16.decode(codes.subarray(0, n));
  let result = "";
  let from = 0;
  for (const i of dropped) {
    result += utf16.decode(codes.subarray(from, i));
    from = i + 1;
  }
  return result + utf16.decode(codes.subarray(from, n));
}

/** ال, بال or كال at `at`, followed by at least two Arabic letters. */
function startsArticleWord(codes: Uint16Array, at: number, n: number): boolean {
  const first = codes[at];
  const from = first === BEH || first === KAF ? at + 1 : at;
  if (articleAt(codes, from, n)) return true;
  return from !== at && articleAt(codes, at, n);
}

function articleAt(codes: Uint16Array, from: number, n: number): boolean {
  return (
    from + 3 < n &&
    codes[from] === ALEF &&
    codes[from + 1] === LAM &&
    isLetter(codes[from + 2] as number) &&
    isLetter(codes[from + 3] as number)
  );
}
