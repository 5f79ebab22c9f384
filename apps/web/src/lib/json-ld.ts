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
  publisherName: string;
  publisherUrl: string;
  source: { name: string; url: string } | null;
  photoCredit: string | null;
  keywords: string[];
  /** Bylines, in order. */
  authors: string[];
  /** The lead photo's address. */
  image: string | null;
};

export function newsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: input.headline,
    ...(input.description ? { description: input.description } : {}),
    inLanguage: input.inLanguage,
    datePublished: publicationDateTime(input.datePublished, input.dateOnly),
    url: input.url,
    mainEntityOfPage: { "@type": "WebPage", "@id": input.url },
    publisher: { "@type": "NewsMediaOrganization", name: input.publisherName, url: input.publisherUrl },
    ...(input.source
      ? { sourceOrganization: { "@type": "NewsMediaOrganization", name: input.source.name, url: input.source.url } }
      : {}),
    ...(input.photoCredit ? { creditText: input.photoCredit } : {}),
    ...(input.keywords.length > 0 ? { keywords: input.keywords } : {}),
    ...(input.authors.length > 0 ? { author: input.authors.map((name) => ({ "@type": "Person", name })) } : {}),
    ...(input.image ? { image: [input.image] } : {}),
  };
}
