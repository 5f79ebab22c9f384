// What POST /api/revalidate does, apart from HTTP: check the caller's secret, and turn "article N changed" into the
// cache tags of every page that shows it.
import { createHash, timingSafeEqual } from "node:crypto";
import "server-only";
import { z } from "zod";
import type { ArticleFootprint } from "@minbar/db";
import { LOCALES } from "@minbar/i18n";
import { cacheTags } from "./cache-tags";

export const revalidationRequestSchema = z.strictObject({
  /** The article whose localization, attribution or tags changed (published, unpublished, edited, deleted). */
  articleId: z.number().int().positive().max(2_147_483_647),
});

export type RevalidationRequest = z.infer<typeof revalidationRequestSchema>;

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
 * The tags to drop after article `id` changed: its own pages, the front pages, feeds and sitemap, and the agency and
 * tag pages it appears on. `footprint` is null for an article that no longer exists.
 */
export function tagsAffectedBy(id: number, footprint: ArticleFootprint | null): string[] {
  return [
    cacheTags.article(id),
    cacheTags.frontPage,
    ...LOCALES.map((locale) => cacheTags.feed(locale)),
    cacheTags.sitemap,
    ...(footprint?.sourceSlug ? [cacheTags.source(footprint.sourceSlug)] : []),
    ...(footprint?.tagSlugs ?? []).map((slug) => cacheTags.tag(slug)),
  ];
}
