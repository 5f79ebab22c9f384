// The public site's locale routing: Arabic at /, Russian at /ru, English at /en; no guessing from the browser.
import { defineRouting } from "next-intl/routing";
import { DEFAULT_LOCALE, LOCALES } from "@minbar/i18n";

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "as-needed",
  // An English browser asking for / must still get the Arabic front page.
  localeDetection: false,
  // Nothing to remember, and a Set-Cookie would keep every page out of shared caches (server/front-cache.ts included).
  localeCookie: false,
  // Each page's <head> links its real translations; the middleware's header would offer every language for every URL.
  alternateLinks: false,
});
