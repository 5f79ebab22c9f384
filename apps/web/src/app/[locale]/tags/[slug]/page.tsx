// A tag's page, /tags/{slug}: its name in the page's language and its published articles, paginated.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "../../../../i18n/routing";
import { getPathname } from "../../../../i18n/navigation";
import { ListingPage } from "../../../../components/listing-page";
import { findTagPage, parsePageNumber, parseSlugSegment, tagPath } from "../../../../lib/published-content";

export const dynamic = "force-dynamic";

type TagProps = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function loadTag({ params, searchParams }: TagProps) {
  const { locale, slug: segment } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const slug = parseSlugSegment(segment);
  if (slug === null) notFound();
  const page = parsePageNumber((await searchParams).page);
  const listing = await findTagPage(slug, locale, page);
  if (!listing || page > listing.pageCount) notFound();
  return { locale, listing };
}

export async function generateMetadata(props: TagProps): Promise<Metadata> {
  const { locale, listing } = await loadTag(props);
  const t = await getTranslations({ locale, namespace: "Tag" });
  return {
    title: t("title", { name: listing.tag.name }),
    description: t("description", { name: listing.tag.name }),
    alternates: {
      canonical: getPathname({ href: tagPath(listing.tag.slug), locale }),
      languages: Object.fromEntries(
        routing.locales.map((other) => [other, getPathname({ href: tagPath(listing.tag.slug), locale: other })]),
      ),
    },
  };
}

export default async function TagPage(props: TagProps) {
  const { locale, listing } = await loadTag(props);
  setRequestLocale(locale);
  return (
    <ListingPage
      locale={locale}
      namespace="Tag"
      name={listing.tag.name}
      pathname={tagPath(listing.tag.slug)}
      listing={listing}
    />
  );
}
