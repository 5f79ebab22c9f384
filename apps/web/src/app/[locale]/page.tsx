// The front page of a language edition: published articles, newest first, paginated with ?page=.
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatInteger, formatPublicationDate } from "@minbar/i18n";
import { routing } from "../../i18n/routing";
import { Link } from "../../i18n/navigation";
import { articlePath, listFrontPage, parsePageNumber } from "../../lib/published-content";

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
        <ol className="divide-y divide-gray-200">
          {result.items.map((item) => (
            <li key={item.id} className="py-5">
              <article lang={item.locale}>
                <h2 className="text-xl font-bold leading-snug">
                  <Link href={articlePath(item)} className="hover:text-brand hover:underline">
                    {item.title}
                  </Link>
                </h2>
                <time dateTime={item.publishedAt.toISOString()} className="mt-1 block text-sm text-gray-500">
                  {formatPublicationDate(item.publishedAt, locale)}
                </time>
                {item.lead ? <p className="mt-2 line-clamp-3 text-gray-700">{item.lead}</p> : null}
              </article>
            </li>
          ))}
        </ol>
      )}
      {result.pageCount > 1 ? (
        <nav aria-label={t("pagination")} className="mt-8 flex items-center justify-between gap-4 text-sm">
          {result.page > 1 ? (
            <Link href={{ pathname: "/", query: { page: result.page - 1 } }} rel="prev" className="text-brand underline">
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-gray-500">
            {t("pageOf", { page: formatInteger(result.page, locale), count: formatInteger(result.pageCount, locale) })}
          </span>
          {result.page < result.pageCount ? (
            <Link href={{ pathname: "/", query: { page: result.page + 1 } }} rel="next" className="text-brand underline">
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
