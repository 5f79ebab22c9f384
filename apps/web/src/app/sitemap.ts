// /sitemap.xml: the front page of each edition, each active section's page in each edition (with its own slug),
// and every published article in every language, each linked to its
// other published languages with hreflang alternates.
import type { MetadataRoute } from "next";
import { LOCALES, publicationDateTime } from "@minbar/i18n";
import { articlePath, listNavSections, listSitemapArticles, sectionPath } from "../lib/published-content.ts";
import { absoluteUrl, siteOrigin } from "../lib/site-url.ts";

// Built per request: the database is not there at build time.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [origin, articles, sections] = await Promise.all([siteOrigin(), listSitemapArticles(), listNavSections()]);
  const frontPages = Object.fromEntries(LOCALES.map((locale) => [locale, absoluteUrl(origin, "/", locale)]));
  const entries: MetadataRoute.Sitemap = LOCALES.map((locale) => ({
    url: absoluteUrl(origin, "/", locale),
    changeFrequency: "hourly",
    alternates: { languages: frontPages },
  }));
  for (const section of sections) {
    const languages = Object.fromEntries(
      LOCALES.map((locale) => [locale, absoluteUrl(origin, sectionPath(section.slugs[locale]), locale)]),
    );
    for (const locale of LOCALES) {
      entries.push({ url: languages[locale]!, changeFrequency: "hourly", alternates: { languages } });
    }
  }
  for (const localizations of articles.values()) {
    const languages = Object.fromEntries(
      localizations.map((article) => [article.locale, absoluteUrl(origin, articlePath(article), article.locale)]),
    );
    for (const article of localizations) {
      entries.push({
        url: absoluteUrl(origin, articlePath(article), article.locale),
        // The last change made live after publication, else the publication itself.
        lastModified: article.revisedAt
          ? article.revisedAt.toISOString()
          : publicationDateTime(article.publishedAt, article.publishedDateOnly),
        // A lone edition has no other language to point to.
        ...(localizations.length > 1 ? { alternates: { languages } } : {}),
      });
    }
  }
  return entries;
}
