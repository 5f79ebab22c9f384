// One article: /news/{id}/{slug}. A missing or outdated slug redirects to the current one. An article published in
// other languages but not this one gets a page saying so (not indexed), so the language switcher never ends on a 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LOCALE_AUTONYMS, directionOf, isLocale, publicationDateTime, type Locale } from "@minbar/i18n";
import { Link, getPathname, permanentRedirect } from "../../../../../i18n/navigation.ts";
import {
  articlePath,
  findArticleEditions,
  findPublishedArticle,
  findTakenDown,
  listNavSections,
  listRelated,
  parseArticleId,
  sectionPath,
  sourcePath,
} from "../../../../../lib/published-content.ts";
import { ArticleView } from "../../../../../components/article-view.tsx";
import { SectionBreadcrumb } from "../../../../../components/section-breadcrumb.tsx";
import { GONE_MARKER } from "../../../../../lib/gone.ts";
import { newsArticleJsonLd, serializeJsonLd } from "../../../../../lib/json-ld.ts";
import { OPEN_GRAPH_LOCALES, absoluteUrl, configuredOrigin, feedAlternate } from "../../../../../lib/site-url.ts";
import { RENDITION_WIDTHS, renditionPath, renditionSize, SOCIAL_CARD } from "@minbar/media/urls";
import type { PublicImage } from "@minbar/db/public";

// Incremental static regeneration: each article URL is rendered on its first visit, then served from the cache until
// POST /api/revalidate drops the tags its data was read under (see lib/cache-tags.ts). Nothing is built ahead: the
// build runs without a database.
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { locale: string; id: string; slug?: string[] }[] {
  return [];
}

type ArticleProps = { params: Promise<{ locale: string; id: string; slug?: string[] }> };

async function loadArticle(params: ArticleProps["params"]) {
  const { locale, id: idSegment, slug } = await params;
  if (!isLocale(locale)) notFound();
  const id = parseArticleId(idSegment);
  if (id === null) notFound();
  const article = await findPublishedArticle(id, locale);
  if (article) return { kind: "article" as const, locale, slug, article };
  const [editions, gone] = await Promise.all([findArticleEditions(id), findTakenDown(id, locale)]);
  if (gone) return { kind: "gone" as const, locale, editions: editions?.editions ?? [] };
  if (!editions) notFound();
  return { kind: "unavailable" as const, locale, editions };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: ArticleProps): Promise<Metadata> {
  const loaded = await loadArticle(params);
  const { locale } = loaded;
  if (loaded.kind === "unavailable" || loaded.kind === "gone") {
    const t = await getTranslations({ locale, namespace: loaded.kind === "gone" ? "Gone" : "Unavailable" });
    return { title: t("metaTitle"), robots: { index: false } };
  }
  const { article } = loaded;
  const canonical = getPathname({ href: articlePath(article), locale });
  const otherLocales = article.availableLocales.filter((other) => other !== locale);
  // Exactly the published editions, this one included, each at its own address (slugs differ per language); a lone
  // edition has no other language to point to (as in the sitemap).
  const languages =
    article.editions.length > 1
      ? Object.fromEntries(
          article.editions.map((edition) => [
            edition.locale,
            getPathname({ href: articlePath({ id: article.id, slug: edition.slug }), locale: edition.locale }),
          ]),
        )
      : undefined;
  const t = await getTranslations({ locale, namespace: "Site" });
  const description = article.lead ?? undefined;
  // The 1200×630 card cropped around the photo's focal point; shares without a library photo show no image.
  const card = article.leadImage
    ? {
        url: `${configuredOrigin()}${renditionPath(article.leadImage.key, SOCIAL_CARD.name)}`,
        width: SOCIAL_CARD.width,
        height: SOCIAL_CARD.height,
        alt: article.leadImage.alt,
        type: "image/jpeg",
      }
    : null;
  return {
    title: article.title,
    description,
    // The edition's feed restated: a page's alternates replace the layout's.
    alternates: { canonical, languages, types: feedAlternate(locale, t("feedTitle")) },
    openGraph: {
      type: "article",
      url: canonical,
      title: article.title,
      description,
      siteName: t("name"),
      locale: OPEN_GRAPH_LOCALES[locale],
      alternateLocale: otherLocales.map((other) => OPEN_GRAPH_LOCALES[other]),
      publishedTime: publicationDateTime(article.publishedAt, article.publishedDateOnly),
      // This edition's own last change, as in its JSON-LD.
      ...(locale === article.originalLocale
        ? article.revisedAt
          ? { modifiedTime: article.revisedAt.toISOString() }
          : {}
        : { modifiedTime: article.lastUpdatedAt.toISOString() }),
      tags: article.tags.map((tag) => tag.name),
      ...(card ? { images: [card] } : {}),
    },
    twitter: card
      ? { card: "summary_large_image", title: article.title, description, images: [{ url: card.url, alt: card.alt }] }
      : { card: "summary", title: article.title, description },
  };
}

