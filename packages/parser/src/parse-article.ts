// The parser proper: wire text in (Arabic, Russian or English), article (title, date, blocks, footer) and warnings out.

import { checkTextControls, decodeInput } from "./decode-input.ts";
import { detectLocale, LOCALE_LETTER_RE } from "./detect-locale.ts";
import { matchFooterLine } from "./footer.ts";
import type { FooterLine } from "./footer.ts";
import { MONTH_NAMES, WEEKDAY_NAMES } from "./month-names.ts";
import { splitCleanLinesNotingControls } from "./normalize-text.ts";
import { findBodyDate, formatIsoDate, getWeekday, isValidDate, parseDateLine } from "./parse-date.ts";
import type { BodyDate, CalendarDate, WrittenDate } from "./parse-date.ts";
import { ENGLISH_MONTH_NAMES, ENGLISH_WEEKDAY_NAMES, findRuEnBodyDate, parseRuEnDateLine } from "./ru-en-dates.ts";
import {
  extractProvisionalTitle,
  isHeadingLike,
  isLanguageSwitchLine,
  isTitleLike,
  isTranslationNoteLine,
} from "./split-blocks.ts";
import type { Block, Locale, ParseError, ParseOptions, ParseResult, ParseWarning, ParsedArticle } from "./types.ts";

function fail(error: ParseError): ParseResult {
  return { ok: false, error, warnings: [] };
}

/** What differs between the languages: how dates are written, and the names messages use. */
type LocaleRules = {
  parseDateLine: (line: string) => WrittenDate | null;
  findBodyDate: (paragraphs: readonly string[]) => BodyDate | null;
  monthNames: readonly string[];
  weekdayNames: readonly string[];
  sourceLabel: string;
};

const ARABIC_RULES: LocaleRules = {
  parseDateLine,
  findBodyDate,
  monthNames: MONTH_NAMES,
  weekdayNames: WEEKDAY_NAMES,
  sourceLabel: "المصدر:",
};
const RUSSIAN_RULES: LocaleRules = {
  parseDateLine: parseRuEnDateLine,
  findBodyDate: findRuEnBodyDate,
  monthNames: ENGLISH_MONTH_NAMES,
  weekdayNames: ENGLISH_WEEKDAY_NAMES,
  sourceLabel: "Источник:",
};
const RULES: Readonly<Record<Locale, LocaleRules>> = {
  ar: ARABIC_RULES,
  ru: RUSSIAN_RULES,
  en: { ...RUSSIAN_RULES, sourceLabel: "Source:" },
};

function describeDate(date: { day: number; month: number; year?: number | null }, rules: LocaleRules): string {
  const month = rules.monthNames[date.month - 1] ?? String(date.month);
  return date.year == null ? `${date.day} ${month}` : `${date.day} ${month} ${date.year}`;
}

/** Site chrome above the article: the language switch and the "non-official translation" note. */
function isHeadChrome(line: string): boolean {
  return isLanguageSwitchLine(line) || isTranslationNoteLine(line);
}

function skipChrome(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && isHeadChrome(lines[i] as string)) i++;
  return i;
}

function isChromeOrFooter(line: string): boolean {
  return isHeadChrome(line) || matchFooterLine(line) !== null;
}

type Head = { title: string | null; dateLine: WrittenDate | null; next: number };

/** Reads the lines above the body: language switch, title, date line (in either order), translation note. */
function readHead(lines: readonly string[], rules: LocaleRules): Head {
  let i = skipChrome(lines, 0);
  let dateLine: WrittenDate | null = null;
  let title: string | null = null;
  const first = lines[i];
  if (first !== undefined) {
    dateLine = rules.parseDateLine(first);
    if (dateLine) i++;
    i = skipChrome(lines, i);
  }
  const candidate = lines[i];
  if (candidate !== undefined && matchFooterLine(candidate) === null) {
    const following = lines[i + 1];
    const followingDate = dateLine === null && following !== undefined ? rules.parseDateLine(following) : null;
    if (followingDate) {
      title = candidate;
      dateLine = followingDate;
      i += 2;
    } else if (following !== undefined && isTitleLike(candidate)) {
      title = candidate;
      i++;
    }
    i = skipChrome(lines, i);
  }
  return { title, dateLine, next: i };
}

type Body = Pick<ParsedArticle, "blocks" | "photoCredit" | "source" | "brand">;

