// Russian and English dates: month and weekday names in every form copy uses, the date line and the body's dateline.

import { isValidDate, parseNumericDateLine } from "./parse-date.ts";
import type { BodyDate, WrittenDate } from "./parse-date.ts";

// Russian months in the nominative (март), genitive (марта, what a date uses) and prepositional (в марте), and the
// usual abbreviations; English full and short names (Sept too). Keys are lower case, without a final dot.
const MONTH_FORMS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ["январь", "января", "январе", "янв", "january", "jan"]],
  [2, ["февраль", "февраля", "феврале", "фев", "февр", "february", "feb"]],
  [3, ["март", "марта", "марте", "мар", "march", "mar"]],
  [4, ["апрель", "апреля", "апреле", "апр", "april", "apr"]],
  [5, ["май", "мая", "мае", "may"]],
  [6, ["июнь", "июня", "июне", "июн", "june", "jun"]],
  [7, ["июль", "июля", "июле", "июл", "july", "jul"]],
  [8, ["август", "августа", "августе", "авг", "august", "aug"]],
  [9, ["сентябрь", "сентября", "сентябре", "сен", "сент", "september", "sep", "sept"]],
  [10, ["октябрь", "октября", "октябре", "окт", "october", "oct"]],
  [11, ["ноябрь", "ноября", "ноябре", "ноя", "нояб", "november", "nov"]],
  [12, ["декабрь", "декабря", "декабре", "дек", "december", "dec"]],
];

// 0 = Sunday. Russian in the cases a dateline uses (в среду, среда, со среды), plus the two-letter abbreviations.
const WEEKDAY_FORMS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [0, ["воскресенье", "воскресенья", "вс", "sunday", "sun"]],
  [1, ["понедельник", "понедельника", "понедельнике", "пн", "monday", "mon"]],
  [2, ["вторник", "вторника", "вторнике", "вт", "tuesday", "tue", "tues"]],
  [3, ["среда", "среду", "среды", "среде", "ср", "wednesday", "wed"]],
  [4, ["четверг", "четверга", "четверге", "чт", "thursday", "thu", "thur", "thurs"]],
  [5, ["пятница", "пятницу", "пятницы", "пятнице", "пт", "friday", "fri"]],
  [6, ["суббота", "субботу", "субботы", "субботе", "сб", "saturday", "sat"]],
];

/** English names, for messages about Russian and English texts. */
export const ENGLISH_MONTH_NAMES: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
export const ENGLISH_WEEKDAY_NAMES: readonly string[] = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
];

function buildTable(forms: ReadonlyArray<readonly [number, readonly string[]]>): Map<string, number> {
  const table = new Map<string, number>();
  for (const [value, words] of forms) for (const word of words) table.set(word, value);
  return table;
}

const MONTH_BY_FORM = buildTable(MONTH_FORMS);
const WEEKDAY_BY_FORM = buildTable(WEEKDAY_FORMS);

function keyOf(word: string): string {
  const lower = word.toLowerCase().replace(/ё/g, "е");
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

/** A Russian or English month name in any form (`марта`, `март`, `Мая`, `Sept.`) to 1–12, or null. */
export function resolveRuEnMonth(word: string): number | null {
  return MONTH_BY_FORM.get(keyOf(word)) ?? null;
}

/** A Russian or English weekday name (`среду`, `Wednesday`, `Wed`) to 0–6 (Sunday = 0), or null. */
export function resolveRuEnWeekday(word: string): number | null {
  return WEEKDAY_BY_FORM.get(keyOf(word)) ?? null;
}

const WORD = "[A-Za-z\\u0400-\\u04FF]+";
// `19 июня 2019 г.`, `19 июня 2019 года`; ordinals `1st`, `1-го`.
const DAY = "(\\d{1,2})(?:-?(?:го|е|st|nd|rd|th))?";
const YEAR = "(\\d{4})(?: ?(?:г\\.?|года?))?";
const TIME = "(?:,? ?(?:в |at )?\\d{1,2}[:.]\\d{2}(?: ?(?:am|pm|a\\.m\\.|p\\.m\\.))?)?";
const WEEKDAY = `(?:(${WORD})\\.?,? )?`;
// `19 июня 2019`, `04 May`, `Monday, 4 March 2024`, `1st of May 2024`.
const DAY_MONTH_LINE_RE = new RegExp(`^${WEEKDAY}${DAY} (?:of )?(${WORD}\\.?)(?:,? ${YEAR})?${TIME}$`, "i");
// `March 4, 2024`, `May 4`, `Monday, March 4, 2024`.
const MONTH_DAY_LINE_RE = new RegExp(`^${WEEKDAY}(${WORD}\\.?) ${DAY}(?:,? ${YEAR})?${TIME}$`, "i");

function toWrittenDate(
  weekdayWord: string | undefined,
  dayText: string,
  monthWord: string,
  yearText: string | undefined,
): WrittenDate | null {
  let weekday: number | null = null;
  if (weekdayWord !== undefined) {
    weekday = resolveRuEnWeekday(weekdayWord);
    if (weekday === null) return null;
  }
  const month = resolveRuEnMonth(monthWord);
  if (month === null) return null;
  const day = Number(dayText);
  const year = yearText === undefined ? null : Number(yearText);
  return isValidDate(year ?? 2000, month, day) ? { year, month, day, weekday } : null;
}

const MAX_DATE_LINE_LENGTH = 60;

/** A Russian or English line that holds only a written date (`19 июня 2019`, `04 May`, `March 4, 2024`) or a numeric
 * one (`19.06.2019`), or null. */
export function parseRuEnDateLine(line: string): WrittenDate | null {
  if (line.length === 0 || line.length > MAX_DATE_LINE_LENGTH) return null;
  const dayMonth = DAY_MONTH_LINE_RE.exec(line);
  if (dayMonth) return toWrittenDate(dayMonth[1], dayMonth[2] ?? "", dayMonth[3] ?? "", dayMonth[4]);
  const monthDay = MONTH_DAY_LINE_RE.exec(line);
  if (monthDay) return toWrittenDate(monthDay[1], monthDay[3] ?? "", monthDay[2] ?? "", monthDay[4]);
  return parseNumericDateLine(line);
}

// In running text, tried only where a run of digits starts: `4 марта 2024`, `4th of March, 2024`, and (the month
// word read separately, before the run) `March 4, 2024`.
const BODY_DAY_MONTH_YEAR_RE = new RegExp(`${DAY} (?:of )?(${WORD})\\.?,? (\\d{4})(?!\\d)`, "iy");
const BODY_DAY_YEAR_RE = /(\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?!\d)/iy;
const DIGIT_RUN_RE = /\d+/g;
const TODAY_WORDS = new Set(["today", "сегодня"]);

function isWordLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x0400 && code <= 0x04ff);
}

