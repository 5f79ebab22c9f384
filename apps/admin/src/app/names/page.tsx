// /names: the Russian and English names of tags, agencies (with their link), photo credits and contributors, one
// kind at a time, searchable, filtered by what is missing, 25 to a page. names.manage is checked by the use cases.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listNames, MISSING_FILTERS, NAMED_KINDS, type NamedKind, type MissingFilter } from "@minbar/db/editorial";
import { can } from "@minbar/db/permissions";
import { formatInteger } from "@minbar/i18n";
import { getDb } from "../../db.ts";
import { requireActor } from "../../lib/actor.ts";
import { orForbidden } from "../../lib/or-forbidden.ts";
import { NameForm } from "./name-form.tsx";
import { Pager } from "../../components/pager.tsx";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
type Filters = { kind: NamedKind; missing: MissingFilter | null; q: string; page: number };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

function readFilters(params: SearchParams): Filters {
  const kind = NAMED_KINDS.find((k) => k === first(params.kind)) ?? "tag";
  const missing = MISSING_FILTERS.find((m) => m === first(params.missing)) ?? null;
  const page = Number(first(params.page));
  return { kind, missing, q: first(params.q).slice(0, 200), page: Number.isInteger(page) && page > 0 ? page : 1 };
}

function href(filters: Filters, changes: Partial<Filters>): string {
  const next = { ...filters, ...changes };
  const params = new URLSearchParams({ kind: next.kind });
  if (next.missing) params.set("missing", next.missing);
  if (next.q) params.set("q", next.q);
  if (next.page > 1) params.set("page", String(next.page));
  return `/names?${params}`;
}

export default async function NamesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const filters = readFilters(await searchParams);
  const [result, locale, t] = await Promise.all([
    orForbidden(() =>
      listNames(getDb(), actor, { kind: filters.kind, missing: filters.missing, query: filters.q, page: filters.page }),
    ),
    getLocale(),
    getTranslations("NamesDesk"),
  ]);
  const canEditUrl = can(actor, "attribution.manage");

  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-sm text-gray-600">{t("intro")}</p>
      <nav aria-label={t("kindsLabel")} className="mb-4">
        <ul className="flex flex-wrap gap-1 text-sm">
          {NAMED_KINDS.map((kind) => (
            <li key={kind}>
              <Link
                href={href(filters, { kind, page: 1 })}
                aria-current={kind === filters.kind ? "page" : undefined}
                className="rounded border border-gray-300 px-3 py-1 aria-[current=page]:bg-brand aria-[current=page]:text-white"
              >
                {t(`kinds.${kind}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/names" className="mb-4 flex flex-wrap items-end gap-3 text-sm" role="search">
        <input type="hidden" name="kind" value={filters.kind} />
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
          {t("missing.label")}
          <select
            name="missing"
            defaultValue={filters.missing ?? ""}
            className="block rounded border border-gray-300 px-2 py-1"
          >
            <option value="">{t("missing.all")}</option>
            {MISSING_FILTERS.map((missing) => (
              <option key={missing} value={missing}>
                {t(`missing.${missing}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded border border-gray-300 bg-white px-3 py-1 hover:bg-gray-50">
          {t("apply")}
        </button>
      </form>
      <p className="mb-2 text-sm text-gray-600" role="status">
        {t("count", { count: result.total, shown: formatInteger(result.total, locale) })}
      </p>
      {result.items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-gray-100 rounded-lg bg-white shadow-sm">
          {result.items.map((record) => (
            <li key={`${record.kind}-${record.id}`} className="p-3" data-testid="named-record">
              <p className="mb-2">
                <bdi lang="ar" dir="rtl" className="font-semibold">
                  {record.nameAr}
                </bdi>{" "}
                <span className="text-xs text-gray-500">
                  {t("uses", { count: record.uses, shown: formatInteger(record.uses, locale) })}
                </span>
              </p>
              <NameForm
                kind={record.kind}
                id={record.id}
                version={record.version}
                nameRu={record.nameRu}
                nameEn={record.nameEn}
                url={record.url}
                nameAr={record.nameAr}
                canEditUrl={canEditUrl}
              />
            </li>
          ))}
        </ul>
      )}
      <Pager page={result.page} pageCount={result.pageCount} hrefFor={(page) => href(filters, { page })} />
    </>
  );
}
