// Published content for the pages, feeds and sitemap; article lookups are memoized per request so metadata and page
// share one query.
import { cache } from "react";
import "server-only";
import {
  MAX_QUERY_LENGTH,
  getPublishedArticle,
  listPublishedArticles,
  searchPublishedArticles,
  type PublicArticleSummary,
} from "@minbar/db";
import { LOCALES, type Locale } from "@minbar/i18n";
import { getDb } from "../db";

export const HOME_PAGE_SIZE = 10;

export const findPublishedArticle = cache((id: number, locale: Locale) =>
  getPublishedArticle(getDb(), { id, locale }),
);

export function listFrontPage(locale: Locale, page: number) {
  return listPublishedArticles(getDb(), { locale, page, pageSize: HOME_PAGE_SIZE });
}

/** A positive database id from a URL segment, or null for anything else (so it becomes a 404, not a 500). */
export function parseArticleId(segment: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(segment)) return null;
  const id = Number(segment);
  return id <= 2_147_483_647 ? id : null;
}

/** The ?page= query as a page number; anything unreadable means page 1. */
export function parsePageNumber(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !/^[1-9][0-9]{0,5}$/.test(raw)) return 1;
  return Number(raw);
}

/** The article's path inside a locale; the slug is percent-encoded because it is usually Arabic. */
export function articlePath(article: { id: number; slug: string }): string {
  return `/news/${article.id}/${encodeURIComponent(article.slug)}`;
}

export const SEARCH_PAGE_SIZE = 10;

export function searchArticles(locale: Locale, query: string, page: number) {
  return searchPublishedArticles(getDb(), { locale, query, page, pageSize: SEARCH_PAGE_SIZE });
}

/** The ?q= query as one string, cut to the length search looks at; a repeated parameter keeps its first value. */
export function readSearchQuery(value: string | string[] | undefined): string {
  const raw = (Array.isArray(value) ? value[0] : value) ?? "";
  return Array.from(raw.slice(0, MAX_QUERY_LENGTH * 2)).slice(0, MAX_QUERY_LENGTH).join("").trim();
}

export const FEED_SIZE = 50;

export async function listFeedArticles(locale: Locale) {
  return (await listPublishedArticles(getDb(), { locale, page: 1, pageSize: FEED_SIZE })).items;
}

// One sitemap file may hold 50,000 URLs; beyond that the site needs a sitemap index.
const SITEMAP_LIMIT = 50_000;
const SITEMAP_BATCH = 1_000;

/** Every published localization in every language, grouped by article, for the sitemap's hreflang alternates. */
export async function listSitemapArticles(): Promise<Map<number, PublicArticleSummary[]>> {
  const byArticle = new Map<number, PublicArticleSummary[]>();
  let listed = 0;
  for (const locale of LOCALES) {
    for (let page = 1; listed < SITEMAP_LIMIT; page++) {
      const result = await listPublishedArticles(getDb(), { locale, page, pageSize: SITEMAP_BATCH });
      for (const item of result.items.slice(0, SITEMAP_LIMIT - listed)) {
        byArticle.set(item.id, [...(byArticle.get(item.id) ?? []), item]);
        listed++;
      }
      if (page >= result.pageCount) break;
    }
  }
  return byArticle;
}
