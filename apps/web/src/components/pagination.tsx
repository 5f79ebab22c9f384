// Previous / "page N of M" / next links under a paginated listing: {listing}/page/{N}, the listing itself for page 1.
import { getTranslations } from "next-intl/server";
import { formatInteger, type Locale } from "@minbar/i18n";
import { Link } from "../i18n/navigation.ts";
import { pagedPath } from "../lib/published-content.ts";

/** A page link is a main control: a 44 px tall target (WCAG 2.2's aim), padded sideways too. */
export const PAGE_LINK = "inline-flex min-h-11 items-center rounded px-3 text-brand underline hover:bg-brand-soft";

type PaginationProps = { locale: Locale; pathname: string; page: number; pageCount: number };

export async function Pagination({ locale, pathname, page, pageCount }: PaginationProps) {
  if (pageCount <= 1) return null;
  const t = await getTranslations({ locale, namespace: "Home" });
  const linkTo = (target: number) => pagedPath(pathname, target);
  return (
    <nav aria-label={t("pagination")} className="mt-8 flex flex-wrap items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link href={linkTo(page - 1)} rel="prev" className={PAGE_LINK}>
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-gray-500">
        {t("pageOf", { page: formatInteger(page, locale), count: formatInteger(pageCount, locale) })}
      </span>
      {page < pageCount ? (
        <Link href={linkTo(page + 1)} rel="next" className={PAGE_LINK}>
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
