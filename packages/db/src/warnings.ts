// Which stored warnings keep a localization from being published until an editor resolves them.
// Mirrors the parser's BLOCKING_WARNINGS; kept here so the database layer does not depend on the parser.
export const BLOCKING_WARNING_CODES: ReadonlySet<string> = new Set(["missing_title", "missing_date", "missing_year"]);
