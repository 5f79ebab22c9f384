// /articles: every localization of every article, in any state, with its warnings — filtered (status, language,
// author, source, tag, warnings, title search), with the review queue and "my drafts" as views. Staff only.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import {
  BLOCKING_WARNING_CODES,
  listAdminFilterOptions,
  listArticlesForAdmin,
  type AdminArticleFilters,
  type AdminArticleRow,
} from "@minbar/db/editorial";
import { unconfirmedSiteChanges } from "@minbar/db/site-signals";
import { can } from "@minbar/db/permissions";
import {
  directionOf,
  formatDateTime,
  formatInteger,
  formatPublicationDate,
  isolate,
  LOCALES,
  NEWSROOM_TIME_ZONE,
  startOfDay,
} from "@minbar/i18n";
import { NewArticleButton } from "../../components/editor/new-article-button.tsx";
import { requireActor } from "../../lib/actor.ts";
import { orForbidden } from "../../lib/or-forbidden.ts";
import { LocalizedName, nameAsText } from "../../components/localized-name.tsx";
import { LocalTime } from "../../components/local-time.tsx";
import { WarningChip } from "../../components/warning-chip.tsx";
import { Pager } from "../../components/pager.tsx";
import { publicArticleUrl } from "../../lib/public-link.ts";
import { DateTimeField } from "../../components/date-time-field.tsx";
import { getDb } from "../../db.ts";

export const dynamic = "force-dynamic";

const STATUS_STYLES: Record<AdminArticleRow["status"], string> = {
  draft: "bg-gray-200 text-gray-800",
  in_review: "bg-amber-100 text-amber-900",
  approved: "bg-sky-100 text-sky-900",
  scheduled: "bg-indigo-100 text-indigo-900",
  published: "bg-emerald-100 text-emerald-900",
  unpublished: "bg-orange-100 text-orange-900",
  archived: "bg-stone-200 text-stone-700",
};

type Search = Record<string, string | string[] | undefined>;

const FILTER_KEYS = [
  "view",
  "status",
  "locale",
  "authorId",
  "sourceId",
  "sectionId",
  "tag",
  "warnings",
  "changes",
  "q",
  "from",
  "to",
  "page",
] as const;

type ListFilters = AdminArticleFilters & { from?: string; to?: string };

function filtersFrom(search: Search): ListFilters {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = search[key];
    if (typeof value === "string" && value !== "") filters[key] = value;
  }
  return filters;
}

/** The story-date filter's days (`from`, `to`, both included) as the instants they begin and end in the newsroom. */
function queryOf({ from, to, ...filters }: ListFilters): AdminArticleFilters {
  const publishedFrom = from ? startOfDay(from, NEWSROOM_TIME_ZONE) : null;
  const publishedBefore = to ? startOfDay(to, NEWSROOM_TIME_ZONE, 1) : null;
  return {
    ...filters,
    ...(publishedFrom ? { publishedFrom } : {}),
    ...(publishedBefore ? { publishedBefore } : {}),
  };
}

