// RSS feeds: an edition's (its latest published articles) and an agency's or a tag's in one edition, with absolute
// links. Route handlers: /feed.xml, /{locale}/feed.xml, /sources/{slug}/feed.xml, /tags/{slug}/feed.xml (and their
// /ru, /en forms). Paths with a dot bypass the locale proxy, so these apply its rules themselves.
import "server-only";
import { getTranslations } from "next-intl/server";
import type { PublicArticleSummary } from "@minbar/db/public";
import { isLocale, type Locale } from "@minbar/i18n";
import { routing } from "../i18n/routing.ts";
import {
  articlePath,
  listFeedArticles,
  listSourceFeed,
  listSectionFeed,
  listTagFeed,
  parseSlugSegment,
  sectionPath,
  sourcePath,
  tagPath,
} from "./published-content.ts";
import { renderFeedStylesheet } from "./feed-stylesheet.ts";
import { renderRss } from "./rss.ts";
import { absoluteUrl, feedPath, siteOrigin } from "./site-url.ts";

type FeedInput = {
  locale: Locale;
  title: string;
  description: string;
  pathname: string;
  articles: PublicArticleSummary[];
};

/** Where an edition's feeds find their XSL stylesheet: /feed.xsl, /ru/feed.xsl, /en/feed.xsl. */
export const feedStylesheetPath = (locale: Locale) =>
  (locale === routing.defaultLocale ? "" : `/${locale}`) + "/feed.xsl";

/**
 * A browser shows application/rss+xml as plain text and applies a stylesheet only to an XML type, so a browser's
 * page load (which asks for HTML first) gets the same document as application/xml; feed readers, which ask for feeds
 * or anything, keep application/rss+xml.
 */
function feedContentType(request: Request | undefined): string {
  const accept = request?.headers.get("accept") ?? "";
  const asPage = /(^|,)\s*text\/html\s*(;|,|$)/i.test(accept) && !/rss\+xml|atom\+xml/i.test(accept);
  return `${asPage ? "application/xml" : "application/rss+xml"}; charset=utf-8`;
}

async function rssResponse(
  { locale, title, description, pathname, articles }: FeedInput,
  request: Request | undefined,
): Promise<Response> {
  const origin = await siteOrigin();
  const xml = renderRss({
    stylesheet: feedStylesheetPath(locale),
    title,
    link: absoluteUrl(origin, pathname, locale),
    self: `${origin}${feedPath(locale, pathname)}`,
    description,
    language: locale,
    items: articles.map((article) => ({
      title: article.title,
      link: absoluteUrl(origin, articlePath(article), locale),
      // /news/{id} outlives slug changes (it redirects to the current slug), so feed readers never see a story twice.
      guid: absoluteUrl(origin, `/news/${article.id}`, locale),
      publishedAt: article.publishedAt,
      updatedAt: article.revisedAt,
      description: article.lead,
    })),
  });
  return new Response(xml, { headers: { "Content-Type": feedContentType(request), Vary: "Accept" } });
}

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The edition's feed. */
export async function feedResponse(locale: Locale, request?: Request): Promise<Response> {
  const [t, articles] = await Promise.all([getTranslations({ locale, namespace: "Site" }), listFeedArticles(locale)]);
  return rssResponse(
    { locale, title: t("feedTitle"), description: t("description"), pathname: "/", articles },
    request,
  );
}

/** The XSL stylesheet of an edition's feeds (see feed-stylesheet.ts), its strings from the web catalogue. */
export async function feedStylesheetResponse(locale: Locale): Promise<Response> {
  const t = await getTranslations({ locale, namespace: "Feed" });
  const xsl = renderFeedStylesheet(locale, {
    banner: t("banner"),
    howTo: t("howTo"),
    address: t("address"),
    latest: t("latest"),
    empty: t("empty"),
    visit: t("visit"),
  });
  return new Response(xsl, { headers: { "Content-Type": "text/xsl; charset=utf-8" } });
}

const LISTINGS = {
  source: { namespace: "Source", find: listSourceFeed, path: sourcePath },
  tag: { namespace: "Tag", find: listTagFeed, path: tagPath },
  section: { namespace: "Section", find: listSectionFeed, path: sectionPath },
} as const;

export type ListingKind = keyof typeof LISTINGS;

/** An agency's or a tag's feed title, as its page's <link rel="alternate"> and the feed itself give it. */
export async function listingFeedTitle(kind: ListingKind, locale: Locale, name: string): Promise<string> {
  const [t, site] = await Promise.all([
    getTranslations({ locale, namespace: LISTINGS[kind].namespace }),
    getTranslations({ locale, namespace: "Site" }),
  ]);
  return `${t("title", { name })} — ${site("name")}`;
}

/** An agency's or a tag's feed in one edition, from the slug segment of its URL; 404 when there is no such one. */
export async function listingFeedResponse(
  kind: ListingKind,
  segment: string,
  locale: Locale,
  request?: Request,
): Promise<Response> {
  const { namespace, find, path } = LISTINGS[kind];
  const slug = parseSlugSegment(segment);
  const found = slug === null ? null : await find(slug, locale);
  if (!found) return notFound();
  const t = await getTranslations({ locale, namespace });
  const title = await listingFeedTitle(kind, locale, found.name);
  return rssResponse(
    {
      locale,
      title,
      description: t("description", { name: found.name }),
      pathname: path(found.slug),
      articles: found.articles,
    },
    request,
  );
}

type LocaleParams = { params: Promise<{ locale: string; slug?: string }> };

/**
 * The GET handler of a feed under /{locale}: the Arabic form redirects to the unprefixed path (Arabic pages have no
 * prefix), an unknown locale is 404.
 */
export function localizedFeedRoute(
  respond: (locale: Locale, slug: string | undefined, request: Request) => Promise<Response>,
) {
  return async (request: Request, { params }: LocaleParams): Promise<Response> => {
    const { locale, slug } = await params;
    if (!isLocale(locale)) return notFound();
    if (locale === routing.defaultLocale) {
      const url = new URL(request.url);
      return Response.redirect(new URL(url.pathname.replace(/^\/[^/]+/, ""), url), 308);
    }
    return respond(locale, slug, request);
  };
}
