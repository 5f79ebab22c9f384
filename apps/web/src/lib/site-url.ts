// Absolute URLs for feeds, the sitemap and robots.txt, which readers' software fetches outside any page.
import "server-only";
import { connection } from "next/server";
import type { Locale } from "@minbar/i18n";
import { getEnv } from "../env.ts";
import { getPathname } from "../i18n/navigation.ts";

/**
 * The configured origin (PUBLIC_SITE_URL, required in production), never the Host or X-Forwarded-Host of a request:
 * those are the client's to choose. Read at request time, as these responses always were.
 */
export async function siteOrigin(): Promise<string> {
  await connection();
  return getEnv().siteOrigin;
}

/** `href` inside `locale` (Arabic unprefixed, /ru and /en prefixed) as an absolute URL. */
export function absoluteUrl(origin: string, href: string, locale: Locale): string {
  return `${origin}${getPathname({ href, locale })}`;
}

/**
 * Metadata `alternates.types` pointing feed readers to RSS feeds: the page's own listing first (an agency's or a
 * tag's page), then the edition's.
 */
export function feedAlternate(locale: Locale, title: string, listing?: { pathname: string; title: string }) {
  const listingFeed = listing ? [{ url: feedPath(locale, listing.pathname), title: listing.title }] : [];
  return { "application/rss+xml": [...listingFeed, { url: feedPath(locale), title }] };
}

/**
 * The RSS feed of a page that lists articles, in its edition: the front page's (`/`: /feed.xml, /ru/feed.xml) or an
 * agency's or tag's (/sources/tass/feed.xml, /ru/tags/x/feed.xml). Route handlers outside the locale proxy, so the
 * path is spelled out here rather than localized by it.
 */
export function feedPath(locale: Locale, pathname = "/"): string {
  const page = getPathname({ href: pathname, locale });
  return `${page === "/" ? "" : page}/feed.xml`;
}

/**
 * The configured origin, or "" so links stay relative to the page. Cached pages use this rather than siteOrigin():
 * one rendering is served to every request, so it must not depend on the Host header of the first one.
 */
export function configuredOrigin(): string {
  return getEnv().PUBLIC_SITE_URL?.replace(/\/+$/, "") ?? "";
}

/** The Open Graph spelling of each edition's locale. */
export const OPEN_GRAPH_LOCALES: Readonly<Record<Locale, string>> = { ar: "ar_AR", ru: "ru_RU", en: "en_US" };
