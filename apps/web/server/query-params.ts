// The query parameters the public site's pages read: search reads `q` and `page`; every other page reads none (paging
// is in the path, /page/N), nor do Next's build files. The response cache keys and renders requests with these alone.
import { DEFAULT_LOCALE, LOCALES } from "@minbar/i18n";
import type { QueryParamsFor } from "./canonical-url.ts";

const prefixes = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE).join("|");
const SEARCH_PATH = new RegExp(`^(?:/(?:${prefixes}))?/search/?$`);
const SEARCH_PARAMS = ["q", "page"] as const;
// Next's image optimizer reads these three (the site renders no next/image today, but Next answers the route).
const IMAGE_PARAMS = ["url", "w", "q"] as const;

/** null for the API routes, whose query is left as it is. */
export const queryParamsFor: QueryParamsFor = (pathname) => {
  if (pathname.startsWith("/api/")) return null;
  if (pathname === "/_next/image") return IMAGE_PARAMS;
  return SEARCH_PATH.test(pathname) ? SEARCH_PARAMS : [];
};
