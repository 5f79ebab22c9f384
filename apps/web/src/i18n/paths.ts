// Paths inside an edition: Arabic unprefixed (/news/…), Russian and English under /ru and /en (see routing.ts).
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@minbar/i18n";

/** A path inside an edition, without its prefix: "/news/12/slug", or a path with query parameters. */
export type Href = string | { pathname: string; query?: Record<string, string | number | undefined> };

/** `href` in `locale`'s edition: "/news/12" stays as it is in Arabic, becomes "/ru/news/12" in Russian. */
export function getPathname({ href, locale }: { href: Href; locale: Locale }): string {
  const pathname = typeof href === "string" ? href : href.pathname;
  const prefixed = locale === DEFAULT_LOCALE ? pathname : `/${locale}${pathname === "/" ? "" : pathname}`;
  if (typeof href === "string" || !href.query) return prefixed;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(href.query)) if (value !== undefined) query.set(name, String(value));
  const search = query.toString();
  return search ? `${prefixed}?${search}` : prefixed;
}

/** The same path in every edition, for hreflang alternates: { ar: "/tags/x", ru: "/ru/tags/x", en: "/en/tags/x" }. */
export function editionPaths(href: Href): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, getPathname({ href, locale })])) as Record<Locale, string>;
}

/** The path of the localized 404 page in each edition (app/[locale]/not-found-view; see server/plain-html.ts). */
export const NOT_FOUND_VIEW = "/not-found-view";

/** The edition a path belongs to, by its prefix: /ru/… Russian, /en/… English, anything else Arabic. */
export function localeOfPath(path: string): Locale {
  const prefix = /^\/([a-z]{2})(?=\/|$|\?)/.exec(path)?.[1];
  return LOCALES.find((locale) => locale !== DEFAULT_LOCALE && locale === prefix) ?? DEFAULT_LOCALE;
}
