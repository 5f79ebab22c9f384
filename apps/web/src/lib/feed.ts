// The RSS feed of one language edition: its latest published articles, with absolute links.
import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@minbar/i18n";
import { articlePath, listFeedArticles } from "./published-content";
import { renderRss } from "./rss";
import { absoluteUrl, feedPath, siteOrigin } from "./site-url";

export async function feedResponse(locale: Locale): Promise<Response> {
  const [origin, t, articles] = await Promise.all([
    siteOrigin(),
    getTranslations({ locale, namespace: "Site" }),
    listFeedArticles(locale),
  ]);
  const xml = renderRss({
    title: t("feedTitle"),
    link: absoluteUrl(origin, "/", locale),
    self: `${origin}${feedPath(locale)}`,
    description: t("description"),
    language: locale,
    items: articles.map((article) => ({
      title: article.title,
      link: absoluteUrl(origin, articlePath(article), locale),
      // /news/{id} outlives slug changes (it redirects to the current slug), so feed readers never see a story twice.
      guid: absoluteUrl(origin, `/news/${article.id}`, locale),
      publishedAt: article.publishedAt,
      description: article.lead,
    })),
  });
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
