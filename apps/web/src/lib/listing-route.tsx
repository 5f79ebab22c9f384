// Agency, tag and section pages are one route shape: a named listing at /{kind}/{slug}, then /{kind}/{slug}/page/{N}, localized,
// 404 when unknown. Both are rendered on the first visit and cached until POST /api/revalidate drops the agency's or
// tag's cache tag; the route files declare that (segment options must be written in each file).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isLocale } from "@minbar/i18n";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { PublicListing, PublicName } from "@minbar/db/public";
import type { Locale } from "@minbar/i18n";
import { editionPaths, getPathname, permanentRedirect } from "../i18n/navigation.ts";
import { ListingPage } from "../components/listing-page.tsx";
import { listingFeedTitle, type ListingKind } from "./feed.ts";
import { pagedPath, parsePageSegment, parseSlugSegment } from "./published-content.ts";
import { feedAlternate } from "./site-url.ts";

/** The first page has no `n`; /page/{n} does. */
export type ListingRouteProps = { params: Promise<{ locale: string; slug: string; n?: string }> };

type ListingRoute = {
  namespace: "Source" | "Tag" | "Section";
  /** Which feed the page offers (lib/feed.ts). */
  feed: ListingKind;
  /**
   * The listing's page, with the name and canonical slug of what it lists (and, when its slug differs per edition,
   * its path in each); `{ moved }` for a slug to redirect to; null when the slug is unknown.
   */
  find: (
    slug: string,
    locale: Locale,
    page: number,
  ) => Promise<
    | { name: PublicName; slug: string; listing: PublicListing; languages?: Record<Locale, string> }
    | { moved: string }
    | null
  >;
  path: (slug: string) => string;
};

export function createListingRoute({ namespace, feed, find, path }: ListingRoute) {
  async function load({ params }: ListingRouteProps) {
    const { locale, slug: segment, n } = await params;
    if (!isLocale(locale)) notFound();
    const slug = parseSlugSegment(segment);
    const page = n === undefined ? 1 : parsePageSegment(n);
    if (slug === null || page === null) notFound();
    const found = await find(slug, locale, page);
    if (found && "moved" in found) permanentRedirect({ href: pagedPath(path(found.moved), page), locale });
    if (!found || page > found.listing.pageCount) notFound();
    if (n !== undefined && page === 1) permanentRedirect({ href: path(found.slug), locale });
    return { locale, page, ...found };
  }

  async function generateMetadata(props: ListingRouteProps): Promise<Metadata> {
    const { locale, name: named, slug, page, languages } = await load(props);
    // Plain text here (the tab's title, the feed's): the name, or the Arabic one where this language has none.
    const name = named.name;
    const [t, site, feedTitle] = await Promise.all([
      getTranslations({ locale, namespace }),
      getTranslations({ locale, namespace: "Site" }),
      listingFeedTitle(feed, locale, name),
    ]);
    return {
      title: t("title", { name }),
      description: t("description", { name }),
      alternates: {
        canonical: getPathname({ href: pagedPath(path(slug), page), locale }),
        languages: languages ?? editionPaths(path(slug)),
        // The listing's own feed, and the edition's (a page's alternates replace the layout's).
        types: feedAlternate(locale, site("feedTitle"), { pathname: path(slug), title: feedTitle }),
      },
    };
  }

  async function Page(props: ListingRouteProps) {
    const { locale, name, slug, listing } = await load(props);
    setRequestLocale(locale);
    return <ListingPage locale={locale} namespace={namespace} name={name} pathname={path(slug)} listing={listing} />;
  }

  return { generateMetadata, Page };
}
