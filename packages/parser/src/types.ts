// The parser's public contract: what a wire file becomes. Other packages and the CLI's JSON depend on it.

export type Block = { type: "paragraph" | "heading"; text: string };

/** The language of a wire text, told from its script. */
export type Locale = "ar" | "ru" | "en";

export type ParsedArticle = {
  locale: Locale;
  /** null when the file has no title line (warning `missing_title`). */
  title: string | null;
  /** A title an editor may accept, taken from the lead sentence when `title` is null. */
  provisionalTitle: string | null;
  /** ISO date `YYYY-MM-DD`, null when no date could be found. */
  publishedOn: string | null;
  blocks: Block[];
  photoCredit: string | null;
  source: string | null;
  brand: string | null;
};

export type WarningCode =
  | "missing_title"
  | "missing_date"
  | "missing_year"
  | "year_from_body"
  | "weekday_mismatch"
  | "date_mismatch"
  | "transcoded"
  | "missing_source"
  /** No date line: the date was taken from the body (e.g. `اليوم الخميس 19 أغسطس/آب 2021`). */
  | "date_from_body";

export type ParseWarning = { code: WarningCode; message: string };

export type ErrorCode =
  | "empty"
  | "binary"
  | "not_utf8"
  /** No Arabic, Russian or English text (the name predates Russian and English support; consumers key on it). */
  | "no_arabic"
  | "too_large"
  | "no_body"
  /** The CLI could not read the file (missing, a directory, no permission). */
  | "unreadable"
  /** A parser bug; never expected (property tests guard against it), reported instead of throwing. */
  | "internal";

export type ParseError = { code: ErrorCode; message: string };

export type ParseResult =
  | { ok: true; article: ParsedArticle; warnings: ParseWarning[] }
  | { ok: false; error: ParseError; warnings: ParseWarning[] };

export type ParseOptions = { filename?: string };

/** Warnings that keep an article out of publication until an editor resolves them. */
export const BLOCKING_WARNINGS: readonly WarningCode[] = ["missing_title", "missing_date", "missing_year"];
