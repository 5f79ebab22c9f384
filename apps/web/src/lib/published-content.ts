// Published content for the pages, feeds and sitemap. Reads go through Next's data cache under the tags in
// cache-tags.ts, so pages are built from the database once and refreshed by POST /api/revalidate; lookups are also
// memoized per request so metadata and page share one query. Search reads the database directly: its results must
// never lag behind an unpublish.
import { cache } from "react";
import { unstable_cache } from "next/cache";
import "server-only";
import {
  MAX_QUERY_LENGTH,
  findPublishedEditions,
  getPublicFrontPage,
  getPublishedArticle,
  listPublishedArticles,
  listPublishedArticlesBySource,
  listPublishedArticlesByTag,
  listPublishedArticlesInSection,
  listPublicSections,
  listRelatedArticles,
  searchPublishedArticles,
  wasTakenDown,
  type PublicArticleSummary,
  type PublicSection,
} from "@minbar/db/public";
import { LOCALES, type Locale } from "@minbar/i18n";
import { getDb } from "../db.ts";
import { cacheTags } from "./cache-tags.ts";

/** The fields holding dates in what the public queries return. */
const DATE_KEYS: ReadonlySet<string> = new Set(["publishedAt", "lastUpdatedAt", "revisedAt", "at"]);

/** The data cache stores JSON, so the dates it hands back are strings; this turns them back into Dates. */
function reviveDates<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reviveDates) as T;
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      DATE_KEYS.has(key) && typeof field === "string" ? new Date(field) : reviveDates(field),
    ]),
  ) as T;
}

/** `load()` from the data cache under `key`, tagged so that revalidateTag on any of `tags` drops it. */
async function cached<T>(key: (string | number)[], tags: string[], load: () => Promise<T>): Promise<T> {
  return reviveDates(await unstable_cache(load, key.map(String), { tags })());
}

export const HOME_PAGE_SIZE = 10;

export const findPublishedArticle = cache((id: number, locale: Locale) =>
  cached(["article", id, locale], [cacheTags.article(id)], () => getPublishedArticle(getDb(), { id, locale })),
);

/** Whether this edition was published and has been taken down since: its page answers 410 Gone. */
export const findTakenDown = cache((id: number, locale: Locale) =>
  cached(["taken-down", id, locale], [cacheTags.article(id)], () => wasTakenDown(getDb(), { id, locale })),
);

/** Every published edition of an article, for the "not in this language" page. */
export const findArticleEditions = cache((id: number) =>
  cached(["editions", id], [cacheTags.article(id)], () => findPublishedEditions(getDb(), { id })),
);

export const RELATED_COUNT = 5;

/**
 * Stories related through the article's agency or tags; tagged with those, so publishing or unpublishing a story of
 * the same agency or tag refreshes this list too.
 */
export function listRelated(article: {
  id: number;
  locale: Locale;
  source: { slug: string } | null;
  tags: { slug: string }[];
}) {
  const tags = [
    cacheTags.article(article.id),
    ...(article.source ? [cacheTags.source(article.source.slug)] : []),
    ...article.tags.map((tag) => cacheTags.tag(tag.slug)),
  ];
  return cached(["related", article.id, article.locale], tags, () =>
    listRelatedArticles(getDb(), { id: article.id, locale: article.locale, limit: RELATED_COUNT }),
  );
}

export const LISTING_PAGE_SIZE = 10;

export const findSourcePage = cache((slug: string, locale: Locale, page: number) =>
  cached(["source", slug, locale, page], [cacheTags.source(slug)], () =>
    listPublishedArticlesBySource(getDb(), { slug, locale, page, pageSize: LISTING_PAGE_SIZE }),
  ),
);

export const findTagPage = cache((slug: string, locale: Locale, page: number) =>
  cached(["tag", slug, locale, page], [cacheTags.tag(slug)], () =>
    listPublishedArticlesByTag(getDb(), { slug, locale, page, pageSize: LISTING_PAGE_SIZE }),
  ),
);

/** The active sections in their order (the header's navigation), read once until a section changes. */
export const listNavSections = cache(() =>
  cached(["sections"], [cacheTags.sections], () => listPublicSections(getDb())),
);

/**
 * The active section whose slug in `locale` is `slug`, or `{ moved }` with that edition's slug when `slug` is
 * another edition's (the page redirects there), or null (unknown or retired: 404).
 */
export async function findSection(
  slug: string,
  locale: Locale,
): Promise<{ section: PublicSection } | { moved: string } | null> {
  const sections = await listNavSections();
  const own = sections.find((section) => section.slugs[locale] === slug);
  if (own) return { section: own };
  const other = sections.find((section) => Object.values(section.slugs).includes(slug));
  return other ? { moved: other.slugs[locale] } : null;
}

/** A page of a section's published articles in one language, refreshed when one of them is published or leaves. */
export const findSectionPage = cache((sectionId: number, locale: Locale, page: number) =>
  cached(["section", sectionId, locale, page], [cacheTags.section(sectionId)], () =>
    listPublishedArticlesInSection(getDb(), { sectionId, locale, page, pageSize: LISTING_PAGE_SIZE }),
  ),
);

export function sectionPath(slug: string): string {
  return `/sections/${encodeURIComponent(slug)}`;
}