/**
 * Splits the remaining lines into blocks and footer metadata. Photo and source lines are recognised wherever they
 * stand; the group's line only among the footer lines that close the text, after the body.
 */
function readBody(lines: readonly string[], start: number): Body {
  const body: Body = { blocks: [], photoCredit: null, source: null, brand: null };
  const texts: string[] = [];
  // The footer lines closing the text, found from the end, each matched once.
  const closing: FooterLine[] = [];
  let footerStart = lines.length;
  for (; footerStart > start; footerStart--) {
    const footer = matchFooterLine(lines[footerStart - 1] as string);
    if (footer === null) break;
    closing.push(footer);
  }
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] as string;
    const footer = i < footerStart ? matchFooterLine(line) : (closing[lines.length - 1 - i] as FooterLine);
    if (footer === null || (footer.kind === "brand" && i < footerStart)) texts.push(line);
    else if (body[footer.kind] === null) body[footer.kind] = footer.text;
  }
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    // A heading introduces something; a short unpunctuated last line is a paragraph.
    const type: Block["type"] = i < texts.length - 1 && isHeadingLike(text) ? "heading" : "paragraph";
    body.blocks.push({ type, text });
  }
  return body;
}

type DateDecision = { publishedOn: string | null; warnings: ParseWarning[] };

function isSameDayAndMonth(a: { day: number; month: number }, b: { day: number; month: number }): boolean {
  return a.day === b.day && a.month === b.month;
}

const DAY_MS = 86_400_000;

/**
 * The body's year, or the year next to it when that puts the date line's day and month closer to the body date
 * (date line 31 December, body "today, 1 January 2025" → 2024). Null when the day does not exist in the body's year
 * (29 February): then the body is not dating this article.
 */
function pickNearestYear(dateLine: WrittenDate, bodyDate: CalendarDate): number | null {
  if (!isValidDate(bodyDate.year, dateLine.month, dateLine.day)) return null;
  const bodyTime = Date.UTC(bodyDate.year, bodyDate.month - 1, bodyDate.day);
  const distance = (year: number): number =>
    Math.abs(Date.UTC(year, dateLine.month - 1, dateLine.day) - bodyTime) / DAY_MS;
  let best = bodyDate.year;
  for (const year of [bodyDate.year - 1, bodyDate.year + 1]) {
    if (isValidDate(year, dateLine.month, dateLine.day) && distance(year) < distance(best)) best = year;
  }
  return best;
}

function checkWeekday(
  date: CalendarDate,
  weekday: number | null,
  where: string,
  warnings: ParseWarning[],
  names: readonly string[],
): void {
  if (weekday === null) return;
  const actual = getWeekday(date);
  if (actual === weekday) return;
  warnings.push({
    code: "weekday_mismatch",
    message: `${where} names ${names[weekday]} but ${formatIsoDate(date)} is a ${names[actual]}`,
  });
}

/**
 * Decides the publication date. The date line wins; a missing year is taken from the body's dateline; with no date
 * line, the body's date is used. Disagreements are reported, never silently resolved.
 */
function decideDate(dateLine: WrittenDate | null, bodyDate: BodyDate | null, rules: LocaleRules): DateDecision {
  const warnings: ParseWarning[] = [];
  const names = rules.weekdayNames;
  if (bodyDate) checkWeekday(bodyDate, bodyDate.weekday, `the body date "${bodyDate.text}"`, warnings, names);
  if (dateLine === null) {
    if (bodyDate === null) {
      warnings.push({ code: "missing_date", message: "no date line and no full date in the body" });
      return { publishedOn: null, warnings };
    }
    warnings.push({ code: "date_from_body", message: `no date line; date taken from the body: "${bodyDate.text}"` });
    return { publishedOn: formatIsoDate(bodyDate), warnings };
  }
  let year = dateLine.year;
  if (year === null) {
    if (bodyDate === null) {
      warnings.push({
        code: "missing_year",
        message: `the date line gives ${describeDate(dateLine, rules)} without a year, and the body gives no full date`,
      });
      return { publishedOn: null, warnings };
    }
    const nearest = pickNearestYear(dateLine, bodyDate);
    if (nearest === null) {
      warnings.push({
        code: "missing_year",
        message: `the date line gives ${describeDate(dateLine, rules)} without a year, and ${bodyDate.year} (from the body date ${formatIsoDate(bodyDate)}) has no such day`,
      });
      return { publishedOn: null, warnings };
    }
    year = nearest;
    warnings.push({ code: "year_from_body", message: `year ${year} taken from the body date "${bodyDate.text}"` });
  }
  const date: CalendarDate = { year, month: dateLine.month, day: dateLine.day };
  checkWeekday(date, dateLine.weekday, "the date line", warnings, names);
  const bodyDisagrees = bodyDate !== null && (!isSameDayAndMonth(date, bodyDate) || bodyDate.year !== year);
  if (bodyDate && bodyDisagrees) {
    warnings.push({
      code: "date_mismatch",
      message: `the date line says ${formatIsoDate(date)} but the body says ${formatIsoDate(bodyDate)} ("${bodyDate.text}"); kept the date line`,
    });
  }
  return { publishedOn: formatIsoDate(date), warnings };
}

