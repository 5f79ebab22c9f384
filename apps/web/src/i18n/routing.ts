// The public site's locale routing: Arabic at /, Russian at /ru, English at /en; no guessing from the browser.
import { defineRouting } from "next-intl/routing";
import { DEFAULT_LOCALE, LOCALES } from "@minbar/i18n";

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "as-needed",
  // An English browser asking for / must still get the Arabic front page.
  localeDetection: false,
});
