// The names under which cached public content is tagged, shared by the readers of the cache and the revalidation
// endpoint, so that a change refreshes exactly the pages that show the article.
import type { Locale } from "@minbar/i18n";

export const cacheTags = {
  /** The article's page in every language, its "not in this language" notices and its hreflang links. */
  article: (id: number) => `article:${id}`,
  /** The front page of every edition. */
  frontPage: "listing:front",
  /** One edition's edited front page (an arrangement published there, a pin ended): that front page alone. */
  frontPageOf: (locale: Locale) => `listing:front:${locale}`,
  /** An agency's pages, and the related-stories lists of its articles. */
  source: (slug: string) => `source:${slug}`,
  /** A tag's pages, and the related-stories lists of its articles. */
  tag: (slug: string) => `tag:${slug}`,
  /** A section's pages and feeds (by id: its slugs may change). */
  section: (id: number) => `section:${id}`,
  /**
   * The list of sections: the navigation on every page, section pages' slugs and names, breadcrumbs, the sitemap.
   * Dropped only when a section itself changes (rare), which refreshes every page once.
   */
  sections: "sections",
  feed: (locale: Locale) => `feed:${locale}`,
  sitemap: "sitemap",
} as const;

const utf8 = new TextEncoder();

/**
 * A tag as a surrogate key (the `xkey` header, and the purge naming it): HTTP header values are ASCII and keys are
 * separated by spaces, so every byte of a character outside printable ASCII (an Arabic slug), a space and `%` itself
 * are percent-encoded, in upper case. One spelling per tag, so a page's key and its purge always match.
 */
export function surrogateKeyOf(tag: string): string {
  return tag.replace(/[^\x21-\x24\x26-\x7e]/gu, (character) =>
    [...utf8.encode(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
  );
}
