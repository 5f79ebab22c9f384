// Public entry of @minbar/parser: parse Arabic wire articles into structured, typed results.

export { parseArticle } from "./parse-article";
export { MAX_INPUT_BYTES } from "./limits";
export { normalizeWhitespace } from "./normalize-text";
export { BLOCKING_WARNINGS } from "./types";
export type {
  Block,
  ErrorCode,
  ParseError,
  ParseOptions,
  ParseResult,
  ParseWarning,
  ParsedArticle,
  WarningCode,
} from "./types";
