// The text of a localization's search document, normalized exactly as PostgreSQL's minbar_search_vector would
// normalize it, for writers that build the document themselves (the importer) and leave PostgreSQL only
// to_tsvector. See the migration `search_document_from_normalized_text`.
import { normalizeArabicForSearch } from "./normalize-arabic.ts";

type Locale = "ar" | "ru" | "en";

/** The three parts minbar_search_document takes: title (weight A), summary (B) and the body's text (C). */
export type SearchDocumentText = { title: string; summary: string; body: string };

/**
 * What minbar_search_vector(locale, title, summary, body) hands minbar_search_document: the blocks' `text` values
 * joined by spaces (as `string_agg(block ->> 'text', ' ')`, which skips blocks without one), every part normalized
 * by normalizeArabicForSearch for Arabic. Null when the body holds a `text` that is not a string: PostgreSQL would
 * print such a value in its own JSON format, so the document is left to it (write the row without a vector).
 */
export function searchDocumentText(
  locale: Locale,
  title: string | null,
  summary: string | null,
  body: unknown,
): SearchDocumentText | null {
  const texts: string[] = [];
  if (Array.isArray(body)) {
    for (const block of body as unknown[]) {
      if (block === null || typeof block !== "object" || Array.isArray(block)) continue;
      const text = (block as Record<string, unknown>).text;
      if (text === undefined || text === null) continue;
      if (typeof text !== "string") return null;
      texts.push(text);
    }
  }
  const parts = { title: title ?? "", summary: summary ?? "", body: texts.join(" ") };
  if (locale !== "ar") return parts;
  return {
    title: normalizeArabicForSearch(parts.title),
    summary: normalizeArabicForSearch(parts.summary),
    body: normalizeArabicForSearch(parts.body),
  };
}
