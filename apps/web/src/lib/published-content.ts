// Published content for the pages, memoized per request so metadata and page share one query.
import { cache } from "react";
import "server-only";
import { getPublishedArticle, listPublishedArticles } from "@minbar/db";
import type { Locale } from "@minbar/i18n";
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
