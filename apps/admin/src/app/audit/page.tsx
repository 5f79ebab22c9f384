// /audit: the audit trail, newest first, each entry a sentence in the interface language; filtered by person, action
// (or family of actions) and days, 50 to a page. Links from other pages may narrow it to one record (entityType and
// entityId in the address). Only for those holding audit.read — the use case checks it.
import Link from "next/link";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { listAuditActors, listAuditLog } from "@minbar/db/accounts";
import { formatInteger, intlLocaleOf, NEWSROOM_TIME_ZONE, startOfDay } from "@minbar/i18n";
import { getDb } from "../../db.ts";
import { requireActor } from "../../lib/actor.ts";
import { orForbidden } from "../../lib/or-forbidden.ts";
import { Pager } from "../../components/pager.tsx";
import { TableFrame } from "../../lib/table-frame.tsx";
import { AuditEntry } from "./audit-entry.tsx";
import { DateTimeField } from "../../components/date-time-field.tsx";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const FILTER_NAMES = ["person", "actor", "action", "entityType", "entityId", "from", "to"] as const;
type FilterName = (typeof FILTER_NAMES)[number];
const ACTION_GROUPS = ["auth", "user", "role", "article", "import"] as const;

const text = (max: number) => z.string().trim().max(max).catch("");
const filtersSchema = z.object({
  /** A user id, or "system". */
  person: z
    .string()
    .regex(/^([1-9][0-9]{0,9}|system)$/)
    .catch(""),
  /** Part of a name or email (older links; the form offers people by name). */
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
  const invalid: ("from" | "to")[] = [];
  if (filters.from && !from) invalid.push("from");
  if (filters.to && !to) invalid.push("to");
  const ordered = !from || !to || from < to;
  if (!ordered) invalid.push("to");
  return {
    filters,
    invalid,
    query: {
      actor: filters.actor,
      actorId: filters.person === "system" ? ("system" as const) : filters.person ? Number(filters.person) : undefined,
      actionPrefix: filters.action,
      entityType: filters.entityType,
      entityId: filters.entityId,
      from: from ?? undefined,
      to: ordered ? (to ?? undefined) : undefined,
      page: filters.page,
    },
  };
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
  const [[result, people], t, tEntries, tActions, locale, messages] = await Promise.all([
    orForbidden(() => Promise.all([listAuditLog(getDb(), actor, query), listAuditActors(getDb(), actor)])),
    getTranslations("Audit"),
    getTranslations("AuditEntries"),
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
          <span className="mb-1 block font-medium">{tEntries("person")}</span>
          <select name="person" defaultValue={filters.person} className={inputClass}>
            <option value="">{tEntries("anyPerson")}</option>
            {people.map((person) => (
              <option key={person.id} value={String(person.id)}>
                {person.name}
              </option>
            ))}
            <option value="system">{tEntries("system")}</option>
          </select>
        </label>
        {filters.actor ? <input type="hidden" name="actor" value={filters.actor} /> : null}
        {filters.entityType ? <input type="hidden" name="entityType" value={filters.entityType} /> : null}
        {filters.entityId ? <input type="hidden" name="entityId" value={filters.entityId} /> : null}
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
        <DateTimeField
          label={t("filters.from")}
          name="from"
          value={filters.from ?? ""}
          withTime={false}
          invalid={invalid.includes("from")}
        />
        <DateTimeField
          label={t("filters.to")}
          name="to"
          value={filters.to ?? ""}
          withTime={false}
          invalid={invalid.includes("to")}
        />
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
          {t("filters.invalid", {
            fields: new Intl.ListFormat(intlLocaleOf(locale)).format(
              [...new Set(invalid)].map((name) => t(`filters.${name}`)),
            ),
          })}
        </p>
      ) : null}

      {filters.entityType || filters.entityId ? (
        <p className="mb-2 text-sm text-gray-600">{tEntries("about")}</p>
      ) : null}
      <p className="mb-3 text-sm text-gray-600">
        {t("count", { count: result.total, formatted: formatInteger(result.total, locale) })}
      </p>
      {result.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <TableFrame columns={[t("columns.at"), tEntries("entry"), t("columns.address")]}>
          {result.rows.map((row) => (
            <tr key={row.id} className="align-top" data-action={row.action}>
              <td className="px-3 py-2 whitespace-nowrap">
                <time dateTime={row.at.toISOString()}>{when.format(row.at)}</time>
              </td>
              <td className="px-3 py-2">
                <AuditEntry row={row} viewer={actor} locale={locale} sentences={messages.AuditEntries} />
              </td>
              <td className="px-3 py-2">
                {/* An address is left to right in any interface: ::1 must not turn into 1:: in Arabic. */}
                {row.address ? (
                  <bdi dir="ltr" data-testid="audit-address">
                    {row.address}
                  </bdi>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </TableFrame>
      )}

      <Pager page={result.page} pageCount={result.pageCount} hrefFor={(page) => pageHref(filters, page)} />
    </>
  );
}
