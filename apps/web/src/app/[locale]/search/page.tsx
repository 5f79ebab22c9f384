// Reader search: /search?q=…&page=… in each language, over that language's published articles. Whatever is typed
// gets a page in the reader's language, never an error; results are not for search engines to index.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatInteger, formatQuotedAlternatives, isLocale } from "@minbar/i18n";
import { Link } from "../../../i18n/navigation.ts";
import { SearchForm } from "../../../components/search-form.tsx";
import { PAGE_LINK } from "../../../components/pagination.tsx";
import { HighlightedText } from "../../../components/highlighted-text.tsx";
import { parsePageNumber, readSearchQuery, searchArticles } from "../../../lib/published-content.ts";
import { ListedArticle } from "../../../components/article-list.tsx";

export const dynamic = "force-dynamic";

type SearchProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The reader's words inside a sentence, isolated so an Arabic query in an English sentence keeps its order. */
const quoted = (chunks: ReactNode) => <bdi className="font-semibold">{chunks}</bdi>;

export async function generateMetadata({ params, searchParams }: SearchProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Search" });
  const query = readSearchQuery((await searchParams).q);
  return {
    title: query ? t("titleWithQuery", { query }) : t("title"),
    robots: { index: false },
  };
}

export default async function SearchPage({ params, searchParams }: SearchProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const search = await searchParams;
  const query = readSearchQuery(search.q);
  const page = parsePageNumber(search.page);
  const [t, tPages, result] = await Promise.all([
    getTranslations("Search"),
    getTranslations("Home"),
    query ? searchArticles(locale, query, page) : null,
  ]);

  let outcome: ReactNode;
  if (!result) {
    outcome = <p className="text-gray-600">{t("prompt")}</p>;
  } else if (result.kind === "blank") {
    outcome = <p className="text-gray-700">{t.rich("blank", { query: result.query, q: quoted })}</p>;
  } else if (result.total === 0) {
    outcome = <p className="text-gray-700">{t.rich("noResults", { query: result.query, q: quoted })}</p>;
  } else {
    const pageLink = (target: number) => ({
      pathname: "/search",
      query: { q: result.query, ...(target > 1 ? { page: target } : {}) },
    });
    outcome = (
      <>
        <p className="mb-4 text-sm text-gray-600" role="status">
          {t.rich(result.totalIsLowerBound ? "resultCountOver" : "resultCount", {
            count: result.total,
            formatted: formatInteger(result.total, locale),
            query: result.query,
            q: quoted,
          })}
        </p>
        {result.nearSpellings.map(({ word, nearSpellings }) => (
          <p key={word} className="-mt-2 mb-4 text-sm text-gray-600" data-testid="near-spellings">
            {t.rich("nearSpellings", {
              spellings: formatQuotedAlternatives(nearSpellings, locale),
              count: nearSpellings.length,
              word,
              q: quoted,
            })}
          </p>
        ))}
        {result.items.length === 0 ? (
          <p className="text-gray-700">
            {t("pageEmpty")}{" "}
            <Link
              href={pageLink(1)}
              className="inline-flex min-h-11 items-center text-brand underline underline-offset-4"
            >
              {t("firstPage")}
            </Link>
          </p>
        ) : (
          <ol aria-label={t("results")} className="divide-y divide-gray-200">
            {result.items.map((item) => (
              <ListedArticle
                key={item.id}
                item={item}
                locale={locale}
                title={<HighlightedText segments={item.titleHighlighted} />}
                text={
                  <p className="mt-2 text-gray-700">
                    <HighlightedText segments={item.snippet} />
                  </p>
                }
              />
            ))}
          </ol>
        )}
        {result.pageCount > 1 && result.items.length > 0 ? (
          <nav
            aria-label={tPages("pagination")}
            className="mt-8 flex flex-wrap items-center justify-between gap-2 text-sm"
          >
            {result.page > 1 ? (
              <Link href={pageLink(result.page - 1)} rel="prev" className={PAGE_LINK}>
                {tPages("previous")}
              </Link>
            ) : (
              <span />
            )}
            <span className="text-gray-500">
              {tPages("pageOf", {
                page: formatInteger(result.page, locale),
                count: formatInteger(result.pageCount, locale),
              })}
            </span>
            {result.page < result.pageCount ? (
              <Link href={pageLink(result.page + 1)} rel="next" className={PAGE_LINK}>
                {tPages("next")}
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </>
    );
  }

  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      {/* The page's one search box (the header leaves its own out here, see @search), holding the query. */}
      <div className="mb-6 max-w-xl">
        <SearchForm locale={locale} id="search-page" defaultValue={query} size="large" />
      </div>
      {outcome}
    </>
  );
}