/** A slug from a URL segment, decoded; null when it cannot be one (so it becomes a 404, not a 500). */
export function parseSlugSegment(segment: string): string | null {
  let slug: string;
  try {
    slug = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return slug.length > 0 && slug.length <= 200 ? slug : null;
}

export function listFrontPage(locale: Locale, page: number) {
  return cached(["front", locale, page], [cacheTags.frontPage], () =>
    listPublishedArticles(getDb(), { locale, page, pageSize: HOME_PAGE_SIZE }),
  );
}

/**
 * The edition's edited front page (null while it has none): dropped with every article change (any story may fill a
 * slot) and with its own edition's arrangement changes, which the admin signals, pins' ends included.
 */
export function findEditedFrontPage(locale: Locale) {
  return cached(["front-edited", locale], [cacheTags.frontPage, cacheTags.frontPageOf(locale)], () =>
    getPublicFrontPage(getDb(), { locale }),
  );
}

/** A positive database id from a URL segment, or null for anything else (so it becomes a 404, not a 500). */
export function parseArticleId(segment: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(segment)) return null;
  const id = Number(segment);
  return id <= 2_147_483_647 ? id : null;
}

/** A listing's page N as a path: the listing itself for page 1, then {listing}/page/{N} ("/" + "page/2" for the front page). */
export function pagedPath(pathname: string, page: number): string {
  if (page <= 1) return pathname;
  return `${pathname === "/" ? "" : pathname}/page/${page}`;
}

/** The {N} of a /page/{N} path: a page number written the one canonical way (no sign, no leading zero), else null. */
export function parsePageSegment(segment: string | undefined): number | null {
  return segment !== undefined && /^[1-9][0-9]{0,5}$/.test(segment) ? Number(segment) : null;
}

/** The ?page= query (search) as a page number; anything unreadable means page 1. */
export function parsePageNumber(value: string | string[] | undefined): number {
  return parsePageSegment(Array.isArray(value) ? value[0] : value) ?? 1;
}

/** The article's path inside a locale; the slug is percent-encoded because it is usually Arabic. */
export function articlePath(article: { id: number; slug: string }): string {
  return `/news/${article.id}/${encodeURIComponent(article.slug)}`;
}

export function sourcePath(slug: string): string {
  return `/sources/${encodeURIComponent(slug)}`;
}

export function tagPath(slug: string): string {
  return `/tags/${encodeURIComponent(slug)}`;
}

export const SEARCH_PAGE_SIZE = 10;

export function searchArticles(locale: Locale, query: string, page: number) {
  return searchPublishedArticles(getDb(), { locale, query, page, pageSize: SEARCH_PAGE_SIZE });
}

/** The ?q= query as one string, cut to the length search looks at; a repeated parameter keeps its first value. */
export function readSearchQuery(value: string | string[] | undefined): string {
  const raw = (Array.isArray(value) ? value[0] : value) ?? "";
  return Array.from(raw.slice(0, MAX_QUERY_LENGTH * 2))
    .slice(0, MAX_QUERY_LENGTH)
    .join("")
    .trim();
}

export const FEED_SIZE = 50;

export function listFeedArticles(locale: Locale) {
  return cached(
    ["feed", locale],
    [cacheTags.feed(locale)],
    async () => (await listPublishedArticles(getDb(), { locale, page: 1, pageSize: FEED_SIZE })).items,
  );
}

/** An agency's latest published articles in one language, for its feed; null when no agency has that slug. */
export function listSourceFeed(slug: string, locale: Locale) {
  return cached(["source-feed", slug, locale], [cacheTags.source(slug)], async () => {
    const found = await listPublishedArticlesBySource(getDb(), { slug, locale, page: 1, pageSize: FEED_SIZE });
    return found && { name: found.source.name, slug: found.source.slug, articles: found.items };
  });
}

/** A tag's latest published articles in one language, for its feed; null when no tag has that slug. */
export function listTagFeed(slug: string, locale: Locale) {
  return cached(["tag-feed", slug, locale], [cacheTags.tag(slug)], async () => {
    const found = await listPublishedArticlesByTag(getDb(), { slug, locale, page: 1, pageSize: FEED_SIZE });
    return found && { name: found.tag.name, slug: found.tag.slug, articles: found.items };
  });
}

/** A section's latest published articles in one language, for its feed; null when no active section has that slug. */
export async function listSectionFeed(slug: string, locale: Locale) {
  const found = await findSection(slug, locale);
  if (!found || !("section" in found)) return null;
  const { section } = found;
  const articles = await cached(
    ["section-feed", section.id, locale],
    [cacheTags.section(section.id)],
    async () =>
      (await listPublishedArticlesInSection(getDb(), { sectionId: section.id, locale, page: 1, pageSize: FEED_SIZE }))
        .items,
  );
  return { name: section.names[locale], slug: section.slugs[locale], articles };
}

// One sitemap file may hold 50,000 URLs; beyond that the site needs a sitemap index.
const SITEMAP_LIMIT = 50_000;
const SITEMAP_BATCH = 1_000;

/** Every published localization in every language, grouped by article, for the sitemap's hreflang alternates. */
export async function listSitemapArticles(): Promise<Map<number, PublicArticleSummary[]>> {
  const articles = await cached(["sitemap"], [cacheTags.sitemap], readSitemapArticles);
  const byArticle = new Map<number, PublicArticleSummary[]>();
  for (const item of articles) byArticle.set(item.id, [...(byArticle.get(item.id) ?? []), item]);
  return byArticle;
}

async function readSitemapArticles(): Promise<PublicArticleSummary[]> {
  const all: PublicArticleSummary[] = [];
  let listed = 0;
  for (const locale of LOCALES) {
    for (let page = 1; listed < SITEMAP_LIMIT; page++) {
      const result = await listPublishedArticles(getDb(), { locale, page, pageSize: SITEMAP_BATCH });
      for (const item of result.items.slice(0, SITEMAP_LIMIT - listed)) {
        all.push(item);
        listed++;
      }
      if (page >= result.pageCount) break;
    }
  }
  return all;
}
