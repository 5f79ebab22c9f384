// JSON-LD for <script type="application/ld+json">: the NewsArticle description of an article page, serialized so
// that nothing in the data can end the script element early.
import { publicationDateTime } from "@minbar/i18n";

/**
 * JSON with `<` written as \u003c (so `</script>` or `<!--` in a headline stays inside the script), and the two
 * line separators JavaScript parsers once choked on escaped too. The result is still JSON meaning the same value.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export type NewsArticleInput = {
  url: string;
  headline: string;
  description: string | null;
  inLanguage: string;
  datePublished: Date;
  /** Only the day is known: datePublished is written as a date (ISO 8601 allows it), never an invented time. */
  dateOnly: boolean;
  /**
   * This edition's own last change: a translation's (never its original's), or an original's changes made live after
   * publication; absent for an original never changed since.
   */
  dateModified?: Date | undefined;
  /** Corrections made after publication, with their public notes. */
  corrections?: { note: string; at: Date }[] | undefined;
  publisherName: string;
  publisherUrl: string;
  source: { name: string; url: string } | null;
  photoCredit: string | null;
  keywords: string[];
  /** Bylines, in order. */
  authors: string[];
  /** The lead photo's address, when it is not a library photo (from before the media library). */
  image: string | null;
  /** The lead photo from the media library: its widest rendition and the 1200×630 card. */
  leadImage?: {
    url: string;
    width: number;
    height: number;
    card: { url: string; width: number; height: number };
    caption: string | null;
    creditText: string | null;
  } | null;
  /** The language the article was written in: this page is its original when it is inLanguage. */
  originalLanguage: string;
  /** The article's other published editions, with their pages' addresses. */
  otherEditions: { inLanguage: string; url: string }[];
  /** Home → section → article, when it is filed under an active section: the page's BreadcrumbList. */
  breadcrumb?: { name: string; url: string }[] | null;
};

const editionRef = (edition: { inLanguage: string; url: string }) => ({
  "@type": "NewsArticle",
  "@id": edition.url,
  url: edition.url,
  inLanguage: edition.inLanguage,
});

/**
 * The NewsArticle of one edition. Editions point to each other (schema.org's translation properties): a translation
 * names its published original in translationOfWork, an original names its published translations in workTranslation.
 */
export function newsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  const isOriginal = input.inLanguage === input.originalLanguage;
  const original = input.otherEditions.find((edition) => edition.inLanguage === input.originalLanguage);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": input.url,
    headline: input.headline,
    ...(input.description ? { description: input.description } : {}),
    inLanguage: input.inLanguage,
    datePublished: publicationDateTime(input.datePublished, input.dateOnly),
    ...(input.dateModified ? { dateModified: input.dateModified.toISOString() } : {}),
    ...(input.corrections && input.corrections.length > 0
      ? {
          correction: input.corrections.map((correction) => ({
            "@type": "CorrectionComment",
            text: correction.note,
            datePublished: correction.at.toISOString(),
          })),
        }
      : {}),
    url: input.url,
    // The page's breadcrumb inside its WebPage (schema.org's WebPage.breadcrumb): one JSON-LD script per page.
    mainEntityOfPage: {
      "@type": "WebPage",
      "@id": input.url,
      ...(input.breadcrumb ? { breadcrumb: breadcrumbList(input.breadcrumb) } : {}),
    },
    publisher: { "@type": "NewsMediaOrganization", name: input.publisherName, url: input.publisherUrl },
    ...(input.source
      ? { sourceOrganization: { "@type": "NewsMediaOrganization", name: input.source.name, url: input.source.url } }
      : {}),
    ...(input.photoCredit ? { creditText: input.photoCredit } : {}),
    ...(input.keywords.length > 0 ? { keywords: input.keywords } : {}),
    ...(input.authors.length > 0 ? { author: input.authors.map((name) => ({ "@type": "Person", name })) } : {}),
    ...(input.leadImage ? { image: imageObjects(input.leadImage) } : input.image ? { image: [input.image] } : {}),
    ...(isOriginal && input.otherEditions.length > 0 ? { workTranslation: input.otherEditions.map(editionRef) } : {}),
    ...(!isOriginal && original ? { translationOfWork: editionRef(original) } : {}),
  };
}

/** The lead photo as schema.org ImageObjects: the photo as shown, then its social card, each with its size. */
function imageObjects(image: NonNullable<NewsArticleInput["leadImage"]>): Record<string, unknown>[] {
  const described = {
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.creditText ? { creditText: image.creditText } : {}),
  };
  return [image, image.card].map((shown) => ({
    "@type": "ImageObject",
    url: shown.url,
    contentUrl: shown.url,
    width: shown.width,
    height: shown.height,
    ...described,
  }));
}

/** A BreadcrumbList (home → section → article), each step with its name and absolute address. */
function breadcrumbList(steps: { name: string; url: string }[]): Record<string, unknown> {
  return {
    "@type": "BreadcrumbList",
    itemListElement: steps.map((step, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: step.name,
      item: step.url,
    })),
  };
}
