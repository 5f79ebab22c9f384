// One article as readers see it: headline, date, text, attribution, tags, other editions and related stories. The
// public article page and the editors' preview render through this, so a preview looks exactly like the page will.
// Links follow the request's locale (setRequestLocale), which both callers set to the article's.
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { PublicArticle, PublicArticleSummary } from "@minbar/db/public";
import {
  LOCALE_AUTONYMS,
  directionOf,
  formatDateTime,
  formatPublicationDate,
  publicationDateTime,
  type Locale,
} from "@minbar/i18n";
import { Link } from "../i18n/navigation.ts";
import { articlePath, sourcePath, tagPath } from "../lib/published-content.ts";
import { ArticleBlocks } from "./article-blocks.tsx";
import { PhotoFigure } from "./photo-figure.tsx";
import { fillNameSlot, NAME_SLOT, PublicNameList, PublicNameText } from "./public-name.tsx";

/** A published article, or a draft on its way there: a draft may have no date yet (then none is shown). */
export type ArticleViewData = Omit<PublicArticle, "publishedAt"> & { publishedAt: Date | null };

type ArticleViewProps = {
  article: ArticleViewData;
  related: PublicArticleSummary[];
  /** Rendered first inside <article> (the page's structured data). */
  head?: ReactNode;
};

