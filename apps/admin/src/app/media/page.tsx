// /media: the photo library. Upload (media.upload), search captions, alt texts and credits in any language, filter
// by credit or by photos no article uses, 24 to a page. Viewing needs article.read, checked by the use case.
import { getLocale, getTranslations } from "next-intl/server";
import { listMediaImages } from "@minbar/db/editorial";
import { can } from "@minbar/db/permissions";
import { formatInteger } from "@minbar/i18n";
import { getDb } from "../../db.ts";
import { requireActor } from "../../lib/actor.ts";
import { orForbidden } from "../../lib/or-forbidden.ts";
import { Pager } from "../../components/pager.tsx";
import { nameAsText } from "../../components/localized-name.tsx";
import { LibraryGrid, LibraryUploader, RefreshWhilePreparing } from "./library-client.tsx";
import { photoOptions } from "./photo-options.ts";
import { toLibraryPhoto } from "./to-library-photo.ts";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Filters = { q: string; credit: number | null; unused: boolean; page: number };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const positive = (text: string) => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : null;
};

function readFilters(params: SearchParams): Filters {
  return {
    q: first(params.q).slice(0, 200),
    credit: positive(first(params.credit)),
    unused: first(params.unused) === "1",
    page: positive(first(params.page)) ?? 1,
  };
}

function href(filters: Filters, changes: Partial<Filters>): string {
  const next = { ...filters, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.credit) params.set("credit", String(next.credit));
  if (next.unused) params.set("unused", "1");
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `/media?${query}` : "/media";
}

export default async function MediaLibraryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const filters = readFilters(await searchParams);
  const [result, options, locale, t, tNames] = await Promise.all([
    orForbidden(() =>
      listMediaImages(getDb(), actor, {
        query: filters.q,
        ...(filters.credit ? { creditId: filters.credit } : {}),
        unused: filters.unused,
        page: filters.page,
      }),
    ),
    orForbidden(() => photoOptions(actor)),
    getLocale(),
    getTranslations("Media.library"),
    getTranslations("Names"),
  ]);
  const photos = result.images.map(toLibraryPhoto);
  const preparing = photos.some((photo) => !photo.renditionKey && !photo.renditionFailed);

  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-sm text-gray-600">{t("intro")}</p>
      {can(actor, "media.upload") ? (
        <div className="mb-6">
          <LibraryUploader />
        </div>
      ) : null}
      <form method="get" action="/media" role="search" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="block">
          {t("search")}
          <input
            type="search"
            name="q"
            defaultValue={filters.q}
            maxLength={200}
            className="block rounded border border-gray-300 px-2 py-1"
          />
        </label>
        <label className="block">
          {t("credit")}
          <select
            name="credit"
            defaultValue={filters.credit ? String(filters.credit) : ""}
            className="block max-w-60 rounded border border-gray-300 px-2 py-1"
          >
            <option value="">{t("anyCredit")}</option>
            {options.credits.map((credit) => (
              <option key={credit.id} value={credit.id}>
                {nameAsText(credit, locale, tNames("inArabic"))}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 py-1">
          <input type="checkbox" name="unused" value="1" defaultChecked={filters.unused} />
          {t("unusedOnly")}
        </label>
        <button type="submit" className="rounded border border-gray-300 bg-white px-3 py-1 hover:bg-gray-50">
          {t("apply")}
        </button>
      </form>
      <p className="mb-2 text-sm text-gray-600" role="status">
        {t("count", { count: result.total, shown: formatInteger(result.total, locale) })}
      </p>
      {photos.length === 0 ? (
        <p>{filters.q || filters.credit || filters.unused ? t("noMatch") : t("empty")}</p>
      ) : (
        <LibraryGrid photos={photos} label={t("gridLabel")} />
      )}
      <RefreshWhilePreparing active={preparing} />
      <Pager page={result.page} pageCount={result.pages} hrefFor={(page) => href(filters, { page })} />
    </>
  );
}
