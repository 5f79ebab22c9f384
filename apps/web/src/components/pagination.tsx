// Previous / "page N of M" / next links under a paginated listing: {listing}/page/{N}, the listing itself for page 1.
import { getTranslations } from "next-intl/server";
import { formatInteger, type Locale } from "@minbar/i18n";
import { Link } from "../i18n/navigation.ts";
import { pagedPath } from "../lib/published-content.ts";

type PaginationProps = { locale: Locale; pathname: string; page: number; pageCount: number };

export async function Pagination({ locale, pathname, page, pageCount }: PaginationProps) {
  if (pageCount <= 1) return null;
  const t = await getTranslations({ locale, namespace: "Home" });
  const linkTo = (target: number) => pagedPath(pathname, target);
  return (
    <nav aria-label={t("pagination")} className="mt-8 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <Link href={linkTo(page - 1)} rel="prev" className="text-brand underline">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-gray-500">
        {t("pageOf", { page: formatInteger(page, locale), count: formatInteger(pageCount, locale) })}
      </span>
      {page < pageCount ? (
        <Link href={linkTo(page + 1)} rel="next" className="text-brand underline">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
