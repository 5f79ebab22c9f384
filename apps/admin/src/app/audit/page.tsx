// /audit: the audit trail, newest first, filtered by who, which action (or family of actions), which entity and
// which days, 50 to a page. Only for those holding audit.read — the use case checks it.
import Link from "next/link";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { listAuditLog, type AuditRow } from "@minbar/db/accounts";
import { formatInteger, intlLocaleOf, NEWSROOM_TIME_ZONE } from "@minbar/i18n";
import { getDb } from "../../db.ts";
import { requireActor } from "../../lib/actor.ts";
import { orForbidden } from "../../lib/or-forbidden.ts";
import { TableFrame } from "../../lib/table-frame.tsx";
import { startOfDay } from "../../lib/zoned-time.ts";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const FILTER_NAMES = ["actor", "action", "entityType", "entityId", "from", "to"] as const;
type FilterName = (typeof FILTER_NAMES)[number];
const ACTION_GROUPS = ["auth", "user", "role", "article", "import"] as const;

const text = (max: number) => z.string().trim().max(max).catch("");
const filtersSchema = z.object({
  actor: text(320),
  action: text(100),
  entityType: text(50),
  entityId: text(100),
  from: text(10),
  to: text(10),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The filters as typed, and what the use case gets; a day that is not a date is reported and left out. */
function readFilters(params: SearchParams) {
  const raw = Object.fromEntries([...FILTER_NAMES, "page"].map((name) => [name, first(params[name]) ?? ""]));
  const filters = filtersSchema.parse(raw);
  const from = filters.from ? startOfDay(filters.from, NEWSROOM_TIME_ZONE) : null;
  // "To" is inclusive on the form: everything before the next day begins.
  const to = filters.to ? startOfDay(filters.to, NEWSROOM_TIME_ZONE, 1) : null;
  const invalid: FilterName[] = [];
  if (filters.from && !from) invalid.push("from");
  if (filters.to && !to) invalid.push("to");
  const ordered = !from || !to || from < to;
  if (!ordered) invalid.push("to");
  return {
    filters,
    invalid,
    query: {
      actor: filters.actor,
      actionPrefix: filters.action,
      entityType: filters.entityType,
      entityId: filters.entityId,
      from: from ?? undefined,
      to: ordered ? (to ?? undefined) : undefined,
      page: filters.page,
    },
  };
}

/** An entry's data in one short line (what changed, why a sign-in failed), or null when there is none. */
function details(data: AuditRow["data"]): string | null {
  if (!data || typeof data !== "object" || Array.isArray(data) || Object.keys(data).length === 0) return null;
  const text = JSON.stringify(data);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function pageHref(filters: Record<FilterName, string>, page: number): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name]);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/audit?${query}` : "/audit";
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const { filters, invalid, query } = readFilters(await searchParams);
  const [result, t, tActions, locale, messages] = await Promise.all([
    orForbidden(() => listAuditLog(getDb(), actor, query)),
    getTranslations("Audit"),
    getTranslations("AuditActions"),
    getLocale(),
    getMessages(),
  ]);

  // The actions with a label, straight from the catalogue, so the filter offers exactly what can be named.
  const knownActions = Object.entries(messages.AuditActions).flatMap(([group, actions]) =>
    Object.keys(actions).map((name) => `${group}.${name}`),
  );
  const known = new Set(knownActions);
  const actionLabel = (action: string) =>
    known.has(action) ? tActions(action as Parameters<typeof tActions>[0]) : action;
  const entityLabel = (row: AuditRow) => {
    if (!row.entityType) return "—";
    const type =
      row.entityType === "user" || row.entityType === "role" || row.entityType === "article"
        ? t(`entityTypes.${row.entityType}`)
        : row.entityType;
    return row.entityId ? `${type} ${row.entityId}` : type;
  };
  const inputClass = "w-full rounded border border-gray-300 px-2 py-1 text-start";
  const when = new Intl.DateTimeFormat(intlLocaleOf(locale), {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: NEWSROOM_TIME_ZONE,
  });

  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      <form
        method="get"
        action="/audit"
        aria-label={t("filters.label")}
        className="mb-6 grid gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-3"
      >
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("filters.actor")}</span>
          <input name="actor" defaultValue={filters.actor} maxLength={320} className={inputClass} />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("filters.action")}</span>
          <select name="action" defaultValue={filters.action} className={inputClass}>
            <option value="">{t("filters.anyAction")}</option>
            {ACTION_GROUPS.map((group) => (
              <optgroup key={group} label={t(`groups.${group}`)}>
                <option value={`${group}.`}>{t(`groups.${group}`)}</option>
                {knownActions
                  .filter((action) => action.startsWith(`${group}.`))
                  .map((action) => (
                    <option key={action} value={action}>
                      {actionLabel(action)}
                    </option>
                  ))}
              </optgroup>
            ))}
            {filters.action &&
            !knownActions.includes(filters.action) &&
            !ACTION_GROUPS.some((group) => filters.action === `${group}.`) ? (
              <option value={filters.action}>{filters.action}</option>
            ) : null}
          </select>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("filters.entityType")}</span>
          <select name="entityType" defaultValue={filters.entityType} className={inputClass}>
            <option value="">—</option>
            <option value="user">{t("entityTypes.user")}</option>
            <option value="role">{t("entityTypes.role")}</option>
            <option value="article">{t("entityTypes.article")}</option>
          </select>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("filters.entityId")}</span>
          <input name="entityId" defaultValue={filters.entityId} maxLength={100} dir="ltr" className={inputClass} />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("filters.from")}</span>
          <input
            type="date"
            name="from"
            defaultValue={filters.from}
            aria-invalid={invalid.includes("from")}
            className={inputClass}
          />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("filters.to")}</span>
          <input
            type="date"
            name="to"
            defaultValue={filters.to}
            aria-invalid={invalid.includes("to")}
            className={inputClass}
          />
        </label>
        <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-3">
          <button type="submit" className="rounded bg-brand px-4 py-1.5 font-semibold text-white">
            {t("filters.apply")}
          </button>
          <Link href="/audit" className="text-sm text-brand underline">
            {t("filters.clear")}
          </Link>
        </div>
      </form>

      {invalid.length > 0 ? (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("filters.invalid", { fields: [...new Set(invalid)].map((name) => t(`filters.${name}`)).join("، ") })}
        </p>
      ) : null}

      <p className="mb-3 text-sm text-gray-600">
        {t("count", { count: result.total, formatted: formatInteger(result.total, locale) })}
      </p>
      {result.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <TableFrame
          columns={[
            t("columns.at"),
            t("columns.actor"),
            t("columns.action"),
            t("columns.entity"),
            t("columns.address"),
          ]}
        >
          {result.rows.map((row) => (
            <tr key={row.id} className="align-top" data-action={row.action}>
              <td className="px-3 py-2 whitespace-nowrap">
                <time dateTime={row.at.toISOString()}>{when.format(row.at)}</time>
              </td>
              <td className="px-3 py-2">
                {row.actor ? (
                  <>
                    <span className="block">{row.actor.name}</span>
                    <span className="block text-xs text-gray-500" dir="ltr">
                      {row.actor.email}
                    </span>
                  </>
                ) : (
                  <span className="text-gray-500">{t("system")}</span>
                )}
              </td>
              <td className="px-3 py-2">
                <span className="block">{actionLabel(row.action)}</span>
                <code className="block text-xs text-gray-500" dir="ltr">
                  {row.action}
                </code>
                {details(row.data) ? (
                  <code className="mt-1 block max-w-md text-xs break-all text-gray-500" dir="ltr">
                    {details(row.data)}
                  </code>
                ) : null}
              </td>
              <td className="px-3 py-2">{entityLabel(row)}</td>
              <td className="px-3 py-2">
                <span dir="ltr">{row.address ?? "—"}</span>
              </td>
            </tr>
          ))}
        </TableFrame>
      )}

      {result.pageCount > 1 ? (
        <nav
          className="mt-4 flex items-center gap-4 text-sm"
          aria-label={t("page", { page: result.page, pages: result.pageCount })}
        >
          {result.page > 1 ? (
            <Link href={pageHref(filters, result.page - 1)} className="text-brand underline">
              {t("previous")}
            </Link>
          ) : null}
          <span>
            {t("page", { page: formatInteger(result.page, locale), pages: formatInteger(result.pageCount, locale) })}
          </span>
          {result.page < result.pageCount ? (
            <Link href={pageHref(filters, result.page + 1)} className="text-brand underline">
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
