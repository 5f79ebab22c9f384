import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatInteger } from "@minbar/i18n";

/** Previous, "page N of M", next: the one pager of every paged admin list; nothing when there is one page. */
export async function Pager({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const [t, locale] = await Promise.all([getTranslations("Pager"), getLocale()]);
  const linkClass = "rounded border border-gray-300 bg-white px-3 py-1";
  return (
    <nav aria-label={t("label")} className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link rel="prev" href={hrefFor(page - 1)} className={linkClass}>
          {t("previous")}
        </Link>
      ) : null}
      <span aria-current="page">
        {t("page", { page: formatInteger(page, locale), pages: formatInteger(pageCount, locale) })}
      </span>
      {page < pageCount ? (
        <Link rel="next" href={hrefFor(page + 1)} className={linkClass}>
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
