// Public entry of @minbar/parser: parse Arabic, Russian and English wire articles into structured, typed results.

export { parseArticle } from "./parse-article.ts";
export { MAX_INPUT_BYTES } from "./limits.ts";
export { normalizeWhitespace } from "./normalize-text.ts";
export { BLOCKING_WARNINGS } from "./types.ts";
export type {
  Block,
  ErrorCode,
  Locale,
  ParseError,
  ParseOptions,
  ParseResult,
  ParseWarning,
  ParsedArticle,
  WarningCode,
} from "./types.ts";