const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { ar: "Arabic", ru: "Russian", en: "English" };

function parseText(text: string, warnings: ParseWarning[]): ParseResult {
  const split = splitCleanLinesNotingControls(text);
  // The binary-data check decodeInput was told to skip: needed only if line cleaning met a control character.
  const binary = split.mayHaveControls ? checkTextControls(text) : null;
  if (binary) return fail(binary);
  const lines = split.lines.filter((line) => line.length > 0);
  if (lines.length === 0) return fail({ code: "empty", message: "input holds no text (empty or whitespace only)" });
  // The language from the script of the content: site chrome and footer lines (in any language) do not count.
  const locale = detectLocale(lines, isChromeOrFooter) ?? detectLocale(lines);
  if (locale === null) {
    return fail({ code: "no_arabic", message: "input contains no Arabic, Russian or English text" });
  }
  const rules = RULES[locale];
  const letters = LOCALE_LETTER_RE[locale];

  const head = readHead(lines, rules);
  const body = readBody(lines, head.next);
  if (body.blocks.length === 0) {
    const what = head.title === null ? "input" : `title "${head.title}"`;
    return fail({ code: "no_body", message: `${what} has no body text` });
  }
  // Letters of the language only in the footer (the group's line) is still a file with no article in it.
  if (!letters.test(head.title ?? "") && !body.blocks.some((block) => letters.test(block.text))) {
    return fail({ code: "no_arabic", message: `title and body contain no ${LANGUAGE_NAMES[locale]} text` });
  }
  const paragraphs = body.blocks.filter((block) => block.type === "paragraph").map((block) => block.text);
  const date = decideDate(head.dateLine, rules.findBodyDate(paragraphs), rules);

  let provisionalTitle: string | null = null;
  if (head.title === null) {
    provisionalTitle = extractProvisionalTitle(paragraphs[0] ?? body.blocks[0]?.text ?? "");
    warnings.push({
      code: "missing_title",
      message:
        provisionalTitle === null
          ? "no title line"
          : `no title line; provisional title from the lead sentence: "${provisionalTitle}"`,
    });
  }
  warnings.push(...date.warnings);
  if (body.source === null) {
    warnings.push({ code: "missing_source", message: `no source line (${rules.sourceLabel} ...)` });
  }

  const article: ParsedArticle = {
    locale,
    title: head.title,
    provisionalTitle,
    publishedOn: date.publishedOn,
    blocks: body.blocks,
    photoCredit: body.photoCredit,
    source: body.source,
    brand: body.brand,
  };
  return { ok: true, article, warnings };
}

/**
 * Parses one wire article. Bytes are decoded (UTF-8, or Windows-1256 / UTF-16 with a `transcoded` warning); a string
 * is taken as already-decoded text. Never throws: bad input gives `ok: false` with a typed error.
 */
export function parseArticle(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  try {
    if (typeof input !== "string" && !(input instanceof Uint8Array)) {
      return fail({ code: "binary", message: "input is neither a string nor bytes" });
    }
    if (input.length === 0) return fail({ code: "empty", message: "input is empty" });
    // Line splitting looks at every character anyway, so parseText does the control-character check.
    const decoded = decodeInput(input, { checkTextControls: false });
    if (!decoded.ok) return fail(decoded.error);
    return parseText(decoded.text, decoded.warnings);
  } catch (cause) {
    // Defensive only: no known input reaches this (property tests check it), but callers are promised no throw.
    const name = options.filename === undefined ? "input" : options.filename;
    return fail({ code: "internal", message: `unexpected parser failure on ${name}: ${String(cause)}` });
  }
}