export default async function ArticlePage({ params }: ArticleProps) {
  const loaded = await loadArticle(params);
  setRequestLocale(loaded.locale);
  if (loaded.kind === "unavailable") {
    return <UnavailableNotice locale={loaded.locale} editions={loaded.editions.editions} />;
  }
  if (loaded.kind === "gone") return <GoneNotice locale={loaded.locale} editions={loaded.editions} />;
  const { locale, slug, article } = loaded;
  const requestedSlug = slug?.length === 1 && slug[0] !== undefined ? decodeSegment(slug[0]) : null;
  if (requestedSlug !== article.slug) {
    permanentRedirect({ href: articlePath(article), locale });
  }
  const [tSite, tArticle, related, sections] = await Promise.all([
    getTranslations("Site"),
    getTranslations("Article"),
    listRelated(article),
    listNavSections(),
  ]);
  // A retired section is not shown anywhere: its articles then have no section step.
  const section = sections.find((candidate) => candidate.id === article.sectionId) ?? null;
  const origin = configuredOrigin();
  const jsonLd = newsArticleJsonLd({
    url: absoluteUrl(origin, articlePath(article), locale),
    headline: article.title,
    description: article.lead,
    inLanguage: locale,
    datePublished: article.publishedAt,
    dateOnly: article.publishedDateOnly,
    dateModified: locale === article.originalLocale ? (article.revisedAt ?? undefined) : article.lastUpdatedAt,
    corrections: article.corrections.flatMap((c) =>
      c.kind === "correction" && c.note ? [{ note: c.note, at: c.at }] : [],
    ),
    publisherName: tSite("name"),
    publisherUrl: absoluteUrl(origin, "/", locale),
    source: article.source
      ? { name: article.source.name, url: absoluteUrl(origin, sourcePath(article.source.slug), locale) }
      : null,
    photoCredit: article.photoCredit?.name ?? null,
    leadImage: article.leadImage ? leadImageJsonLd(origin, article.leadImage) : null,
    keywords: article.tags.map((tag) => tag.name),
    authors: article.bylines.map((byline) => byline.name),
    image: article.leadPhoto?.url ?? null,
    originalLanguage: article.originalLocale,
    otherEditions: article.editions
      .filter((edition) => edition.locale !== locale)
      .map((edition) => ({
        inLanguage: edition.locale,
        url: absoluteUrl(origin, articlePath({ id: article.id, slug: edition.slug }), edition.locale),
      })),
    breadcrumb: section
      ? [
          { name: tSite("name"), url: absoluteUrl(origin, "/", locale) },
          { name: section.names[locale], url: absoluteUrl(origin, sectionPath(section.slugs[locale]), locale) },
          { name: article.title, url: absoluteUrl(origin, articlePath(article), locale) },
        ]
      : null,
  });

  return (
    <ArticleView
      article={article}
      related={related}
      head={
        <>
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
          {section ? (
            <SectionBreadcrumb
              label={tArticle("breadcrumb")}
              home={tArticle("home")}
              section={{ name: section.names[locale], path: sectionPath(section.slugs[locale]) }}
            />
          ) : null}
        </>
      }
    />
  );
}

type Edition = { id: number; locale: Locale; slug: string; title: string };

/**
 * A story taken down after publication. The server answers it with 410 Gone (the marker is read and removed by
 * server/plain-html.ts): search engines drop the address rather than retry it, as they would a 404.
 */
async function GoneNotice({ locale, editions }: { locale: Locale; editions: Edition[] }) {
  const [t, tArticle] = await Promise.all([
    getTranslations({ locale, namespace: "Gone" }),
    getTranslations({ locale, namespace: "Article" }),
  ]);
  return (
    <section className="mx-auto max-w-3xl py-8" data-testid="gone">
      <meta name={GONE_MARKER.name} content={GONE_MARKER.content} />
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-gray-700">
        {t("body")}{" "}
        <Link href="/" className="text-brand underline underline-offset-4">
          {tArticle("backHome")}
        </Link>
      </p>
      {editions.length > 0 ? (
        <>
          <p className="mb-2 text-gray-700">{t("otherEditions")}</p>
          <EditionLinks editions={editions} />
        </>
      ) : null}
    </section>
  );
}

async function UnavailableNotice({ locale, editions }: { locale: Locale; editions: Edition[] }) {
  const t = await getTranslations({ locale, namespace: "Unavailable" });
  return (
    <section className="mx-auto max-w-3xl py-8">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-gray-700">{t("body")}</p>
      <EditionLinks editions={editions} />
    </section>
  );
}

function EditionLinks({ editions }: { editions: Edition[] }) {
  return (
    <ul className="space-y-2">
      {editions.map((edition) => (
        <li key={edition.locale}>
          <Link
            href={articlePath(edition)}
            locale={edition.locale}
            hrefLang={edition.locale}
            className="inline-block py-2 text-brand underline underline-offset-4"
          >
            <span lang={edition.locale} dir={directionOf(edition.locale)}>
              {edition.title}
            </span>
          </Link>{" "}
          <span lang={edition.locale} className="text-sm text-gray-600">
            ({LOCALE_AUTONYMS[edition.locale]})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The lead photo for JSON-LD: its widest rendition and the social card, with caption and credit. */
function leadImageJsonLd(origin: string, image: PublicImage) {
  const widest = renditionSize(image, Math.max(...RENDITION_WIDTHS));
  return {
    url: `${origin}${renditionPath(image.key, `w${widest.width}.jpeg`)}`,
    ...widest,
    card: {
      url: `${origin}${renditionPath(image.key, SOCIAL_CARD.name)}`,
      width: SOCIAL_CARD.width,
      height: SOCIAL_CARD.height,
    },
    caption: image.caption,
    creditText: image.credit?.name ?? null,
  };
}
