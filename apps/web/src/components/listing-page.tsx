// The body of an agency, tag or section page: its heading, how many stories it has, the list and the page links.
import { getTranslations } from "next-intl/server";
import type { PublicListing, PublicName } from "@minbar/db/public";
import { formatInteger, type Locale } from "@minbar/i18n";
import { ArticleList } from "./article-list.tsx";
import { Pagination } from "./pagination.tsx";
import { fillNameSlot, NAME_SLOT, PublicNameText } from "./public-name.tsx";

type ListingPageProps = {
  locale: Locale;
  namespace: "Source" | "Tag" | "Section";
  /** The agency's or tag's name in the page's language, or the Arabic one (marked as such). */
  name: PublicName;
  pathname: string;
  listing: PublicListing;
};

export async function ListingPage({ locale, namespace, name, pathname, listing }: ListingPageProps) {
  const t = await getTranslations({ locale, namespace });
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">
        {fillNameSlot(t("title", { name: NAME_SLOT }), <PublicNameText value={name} locale={locale} />)}
      </h1>
      <p className="mb-6 text-sm text-gray-600">
        {t("count", { count: listing.total, formatted: formatInteger(listing.total, locale) })}
      </p>
      {listing.items.length === 0 ? (
        <p className="text-gray-700">{t("empty")}</p>
      ) : (
        <ArticleList items={listing.items} locale={locale} />
      )}
      <Pagination locale={locale} pathname={pathname} page={listing.page} pageCount={listing.pageCount} />
    </>
  );
}
