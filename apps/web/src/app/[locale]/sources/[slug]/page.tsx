// An agency's page, /sources/{slug}: its name in the page's language and its published articles, paginated.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "../../../../i18n/routing";
import { getPathname } from "../../../../i18n/navigation";
import { ListingPage } from "../../../../components/listing-page";
import { findSourcePage, parsePageNumber, parseSlugSegment, sourcePath } from "../../../../lib/published-content";

export const dynamic = "force-dynamic";

type SourceProps = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function loadSource({ params, searchParams }: SourceProps) {
  const { locale, slug: segment } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const slug = parseSlugSegment(segment);
  if (slug === null) notFound();
  const page = parsePageNumber((await searchParams).page);
  const listing = await findSourcePage(slug, locale, page);
  if (!listing || page > listing.pageCount) notFound();
  return { locale, listing };
}

export async function generateMetadata(props: SourceProps): Promise<Metadata> {
  const { locale, listing } = await loadSource(props);
  const t = await getTranslations({ locale, namespace: "Source" });
  return {
    title: t("title", { name: listing.source.name }),
    description: t("description", { name: listing.source.name }),
    alternates: {
      canonical: getPathname({ href: sourcePath(listing.source.slug), locale }),
      languages: Object.fromEntries(
        routing.locales.map((other) => [other, getPathname({ href: sourcePath(listing.source.slug), locale: other })]),
      ),
    },
  };
}

export default async function SourcePage(props: SourceProps) {
  const { locale, listing } = await loadSource(props);
  setRequestLocale(locale);
  return (
    <ListingPage
      locale={locale}
      namespace="Source"
      name={listing.source.name}
      pathname={sourcePath(listing.source.slug)}
      listing={listing}
    />
  );
}