function hrefWith(
  filters: ListFilters,
  changes: Partial<Record<(typeof FILTER_KEYS)[number], string | number | undefined>>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...changes }))
    if (value !== undefined && value !== "") params.set(key, String(value));
  const query = params.toString();
  return query ? `/articles?${query}` : "/articles";
}

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const filters = filtersFrom(await searchParams);
  const [
    [{ rows, total, page, pageSize }, options, unconfirmed],
    uiLocale,
    t,
    tFilters,
    tStatus,
    tLocales,
    tNames,
    tDates,
  ] = await Promise.all([
    orForbidden(() =>
      Promise.all([
        listArticlesForAdmin(getDb(), actor, queryOf(filters)),
        listAdminFilterOptions(getDb(), actor),
        unconfirmedSiteChanges(getDb(), actor),
      ]),
    ),
    getLocale(),
    getTranslations("Articles"),
    getTranslations("ArticleFilters"),
    getTranslations("Status"),
    getTranslations("Locales"),
    getTranslations("Names"),
    getTranslations("ArticleDateFilter"),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const view = filters.view ?? "all";

  const siteUrls = new Map(
    rows.flatMap((row) => {
      const url = row.status === "published" ? publicArticleUrl(row) : null;
      return url ? [[row.localizationId, url] as const] : [];
    }),
  );
  const select = "rounded border border-gray-300 bg-white px-2 py-1";

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {can(actor, "article.create") ? <NewArticleButton label={tFilters("newArticle")} /> : null}
      </div>

      {unconfirmed.count > 0 && unconfirmed.since ? (
        <p role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("siteBehind", {
            count: unconfirmed.count,
            formatted: formatInteger(unconfirmed.count, uiLocale),
            since: formatDateTime(unconfirmed.since, uiLocale),
          })}
        </p>
      ) : null}

      <nav aria-label={tFilters("label")} className="mb-3">
        <ul className="flex flex-wrap gap-2 text-sm">
          {(["all", "review", "mine"] as const).map((key) => (
            <li key={key}>
              <Link
                href={hrefWith({}, { view: key === "all" ? undefined : key })}
                aria-current={view === key ? "page" : undefined}
                className={`rounded px-3 py-1 ${view === key ? "bg-brand text-white" : "border border-gray-300 bg-white"}`}
              >
                {tFilters(`views.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form
        method="get"
        aria-label={tFilters("label")}
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 text-sm shadow-sm"
      >
        {view !== "all" ? <input type="hidden" name="view" value={view} /> : null}
        <label>
          <span className="block text-gray-600">{tFilters("q")}</span>
          <input type="search" name="q" defaultValue={filters.q ?? ""} maxLength={200} dir="auto" className={select} />
        </label>
        <label>
          <span className="block text-gray-600">{tFilters("status")}</span>
          <select name="status" defaultValue={filters.status ?? ""} className={select}>
            <option value="">{tFilters("anyStatus")}</option>
            {(Object.keys(STATUS_STYLES) as AdminArticleRow["status"][]).map((status) => (
              <option key={status} value={status}>
                {tStatus(status)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-gray-600">{tFilters("language")}</span>
          <select name="locale" defaultValue={filters.locale ?? ""} className={select}>
            <option value="">{tFilters("anyLanguage")}</option>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {tLocales(locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-gray-600">{tFilters("author")}</span>
          <select name="authorId" defaultValue={String(filters.authorId ?? "")} className={select}>
            <option value="">{tFilters("anyAuthor")}</option>
            {options.authors.map((author) => (
              <option key={author.id} value={author.id}>
                {isolate(author.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-gray-600">{tFilters("source")}</span>
          <select name="sourceId" defaultValue={String(filters.sourceId ?? "")} className={select}>
            <option value="">{tFilters("anySource")}</option>
            {options.sources.map((source) => (
              <option key={source.id} value={source.id}>
                {nameAsText(source, uiLocale, tNames("inArabic"))}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-gray-600">{tFilters("section")}</span>
          <select name="sectionId" defaultValue={String(filters.sectionId ?? "")} className={select}>
            <option value="">{tFilters("anySection")}</option>
            {options.sections.map((section) => (
              <option key={section.id} value={section.id}>
                {uiLocale === "ru" ? section.nameRu : uiLocale === "en" ? section.nameEn : section.nameAr}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-gray-600">{tFilters("tag")}</span>
          <input
            name="tag"
            list="tag-options"
            defaultValue={filters.tag ?? ""}
            maxLength={100}
            dir="auto"
            className={select}
          />
          <datalist id="tag-options">
            {options.tags.map((tag) => (
              <option key={tag.slug} value={tag.slug}>
                {nameAsText(tag, uiLocale, tNames("inArabic"))}
              </option>
            ))}
          </datalist>
        </label>
        <label>
          <span className="block text-gray-600">{tFilters("warnings")}</span>
          <select name="warnings" defaultValue={filters.warnings ?? ""} className={select}>
            <option value="">{tFilters("anyWarnings")}</option>
            <option value="any">{tFilters("warningsAny")}</option>
            <option value="blocking">{tFilters("warningsBlocking")}</option>
          </select>
        </label>
        <label>
          <span className="block text-gray-600">{tFilters("changes")}</span>
          <select name="changes" defaultValue={filters.changes ?? ""} className={select}>
            <option value="">{tFilters("anyChanges")}</option>
            <option value="pending">{tFilters("changesPending")}</option>
            <option value="outdated">{tFilters("changesOutdated")}</option>
          </select>
        </label>
        <DateTimeField label={tDates("from")} name="from" value={filters.from ?? ""} withTime={false} />
        <DateTimeField label={tDates("to")} name="to" value={filters.to ?? ""} withTime={false} />
        <button type="submit" className="rounded bg-brand px-3 py-1 font-semibold text-white">
          {tFilters("apply")}
        </button>
        <Link href={hrefWith({}, { view: view === "all" ? undefined : view })} className="py-1 text-brand underline">
          {tFilters("reset")}
        </Link>
      </form>

      {rows.length === 0 ? (
        <p>{total === 0 && Object.keys(filters).length === 0 ? t("empty") : tFilters("none")}</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-gray-600">
            {t("count", { count: total, formatted: formatInteger(total, uiLocale) })}
          </p>
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
            <table className="w-full text-start text-sm">
              <thead className="border-b border-gray-200 bg-gray-50 text-gray-600">
                <tr>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("columns.title")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("columns.language")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("columns.status")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("columns.warnings")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("columns.publishedAt")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("columns.source")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {rows.map((row) => (
                  <tr key={row.localizationId} className="align-top">
                    <td className="max-w-md px-3 py-3">
                      {/* Not prefetched: fifty editor pages rendered on every visit to the list would be wasted work. */}
                      <Link
                        href={`/articles/${row.articleId}/${row.locale}`}
                        prefetch={false}
                        className="hover:underline"
                      >
                        {row.title ? (
                          <span lang={row.locale} dir={directionOf(row.locale)} className="block font-semibold">
                            {row.title}
                          </span>
                        ) : (
                          // No italics: Arabic has none, and a synthetic slant reads as a rendering fault.
                          <span className="block font-semibold text-red-700">{t("untitled")}</span>
                        )}
                      </Link>
                      {row.author ? (
                        <span className="block text-xs text-gray-600">
                          <bdi>{row.author}</bdi>
                        </span>
                      ) : null}
                    </td>
                    <td className="px-3 py-3 whitespace-nowrap">
                      {tLocales(row.locale)}
                      {siteUrls.get(row.localizationId) ? (
                        <a
                          href={siteUrls.get(row.localizationId)}
                          className="ms-2 text-xs text-brand underline"
                          target="_blank"
                          rel="noreferrer"
                        >
                          {t("viewOnSite")}
                        </a>
                      ) : null}
                    </td>
                    <td className="px-3 py-3">
                      <span
                        className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${STATUS_STYLES[row.status]}`}
                      >
                        {tStatus(row.status)}
                      </span>
                      {row.status === "scheduled" && row.scheduledAt ? (
                        <time
                          dateTime={row.scheduledAt.toISOString()}
                          className="mt-1 block text-xs whitespace-nowrap text-gray-600"
                        >
                          {formatDateTime(row.scheduledAt, uiLocale)}
                        </time>
                      ) : null}
                      {row.status === "scheduled" && row.scheduledAt ? <LocalTime instant={row.scheduledAt} /> : null}
                    </td>
                    <td className="px-3 py-3">
                      <ul className="flex flex-wrap gap-1">
                        {row.warnings.map((warning, index) => (
                          <WarningChip
                            key={`${warning.code}-${index}`}
                            code={warning.code}
                            className={`rounded px-2 py-0.5 text-xs ${BLOCKING_WARNING_CODES.has(warning.code) ? "bg-red-100 text-red-800" : "bg-amber-50 text-amber-900"}`}
                          />
                        ))}
                        {row.blocked ? (
                          <li className="rounded bg-red-700 px-2 py-0.5 text-xs text-white">{t("blocked")}</li>
                        ) : null}
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
                    <td className="px-3 py-3">{row.source ? <LocalizedName names={row.source} /> : t("noSource")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pageCount={pages} hrefFor={(page) => hrefWith(filters, { page })} />
        </>
      )}
    </>
  );
}
