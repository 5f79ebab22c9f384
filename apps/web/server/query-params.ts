// The query parameters the public site's pages read: search reads `q` and `page`; every other page reads none (paging
// is in the path, /page/N). The response cache keys and renders requests with these alone.
import { DEFAULT_LOCALE, LOCALES } from "@minbar/i18n";

const prefixes = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE).join("|");
const SEARCH_PATH = new RegExp(`^(?:/(?:${prefixes}))?/search/?$`);
const SEARCH_PARAMS = ["q", "page"] as const;

/** null for Next's own files and the API routes, whose query is left as it is. */
export function queryParamsFor(pathname: string): readonly string[] | null {
  if (pathname.startsWith("/_next/") || pathname.startsWith("/api/")) return null;
  return SEARCH_PATH.test(pathname) ? SEARCH_PARAMS : [];
}