export async function ArticleView({ article, related, head }: ArticleViewProps) {
  const { locale } = article;
  const t = await getTranslations({ locale, namespace: "Article" });
  const otherLocales = article.availableLocales.filter((other): other is Locale => other !== locale);
  return (
    <article lang={locale} className="mx-auto max-w-3xl">
      {head}
      <header className="mb-6">
        <h1 className="text-3xl font-bold leading-tight">{article.title}</h1>
        {article.bylines.length > 0 ? (
          <p className="mt-3 text-sm font-semibold text-gray-800">
            {fillNameSlot(
              t("byline", { names: NAME_SLOT }),
              <PublicNameList names={article.bylines} locale={locale} />,
            )}
          </p>
        ) : null}
        {article.publishedAt ? (
          <p className="mt-3 text-sm text-gray-600">
            {t("publishedOn")}{" "}
            <time dateTime={publicationDateTime(article.publishedAt, article.publishedDateOnly)}>
              {formatPublicationDate(article.publishedAt, locale, { dateOnly: article.publishedDateOnly })}
            </time>
          </p>
        ) : null}
        <UpdatedOn article={article} label={t("updatedOn")} />
        <TranslationDates article={article} />
      </header>
      {article.summary ? <p className="mb-6 text-lg font-semibold text-gray-800">{article.summary}</p> : null}
      {article.leadImage ? <PhotoFigure image={article.leadImage} locale={locale} lead /> : null}
      {article.leadPhoto ? (
        <figure className="mb-6">
          {/* An editor's photo from anywhere on the web: a plain img, since next/image would need every host listed. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={article.leadPhoto.url}
            alt={article.leadPhoto.alt ?? ""}
            className="h-auto w-full rounded"
            loading="eager"
          />
          {article.photoCredit ? (
            <figcaption className="mt-1 text-xs text-gray-600">
              {fillNameSlot(
                t("photoCredit", { name: NAME_SLOT }),
                <PublicNameText value={article.photoCredit} locale={locale} />,
              )}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      <ArticleBlocks blocks={article.blocks} images={article.figureImages} locale={locale} />
      <Corrections article={article} />
      <footer className="mt-10 space-y-1 border-t border-gray-200 pt-4 text-sm text-gray-600">
        {article.photoCredit && !article.leadPhoto && !article.leadImage ? (
          <p>
            {fillNameSlot(
              t("photoCredit", { name: NAME_SLOT }),
              <PublicNameText value={article.photoCredit} locale={locale} />,
            )}
          </p>
        ) : null}
        {article.source ? (
          <p>
            {t.rich("source", {
              name: NAME_SLOT,
              link: (chunks) => (
                <Link
                  href={sourcePath(article.source!.slug)}
                  className="inline-flex min-h-11 min-w-11 items-center justify-center px-1 text-brand underline underline-offset-4"
                >
                  {fillNameSlot(chunks, <PublicNameText value={article.source!} locale={locale} />)}
                </Link>
              ),
            })}
          </p>
        ) : null}
        {article.tags.length > 0 ? <TagLinks label={t("tags")} tags={article.tags} locale={locale} /> : null}
        {otherLocales.length > 0 ? (
          <p className="flex flex-wrap items-center gap-x-1">
            <span>{t("alsoIn")}</span>
            {otherLocales.map((other) => (
              <Link
                key={other}
                href={`/news/${article.id}`}
                locale={other}
                lang={other}
                hrefLang={other}
                dir={directionOf(other)}
                className="inline-flex min-h-11 min-w-11 items-center justify-center px-2 text-brand underline"
              >
                {LOCALE_AUTONYMS[other]}
              </Link>
            ))}
          </p>
        ) : null}
      </footer>
      {related.length > 0 ? (
        <aside aria-labelledby="related-heading" className="mt-10 border-t border-gray-200 pt-6">
          <h2 id="related-heading" className="mb-3 text-lg font-bold">
            {t("related")}
          </h2>
          {/* A title and its date on one line when both fit; otherwise the date moves below the title, whole. */}
          <ul className="space-y-1">
            {related.map((item) => (
              <li key={item.id} className="flex flex-wrap items-baseline gap-x-3">
                <Link href={articlePath(item)} className="py-2 font-semibold hover:text-brand hover:underline">
                  {item.title}
                </Link>
                <time
                  dateTime={publicationDateTime(item.publishedAt, item.publishedDateOnly)}
                  className="text-sm text-gray-600"
                >
                  {formatPublicationDate(item.publishedAt, locale, { dateOnly: item.publishedDateOnly })}
                </time>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
      <p className="mt-8 text-sm">
        <Link href="/" className="inline-flex min-h-11 items-center text-brand underline underline-offset-4">
          {t("backHome")}
        </Link>
      </p>
    </article>
  );
}

/** "Updated …": when changes marked for readers (an update or a correction) were last made live, if ever. */
function UpdatedOn({ article, label }: { article: ArticleViewData; label: string }) {
  const at = article.corrections.at(-1)?.at;
  if (!at) return null;
  return (
    <p className="mt-1 text-sm text-gray-600" data-testid="updated-on">
      {label} <time dateTime={at.toISOString()}>{formatDateTime(at, article.locale)}</time>
    </p>
  );
}

/** Corrections made after publication, newest first, each with its time and public note, under the story. */
async function Corrections({ article }: { article: ArticleViewData }) {
  const corrections = article.corrections.filter((c) => c.kind === "correction" && c.note).reverse();
  if (corrections.length === 0) return null;
  const t = await getTranslations({ locale: article.locale, namespace: "Article" });
  return (
    <aside
      aria-labelledby="corrections-heading"
      data-testid="corrections"
      className="mt-8 rounded border-s-4 border-amber-500 bg-amber-50 p-4 text-sm text-gray-900"
    >
      <h2 id="corrections-heading" className="mb-2 font-bold">
        {t("correctionsTitle")}
      </h2>
      <ul className="space-y-2">
        {corrections.map((correction) => (
          <li key={correction.at.toISOString()}>
            <time dateTime={correction.at.toISOString()} className="font-semibold">
              {t("correctedOn", { when: formatDateTime(correction.at, article.locale) })}
            </time>{" "}
            {correction.note}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/**
 * A translation's own last change, once it has one since publication or its original has moved on (it is still
 * served as it was made); then a pointer to the original, worded as a newsroom would, without the desk's "outdated".
 */
async function TranslationDates({ article }: { article: ArticleViewData }) {
  const { locale, originalLocale, publishedAt, lastUpdatedAt, originalUpdatedSince } = article;
  if (locale === originalLocale || !publishedAt) return null;
  if (!originalUpdatedSince && lastUpdatedAt.getTime() <= publishedAt.getTime()) return null;
  const t = await getTranslations({ locale, namespace: "Article" });
  const original = article.editions.find((edition) => edition.locale === originalLocale);
  return (
    <>
      <p className="mt-1 text-sm text-gray-600">
        {t("translationUpdatedOn")}{" "}
        <time dateTime={lastUpdatedAt.toISOString()}>{formatPublicationDate(lastUpdatedAt, locale)}</time>
      </p>
      {originalUpdatedSince && original ? (
        <p className="mt-1 text-sm text-gray-600">
          {t.rich("originalUpdatedSince", {
            link: (chunks) => (
              <Link
                href={articlePath({ id: article.id, slug: original.slug })}
                locale={originalLocale}
                hrefLang={originalLocale}
                className="text-brand underline underline-offset-4"
              >
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
    </>
  );
}

function TagLinks({ label, tags, locale }: { label: string; tags: PublicArticle["tags"]; locale: Locale }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 pt-2">
      <span>{label}:</span>
      <ul className="flex flex-wrap gap-2">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link
              href={tagPath(tag.slug)}
              className="inline-flex min-h-11 items-center rounded bg-stone-200 px-3 text-gray-800 hover:bg-stone-300"
            >
              <PublicNameText value={tag} locale={locale} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
