// The header's search box as a parallel route, like the language switcher beside it (@languages): a slot is told
// which page it sits on, so the search page (search/page.tsx here) can leave it out — that page has its own box,
// holding the query, and a page has one search box. Every other path gets the header's box.
import { isLocale } from "@minbar/i18n";
import { SearchForm } from "../../../../components/search-form.tsx";

type SearchSlotProps = { params: Promise<{ locale: string }> };

export default async function SearchSlot({ params }: SearchSlotProps) {
  const { locale } = await params;
  if (!isLocale(locale)) return null;
  return <SearchForm locale={locale} id="site-search" />;
}
