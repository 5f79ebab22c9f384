// Agency and tag pages are one route shape: a named listing at /{kind}/{slug}, paginated, localized, 404 when unknown.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { PublicListing } from "@minbar/db";
import type { Locale } from "@minbar/i18n";
import { routing } from "../i18n/routing";
import { getPathname } from "../i18n/navigation";
import { ListingPage } from "../components/listing-page";
import { parsePageNumber, parseSlugSegment } from "./published-content";

export type ListingRouteProps = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

type ListingRoute = {
  namespace: "Source" | "Tag";
  /** The listing's page, with the name and canonical slug of what it lists; null when the slug is unknown. */
  find: (slug: string, locale: Locale, page: number) => Promise<{ name: string; slug: string; listing: PublicListing } | null>;
  path: (slug: string) => string;
};

export function createListingRoute({ namespace, find, path }: ListingRoute) {
  async function load({ params, searchParams }: ListingRouteProps) {
    const { locale, slug: segment } = await params;
    if (!hasLocale(routing.locales, locale)) notFound();
    const slug = parseSlugSegment(segment);
    if (slug === null) notFound();
    const page = parsePageNumber((await searchParams).page);
    const found = await find(slug, locale, page);
    if (!found || page > found.listing.pageCount) notFound();
    return { locale, ...found };
  }

  async function generateMetadata(props: ListingRouteProps): Promise<Metadata> {
    const { locale, name, slug } = await load(props);
    const t = await getTranslations({ locale, namespace });
    return {
      title: t("title", { name }),
      description: t("description", { name }),
      alternates: {
        canonical: getPathname({ href: path(slug), locale }),
        languages: Object.fromEntries(routing.locales.map((other) => [other, getPathname({ href: path(slug), locale: other })])),
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
