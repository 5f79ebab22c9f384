// One published article: /news/{id}/{slug}. A missing or outdated slug redirects to the current one.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LOCALE_AUTONYMS, directionOf, formatPublicationDate, type Locale } from "@minbar/i18n";
import { routing } from "../../../../../i18n/routing";
import { Link, getPathname, permanentRedirect } from "../../../../../i18n/navigation";
import { articlePath, findPublishedArticle, parseArticleId } from "../../../../../lib/published-content";

export const dynamic = "force-dynamic";

type ArticleProps = { params: Promise<{ locale: string; id: string; slug?: string[] }> };

async function loadArticle(params: ArticleProps["params"]) {
  const { locale, id: idSegment, slug } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const id = parseArticleId(idSegment);
  if (id === null) notFound();
  const article = await findPublishedArticle(id, locale);
  if (!article) notFound();
  return { locale, slug, article };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: ArticleProps): Promise<Metadata> {
  const { locale, article } = await loadArticle(params);
  // Other editions carry their own slugs; /news/{id} in that language redirects to it.
  const languages = Object.fromEntries(
    article.availableLocales
      .filter((other) => other !== locale)
      .map((other) => [other, getPathname({ href: `/news/${article.id}`, locale: other })]),
  );
  return {
    title: article.title,
    description: article.lead ?? undefined,
    alternates: { canonical: getPathname({ href: articlePath(article), locale }), languages },
  };
}

export default async function ArticlePage({ params }: ArticleProps) {
  const { locale, slug, article } = await loadArticle(params);
  setRequestLocale(locale);
  const requestedSlug = slug?.length === 1 && slug[0] !== undefined ? decodeSegment(slug[0]) : null;
  if (requestedSlug !== article.slug) {
    permanentRedirect({ href: articlePath(article), locale });
  }
  const t = await getTranslations("Article");
  const otherLocales = article.availableLocales.filter((other): other is Locale => other !== locale);

  return (
    <article lang={article.locale} className="mx-auto max-w-3xl">
      <header className="mb-6">
        <h1 className="text-3xl font-bold leading-tight">{article.title}</h1>
        <p className="mt-3 text-sm text-gray-500">
          {t("publishedOn")}{" "}
          <time dateTime={article.publishedAt.toISOString()}>{formatPublicationDate(article.publishedAt, locale)}</time>
        </p>
      </header>
      {article.summary ? <p className="mb-6 text-lg font-semibold text-gray-800">{article.summary}</p> : null}
      <div className="space-y-4">
        {article.blocks.map((block, index) =>
          block.type === "heading" ? (
            <h2 key={index} className="pt-4 text-xl font-bold text-brand">
              {block.text}
            </h2>
          ) : (
            <p key={index}>{block.text}</p>
          ),
        )}
      </div>
      <footer className="mt-10 space-y-1 border-t border-gray-200 pt-4 text-sm text-gray-600">
        {article.photoCredit ? <p>{t("photoCredit", { name: article.photoCredit })}</p> : null}
        {article.source ? <p>{t("source", { name: article.source.name })}</p> : null}
        {otherLocales.length > 0 ? (
          <p>
            {t("alsoIn")}{" "}
            {otherLocales.map((other) => (
              <Link
                key={other}
                href={`/news/${article.id}`}
                locale={other}
                lang={other}
                hrefLang={other}
                dir={directionOf(other)}
                className="me-3 text-brand underline"
              >
                {LOCALE_AUTONYMS[other]}
              </Link>
            ))}
          </p>
        ) : null}
        <p className="pt-4">
          <Link href="/" className="text-brand underline underline-offset-4">
            {t("backHome")}
          </Link>
        </p>
      </footer>
    </article>
  );
}
