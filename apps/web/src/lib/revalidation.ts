// What POST /api/revalidate does, apart from HTTP: check the caller's secret, and turn "these articles changed" into
// the cache tags of every page that shows them (the body's shape is @minbar/site-signal's revalidationRequestSchema).
import { createHash, timingSafeEqual } from "node:crypto";
import "server-only";
import type { ArticleFootprint } from "@minbar/db/public";
import { LOCALES, type Locale } from "@minbar/i18n";
import { cacheTags } from "./cache-tags.ts";

/**
 * Whether the Authorization header carries the configured secret as a bearer token. Both sides are hashed first, so
 * the comparison takes the same time whatever the length or content of the guess.
 */
export function isAuthorized(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || !authorization) return false;
  const match = /^Bearer (.+)$/.exec(authorization);
  if (!match?.[1]) return false;
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(match[1]), digest(secret));
}

/**
 * The tags to drop after the articles `ids` changed, each once: their own pages, the front pages, feeds and sitemap,
 * and the agency and tag pages they appear on. `footprints` holds those of the articles that still exist.
 */
export function tagsAffectedBy(ids: readonly number[], footprints: readonly ArticleFootprint[]): string[] {
  const tags = new Set([
    ...ids.map((id) => cacheTags.article(id)),
    cacheTags.frontPage,
    ...LOCALES.map((locale) => cacheTags.feed(locale)),
    cacheTags.sitemap,
  ]);
  for (const footprint of footprints) {
    if (footprint.sourceSlug) tags.add(cacheTags.source(footprint.sourceSlug));
    for (const slug of footprint.tagSlugs) tags.add(cacheTags.tag(slug));
    if (footprint.sectionId !== null) tags.add(cacheTags.section(footprint.sectionId));
  }
  return [...tags];
}

/**
 * The tags to drop after sections changed: their own pages and feeds (an article left one of them), and with
 * `navigation` every page naming sections (a section created, renamed, moved, retired or restored).
 */
export function tagsOfSections(sectionIds: readonly number[], navigation: boolean): string[] {
  return [...new Set([...sectionIds.map((id) => cacheTags.section(id)), ...(navigation ? [cacheTags.sections] : [])])];
}

/** The tags to drop after the edited front pages of these editions changed: those pages only. */
export function tagsOfFrontPages(locales: readonly Locale[]): string[] {
  return [...new Set(locales)].map((locale) => cacheTags.frontPageOf(locale));
}
