// Finding publication dates: the date line under the title, and the dateline sentence inside the body.

import { ANY_DIGIT, parseDigits, toLatinDigits } from "./arabic-digits.ts";
import { resolveMonth, resolveWeekday } from "./month-names.ts";

export type CalendarDate = { year: number; month: number; day: number };

/** A date as written: the year may be missing (the site drops it for the current year). */
export type WrittenDate = {
  year: number | null;
  month: number;
  day: number;
  /** Weekday named next to the date (0 = Sunday), null when none. */
  weekday: number | null;
};

// Arabic letters, Persian kaf/yeh, tatweel and diacritics: what a month or weekday name may be made of.
const LETTER = "[\\u0621-\\u064A\\u064B-\\u065F\\u0670\\u0671\\u06A9\\u06CC]";
const WORD = `${LETTER}+`;
// One or two words (كانون الثاني), optionally paired with a second name after a slash (مارس/آذار).
const MONTH_CHUNK = `${WORD}(?: ${WORD})?(?: ?[/\\\\|] ?${WORD}(?: ${WORD})?)?`;

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** True when the date exists in the proleptic Gregorian calendar and its year is plausible for a news article. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (!Number.isInteger(day) || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Arithmetic rather than a Date: this runs for every date candidate in a body.
function daysInMonth(year: number, month: number): number {
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && isLeap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

/** Day of the week, 0 = Sunday. */
export function getWeekday(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** `YYYY-MM-DD`. */
export function formatIsoDate(date: CalendarDate): string {
  const mm = String(date.month).padStart(2, "0");
  const dd = String(date.day).padStart(2, "0");
  return `${String(date.year).padStart(4, "0")}-${mm}-${dd}`;
}

// A line that is only a date, after digits are made Latin: optional weekday, day, month name(s), optional year
// (with the optional Arabic era mark م), optional time.
const WRITTEN_DATE_LINE_RE = new RegExp(
  // eslint-disable-next-line no-misleading-character-class -- harakat are class members on purpose (LETTER)
  `^(?:يوم )?(?:(${WORD})[،,]? )?(\\d{1,2}) ?(?:[-./] ?)?(${MONTH_CHUNK})(?:[،,]? ?(\\d{4}) ?(?:م\\.?)?)?(?:[،,\\-–|]? ?(?:الساعة )?\\d{1,2}:\\d{2})?$`,
);
const NUMERIC_DMY_LINE_RE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const NUMERIC_YMD_LINE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const MAX_DATE_LINE_LENGTH = 60;

/**
 * Reads a line that holds only a date (`٠٤ مارس`, `٣٠ مايو ٢٠٢٢`, `الخميس 7 نوفمبر/تشرين الثاني 2024`,
 * `04.03.2024`, `2024-03-04`). Returns null for any other line, including impossible dates.
 */
export function parseDateLine(line: string): WrittenDate | null {
  if (line.length === 0 || line.length > MAX_DATE_LINE_LENGTH) return null;
  const latin = toLatinDigits(line);
  const written = WRITTEN_DATE_LINE_RE.exec(latin);
  if (written) {
    const [, weekdayWord, dayText, monthText, yearText] = written;
    let weekday: number | null = null;
    if (weekdayWord !== undefined) {
      weekday = resolveWeekday(weekdayWord);
      if (weekday === null) return null;
    }
    const month = resolveMonth(monthText ?? "", { fuzzy: true });
    if (month === null) return null;
    const day = Number(dayText);
    const year = yearText === undefined ? null : Number(yearText);
    if (!isValidDate(year ?? 2000, month, day)) return null;
    return { year, month, day, weekday };
  }
  return parseNumericDateLine(latin);
}

/** A line that is only a numeric date, in Latin digits: `04.03.2024`, `04/03/2024`, `2024-03-04`; else null. */
export function parseNumericDateLine(latin: string): WrittenDate | null {
  const dmy = NUMERIC_DMY_LINE_RE.exec(latin);
  const ymd = dmy ? null : NUMERIC_YMD_LINE_RE.exec(latin);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  return isValidDate(year, month, day) ? { year, month, day, weekday: null } : null;
}

/** A full date found in running text. */
export type BodyDate = CalendarDate & {
  weekday: number | null;
  /** Introduced by a weekday or by اليوم ("today"): the sentence is dating the event itself. */
  isDateline: boolean;
  /** The date as written, for messages. */
  text: string;
};

// In running text: day, month name(s), year. Sticky, tried only where a run of digits starts, with the word before the
// day (a weekday, اليوم) read separately: otherwise the pattern is tried at every character of the paragraph.
const BODY_DATE_RE = new RegExp(
  `(?<!${ANY_DIGIT})(${ANY_DIGIT}{1,2}) ?(${MONTH_CHUNK})[،,]? ?(${ANY_DIGIT}{4})(?!${ANY_DIGIT})`,
  "y",
);
const DIGIT_RUN_RE = new RegExp(`${ANY_DIGIT}+`, "g");

function isNameLetter(code: number): boolean {
  return (code >= 0x0621 && code <= 0x065f) || code === 0x0670 || code === 0x0671 || code === 0x06a9 || code === 0x06cc;
}

/** The word just before position `end` (skipping one space and an optional comma), or null. */
function readWordBefore(text: string, end: number): { word: string; start: number } | null {
  let i = end;
  if (text.charCodeAt(i - 1) === 0x20) i--;
  const comma = text.charCodeAt(i - 1);
  if (comma === 0x060c || comma === 0x2c) i--;
  if (i === end) return null;
  const wordEnd = i;
  while (i > 0 && isNameLetter(text.charCodeAt(i - 1))) i--;
  return i < wordEnd ? { word: text.slice(i, wordEnd), start: i } : null;
}

const TODAY_RE = /^(?:ال)?يوم$/;

/**
 * Finds the date a body gives for its event: the first full date introduced by a weekday or "اليوم"
 * (`اليوم الإثنين 4 مارس/آذار 2024`); failing that, the first full date in the lead paragraph.
 * Dates without a day or year (`في يوليو/تموز 2022`) are never used: they usually name other events.
 */
export function findBodyDate(paragraphs: readonly string[]): BodyDate | null {
  let leadFallback: BodyDate | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p] as string;
    // A match starts at the start of a digit run (the lookbehind), so trying only run starts, left to right, finds
    // the same matches as an unanchored search; most paragraphs have few runs or none.
    let from = 0;
    for (;;) {
      DIGIT_RUN_RE.lastIndex = from;
      const run = DIGIT_RUN_RE.exec(text);
      if (run === null) break;
      BODY_DATE_RE.lastIndex = run.index;
      const match = BODY_DATE_RE.exec(text);
      if (match === null) {
        from = run.index + run[0].length;
        continue;
      }
      const [dated, dayText, monthText, yearText] = match;
      const month = resolveMonth(monthText ?? "");
      const day = parseDigits(dayText ?? "");
      const year = parseDigits(yearText ?? "");
      if (month === null || !isValidDate(year, month, day)) {
        // The month chunk may have swallowed the start of the next date; retry just after the day.
        from = match.index + (dayText ?? "").length;
        continue;
      }
      const before = readWordBefore(text, match.index);
      const weekday = before === null ? null : resolveWeekday(before.word);
      const isDateline = weekday !== null || (before !== null && TODAY_RE.test(before.word));
      const whole = before === null ? dated : text.slice(before.start, match.index + dated.length);
      const found: BodyDate = { year, month, day, weekday, isDateline, text: whole };
      if (isDateline) return found;
      if (p === 0 && leadFallback === null) leadFallback = found;
      from = match.index + dated.length;
    }
  }
  return leadFallback;
}
