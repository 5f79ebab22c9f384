// The front page of a language edition: published articles, newest first, paginated with ?page=.
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "../../i18n/routing";
import { ArticleList } from "../../components/article-list";
import { Pagination } from "../../components/pagination";
import { listFrontPage, parsePageNumber } from "../../lib/published-content";

// Rendered per request: the database is not there at build time, and new stories must appear at once.
export const dynamic = "force-dynamic";

type HomeProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function HomePage({ params, searchParams }: HomeProps) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const requestedPage = parsePageNumber((await searchParams).page);
  const [t, result] = await Promise.all([getTranslations("Home"), listFrontPage(locale, requestedPage)]);
  if (requestedPage > result.pageCount) notFound();

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
