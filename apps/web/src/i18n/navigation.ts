// Locale-aware paths, links and redirects for the site's routing: Arabic unprefixed (/news/…), Russian and English
// under /ru and /en. Written here rather than taken from next-intl's createNavigation: that module also defines
// next-intl's Link, a client component, and importing it at all puts its code (with next/link and a message
// formatting library) into every page's JavaScript.
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
 * A link to a page of the site, as a plain <a>. Not next/link: it is a client component, and on a reading site it
 * buys nothing worth its cost. Every public page is served whole from cache in milliseconds, so a normal navigation
 * is as quick as the client router's, while next/link's code would be downloaded, parsed and run on every phone
 * before the reader can scroll.
 */
export async function Link({ href, locale, ...rest }: LinkProps) {
  return createElement("a", {
    ...rest,
    href: getPathname({ href, locale: locale ?? ((await getLocale()) as Locale) }),
  });
}