/** The word just before position `end` (skipping one space and an optional comma), or null. */
function readWordBefore(text: string, end: number): { word: string; start: number } | null {
  let i = end;
  if (text.charCodeAt(i - 1) === 0x20) i--;
  if (text.charCodeAt(i - 1) === 0x2c) i--;
  if (text.charCodeAt(i - 1) === 0x2e) i--; // `Mon.`, `Sept.`
  if (i === end) return null;
  const wordEnd = i;
  while (i > 0 && isWordLetter(text.charCodeAt(i - 1))) i--;
  return i < wordEnd ? { word: text.slice(i, wordEnd), start: i } : null;
}

/**
 * The date a Russian or English body gives for its event: the first full date introduced by a weekday or by
 * "today"/"сегодня" (`в понедельник, 4 марта 2024 года`, `on Monday, March 4, 2024`); failing that, the first full
 * date of the lead paragraph. Month-and-year mentions without a day never count.
 */
export function findRuEnBodyDate(paragraphs: readonly string[]): BodyDate | null {
  let leadFallback: BodyDate | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p] as string;
    DIGIT_RUN_RE.lastIndex = 0;
    for (let run = DIGIT_RUN_RE.exec(text); run !== null; run = DIGIT_RUN_RE.exec(text)) {
      if (run[0].length > 2) continue;
      let start = run.index;
      let end = -1;
      let day = 0;
      let month: number | null = null;
      let year = 0;
      BODY_DAY_MONTH_YEAR_RE.lastIndex = run.index;
      const dayMonth = BODY_DAY_MONTH_YEAR_RE.exec(text);
      if (dayMonth !== null) {
        month = resolveRuEnMonth(dayMonth[2] ?? "");
        day = Number(dayMonth[1]);
        year = Number(dayMonth[3]);
        end = run.index + dayMonth[0].length;
      }
      if (month === null) {
        const monthWord = readWordBefore(text, run.index);
        // Only a space between the month and the day: `March 4`, not `March, 4`.
        const adjacent = monthWord !== null && monthWord.start + monthWord.word.length + 1 >= run.index;
        BODY_DAY_YEAR_RE.lastIndex = run.index;
        const dayYear = adjacent ? BODY_DAY_YEAR_RE.exec(text) : null;
        if (monthWord !== null && dayYear !== null) {
          month = resolveRuEnMonth(monthWord.word);
          day = Number(dayYear[1]);
          year = Number(dayYear[2]);
          start = monthWord.start;
          end = run.index + dayYear[0].length;
        }
      }
      if (month === null || !isValidDate(year, month, day)) continue;
      const before = readWordBefore(text, start);
      const weekday = before === null ? null : resolveRuEnWeekday(before.word);
      const isDateline = weekday !== null || (before !== null && TODAY_WORDS.has(keyOf(before.word)));
      const whole = text.slice(before === null ? start : before.start, end);
      const found: BodyDate = { year, month, day, weekday, isDateline, text: whole };
      if (isDateline) return found;
      if (p === 0 && leadFallback === null) leadFallback = found;
      DIGIT_RUN_RE.lastIndex = end;
    }
  }
  return leadFallback;
}
