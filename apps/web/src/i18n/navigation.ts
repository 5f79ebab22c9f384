// Locale-aware paths, links and redirects for the site's routing: Arabic unprefixed (/news/…), Russian and English
// under /ru and /en. Not next-intl's createNavigation, whose module puts its client Link into every page's JavaScript
// (docs/decisions/0004-pages-as-plain-html.md).
import { createElement, type AnchorHTMLAttributes } from "react";
import { permanentRedirect as nextPermanentRedirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { Locale } from "@minbar/i18n";
import { getPathname, type Href } from "./paths.ts";

export { editionPaths, getPathname, type Href } from "./paths.ts";

/** Redirects (308) to `href` in `locale`'s edition: an address that has moved for good (an outdated slug). */
export function permanentRedirect({ href, locale }: { href: Href; locale: Locale }): never {
  nextPermanentRedirect(getPathname({ href, locale }));
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  href: Href;
  /** Another edition's page; the current edition's when left out. */
  locale?: Locale;
};

/**
 * A link to a page of the site, as a plain <a>. Not next/link, a client component: pages served whole from cache load
 * as quickly as its client router would, without its code on every phone.
 */
export async function Link({ href, locale, ...rest }: LinkProps) {
  return createElement("a", {
    ...rest,
    href: getPathname({ href, locale: locale ?? ((await getLocale()) as Locale) }),
  });
}
