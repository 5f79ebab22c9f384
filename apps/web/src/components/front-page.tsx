// The front page of a language edition: the editors' arrangement when the edition has one live (lead, top stories,
// section rows; see EditedFrontPage), otherwise published articles newest first; then page by page (/page/2, …).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isLocale } from "@minbar/i18n";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { editionPaths, getPathname } from "../i18n/navigation.ts";
import { findEditedFrontPage, listFrontPage, pagedPath } from "../lib/published-content.ts";
import { feedAlternate } from "../lib/site-url.ts";
import { ArticleList } from "./article-list.tsx";
import { EditedFrontPage } from "./edited-front-page.tsx";
import { Pagination } from "./pagination.tsx";

/** Each page is its own canonical URL; the first pages of the editions are each other's translations. */
export async function frontPageMetadata(locale: string, page: number): Promise<Metadata> {
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Site" });
  return {
    alternates: {
      canonical: getPathname({ href: pagedPath("/", page), locale }),
      languages: page === 1 ? editionPaths("/") : undefined,
      // Restated: a page's alternates replace the layout's, which carry the feed link.
      types: feedAlternate(locale, t("feedTitle")),
    },
  };
}

export async function FrontPage({ locale, page }: { locale: string; page: number }) {
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, result, edited] = await Promise.all([
    getTranslations("Home"),
    listFrontPage(locale, page),
    page === 1 ? findEditedFrontPage(locale) : null,
  ]);
  if (page > result.pageCount) notFound();
  if (edited && (edited.lead || edited.top.length > 0)) {
    return (
      <>
        <EditedFrontPage page={edited} locale={locale} title={t("title")} />
        <Pagination locale={locale} pathname="/" page={result.page} pageCount={result.pageCount} />
      </>
    );
  }

  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      {result.items.length === 0 ? (
        <p className="text-gray-600">{t("empty")}</p>
      ) : (
        <ArticleList items={result.items} locale={locale} />
      )}
      <Pagination locale={locale} pathname="/" page={result.page} pageCount={result.pageCount} />
    </>
  );
}
