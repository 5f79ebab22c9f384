// The body of POST /api/revalidate: checked by the public site, sent by signalPublicSite. One definition, so the
// client never sends what the site refuses.
import { z } from "zod";

/** Ids one request may carry; signalPublicSite sends a longer list in several requests. */
export const MAX_ARTICLE_IDS_PER_REQUEST = 1_000;

const articleId = z.number().int().positive().max(2_147_483_647);

export const revalidationRequestSchema = z.union([
  /** One article whose localization, attribution or tags changed (published, unpublished, edited, deleted). */
  z.strictObject({ articleId }),
  /** Several at once (an import): their pages are dropped together, each cache tag once. */
  z.strictObject({ articleIds: z.array(articleId).min(1).max(MAX_ARTICLE_IDS_PER_REQUEST) }),
  /**
   * Sections whose pages changed without an article saying so (an article moved out of one); with `navigation`,
   * their names, slugs, order or presence changed, which every page's navigation shows.
   */
  z.strictObject({
    sectionIds: z.array(articleId).min(1).max(MAX_ARTICLE_IDS_PER_REQUEST),
    navigation: z.boolean().optional(),
  }),
  /** The editions whose edited front page changed (an arrangement published, a pin ended): their front pages only. */
  z.strictObject({
    frontPages: z
      .array(z.enum(["ar", "ru", "en"]))
      .min(1)
      .max(3),
  }),
]);

export type RevalidationRequest = z.infer<typeof revalidationRequestSchema>;

/** What a refused body is told to look like (the public site's 400 answer). */
export const REVALIDATION_REQUEST_SHAPE = {
  articleId: "positive integer",
  articleIds: `or, instead of articleId, an array of 1 to ${MAX_ARTICLE_IDS_PER_REQUEST} positive integers`,
  sectionIds: `or, instead of articles, an array of 1 to ${MAX_ARTICLE_IDS_PER_REQUEST} section ids, with navigation: true when the sections' names or order changed`,
  frontPages: 'or, instead of any of these, an array of 1 to 3 editions ("ar", "ru", "en")',
} as const;

/** The article ids a request names, each once (none for a request about sections or front pages). */
export function articleIdsOf(request: RevalidationRequest): number[] {
  if ("sectionIds" in request || "frontPages" in request) return [];
  return "articleId" in request ? [request.articleId] : [...new Set(request.articleIds)];
}
