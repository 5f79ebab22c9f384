// /articles: every localization of every article, in any state, with its warnings — for signed-in staff only.
import { getLocale, getTranslations } from "next-intl/server";
import { BLOCKING_WARNING_CODES, ForbiddenError, listArticlesForAdmin, type AdminArticleRow } from "@minbar/db";
import { directionOf, formatInteger, formatPublicationDate } from "@minbar/i18n";
import { requireActor } from "../../lib/actor";
import { isKnownWarningCode } from "../../lib/warning-codes";
import { publicArticleUrl } from "../../lib/public-link";
import { getDb } from "../../db";

export const dynamic = "force-dynamic";

async function listRows(actor: Awaited<ReturnType<typeof requireActor>>): Promise<AdminArticleRow[] | "forbidden"> {
  try {
    return await listArticlesForAdmin(getDb(), actor);
  } catch (error) {
    if (error instanceof ForbiddenError) return "forbidden";
    throw error;
  }
}

const STATUS_STYLES: Record<AdminArticleRow["status"], string> = {
  draft: "bg-gray-200 text-gray-800",
  in_review: "bg-amber-100 text-amber-900",
  approved: "bg-sky-100 text-sky-900",
  scheduled: "bg-indigo-100 text-indigo-900",
  published: "bg-emerald-100 text-emerald-900",
  unpublished: "bg-orange-100 text-orange-900",
  archived: "bg-stone-200 text-stone-700",
};

export default async function ArticlesPage() {
  const actor = await requireActor();
  const [rows, uiLocale, t, tStatus, tLocales, tWarnings] = await Promise.all([
    listRows(actor),
    getLocale(),
    getTranslations("Articles"),
    getTranslations("Status"),
    getTranslations("Locales"),
    getTranslations("Warnings"),
  ]);

  const siteUrls = new Map(
    rows === "forbidden"
      ? []
      : rows.flatMap((row) => {
          const url = row.status === "published" ? publicArticleUrl(row) : null;
          return url ? [[row.localizationId, url] as const] : [];
        }),
  );

  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
      </div>
      {rows === "forbidden" ? (
        <p role="alert">{t("forbidden")}</p>
      ) : rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-gray-600">{t("count", { count: rows.length, formatted: formatInteger(rows.length, uiLocale) })}</p>
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
            <table className="w-full text-start text-sm">
              <thead className="border-b border-gray-200 bg-gray-50 text-gray-600">
                <tr>
                  <th scope="col" className="px-3 py-2 text-start">{t("columns.title")}</th>
                  <th scope="col" className="px-3 py-2 text-start">{t("columns.language")}</th>
                  <th scope="col" className="px-3 py-2 text-start">{t("columns.status")}</th>
                  <th scope="col" className="px-3 py-2 text-start">{t("columns.warnings")}</th>
                  <th scope="col" className="px-3 py-2 text-start">{t("columns.publishedAt")}</th>
                  <th scope="col" className="px-3 py-2 text-start">{t("columns.source")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {rows.map((row) => (
                  <tr key={row.localizationId} className="align-top">
                    <td className="max-w-md px-3 py-3">
                      {row.title ? (
                        <span lang={row.locale} dir={directionOf(row.locale)} className="block font-semibold">
                          {row.title}
                        </span>
                      ) : (
                        // No italics: Arabic has none, and a synthetic slant reads as a rendering fault.
                        <span className="block font-semibold text-red-700">{t("untitled")}</span>
                      )}
                    </td>
                    <td className="px-3 py-3 whitespace-nowrap">
                      {tLocales(row.locale)}
                      {siteUrls.get(row.localizationId) ? (
                        <a href={siteUrls.get(row.localizationId)} className="ms-2 text-xs text-brand underline" target="_blank" rel="noreferrer">
                          {t("viewOnSite")}
                        </a>
                      ) : null}
                    </td>
                    <td className="px-3 py-3">
                      <span className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${STATUS_STYLES[row.status]}`}>
                        {tStatus(row.status)}
                      </span>
                    </td>
                    <td className="px-3 py-3">
                      <ul className="flex flex-wrap gap-1">
                        {row.warnings.map((warning, index) => (
                          <li
                            key={`${warning.code}-${index}`}
                            title={warning.message}
                            className={`rounded px-2 py-0.5 text-xs ${BLOCKING_WARNING_CODES.has(warning.code) ? "bg-red-100 text-red-800" : "bg-amber-50 text-amber-900"}`}
                          >
                            {isKnownWarningCode(warning.code) ? tWarnings(warning.code) : warning.message}
                          </li>
                        ))}
                        {row.blocked ? <li className="rounded bg-red-700 px-2 py-0.5 text-xs text-white">{t("blocked")}</li> : null}
                      </ul>
                    </td>
                    <td className="px-3 py-3 whitespace-nowrap">
                      {row.publishedAt ? (
                        <time
                          dateTime={row.publishedAt.toISOString()}
                          // Not yet live: the date the story is meant to carry, shown dimmed.
                          className={row.status === "published" ? undefined : "text-gray-400"}
                        >
                          {formatPublicationDate(row.publishedAt, uiLocale)}
                        </time>
                      ) : (
                        t("notPublished")
                      )}
                    </td>
                    <td className="px-3 py-3">
                      {row.source ? (
                        <span lang="ar" dir="rtl">
                          {row.source}
                        </span>
                      ) : (
                        t("noSource")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
