// One audit entry as a sentence in the interface language ("Layla Haddad submitted «…» for review"), with links to
// the article, user or role it concerns; the action code, record and data stay folded away under "technical details".
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { AuditRow } from "@minbar/db/accounts";
import { can, type Actor } from "@minbar/db/permissions";
import { isLocale, type Locale } from "@minbar/i18n";
import { roleName } from "../../lib/role-name.ts";

type Values = Record<string, string | number>;

/** The catalogue key of an action's sentence, or null when the catalogue has none (the sentence test prevents it). */
export function sentenceKey(action: string, sentences: Record<string, unknown>): string | null {
  const [group, name, ...rest] = action.split(".");
  if (!group || !name || rest.length > 0) return null;
  const inGroup = sentences[group];
  return inGroup && typeof inGroup === "object" && typeof (inGroup as Record<string, unknown>)[name] === "string"
    ? `${group}.${name}`
    : null;
}

function field(data: AuditRow["data"], name: string): unknown {
  return data && typeof data === "object" && !Array.isArray(data) ? data[name] : undefined;
}

const text = (value: unknown, fallback = "") =>
  typeof value === "string" || typeof value === "number" ? String(value) : fallback;

const linkClass = "font-semibold text-brand underline";

export async function AuditEntry({
  row,
  viewer,
  locale,
  sentences,
}: {
  row: AuditRow;
  viewer: Actor;
  locale: Locale;
  sentences: Record<string, unknown>;
}) {
  const [t, tLocales] = await Promise.all([getTranslations("AuditEntries"), getTranslations("Locales")]);
  const subject = row.subject;
  const values: Values = {
    name: row.actor?.name ?? t("someone"),
    email: text(field(row.data, "email"), text(row.entityId)),
    reason: text(field(row.data, "reason"), "other"),
    attempts: Number(field(row.data, "attempts") ?? 1) || 1,
    scope: text(field(row.data, "scope"), "account"),
    number: text(field(row.data, "revisionNumber"), "?"),
    fileName: text(field(row.data, "file"), "—"),
    outcome: text(field(row.data, "outcome"), "other"),
    title: subject?.kind === "article" ? (subject.title?.trim() ? subject.title : t("untitled")) : t("deletedArticle"),
    userName: subject?.kind === "user" ? subject.name : text(field(row.data, "email"), t("deletedUser")),
    roleName:
      subject?.kind === "role" ? roleName(subject, locale) : subject?.kind === "deleted_role" ? subject.key : "—",
    // A tag's, agency's, credit's or contributor's Arabic name, as it was when its names were set.
    recordName: text(field(row.data, "nameAr"), "—"),
    language: (() => {
      const code = subject?.kind === "article" ? subject.locale : field(row.data, "locale");
      return isLocale(code) ? tLocales(code) : "—";
    })(),
  };
  const articleHref =
    subject?.kind === "article" && subject.locale && can(viewer, "article.read")
      ? `/articles/${subject.articleId}/${subject.locale}`
      : null;
  const userHref = subject?.kind === "user" && can(viewer, "user.manage") ? `/users#user-${subject.userId}` : null;
  const recordName = field(row.data, "nameAr");
  const recordHref =
    row.action.startsWith("names.") && row.entityType && typeof recordName === "string" && can(viewer, "names.manage")
      ? `/names?${new URLSearchParams({ kind: row.entityType, q: recordName })}`
      : row.action.startsWith("section.") && can(viewer, "section.manage")
        ? "/sections"
        : null;
  const roleHref = subject?.kind === "role" && can(viewer, "role.manage") ? `/roles#role-${subject.roleId}` : null;
  // Names and titles may be in another script than the sentence: each sits in its own <bdi>.
  const linked = (href: string | null) => (chunks: ReactNode) =>
    href ? (
      <Link href={href} className={linkClass}>
        <bdi>{chunks}</bdi>
      </Link>
    ) : (
      <bdi className="font-semibold">{chunks}</bdi>
    );
  const tags = {
    who: (chunks: ReactNode) => <bdi className="font-semibold">{chunks}</bdi>,
    article: linked(articleHref),
    user: linked(userHref),
    role: linked(roleHref),
    file: (chunks: ReactNode) => (
      <bdi dir="ltr" className="font-mono text-xs">
        {chunks}
      </bdi>
    ),
    code: (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>,
    record: (chunks: ReactNode) =>
      recordHref ? (
        <Link href={recordHref} className={linkClass}>
          <bdi lang="ar" dir="rtl">
            {chunks}
          </bdi>
        </Link>
      ) : (
        <bdi lang="ar" dir="rtl" className="font-semibold">
          {chunks}
        </bdi>
      ),
  };
  const key = sentenceKey(row.action, sentences);
  type Key = Parameters<typeof t.rich>[0];
  const sentence = key ? t.rich(key as Key, { ...values, ...tags }) : t.rich("unknown", { ...values, ...tags });
  const data = row.data && typeof row.data === "object" && Object.keys(row.data).length > 0 ? row.data : null;
  return (
    <>
      <p data-testid="audit-sentence">{sentence}</p>
      <details className="mt-1 text-xs text-gray-500">
        <summary className="cursor-pointer">{t("details")}</summary>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt>{t("detailsAction")}</dt>
          <dd>
            <code dir="ltr">{row.action}</code>
          </dd>
          {row.entityType ? (
            <>
              <dt>{t("detailsEntity")}</dt>
              <dd>
                <code dir="ltr">{`${row.entityType} ${row.entityId ?? ""}`.trim()}</code>
              </dd>
            </>
          ) : null}
          {data ? (
            <>
              <dt>{t("detailsData")}</dt>
              <dd>
                <code dir="ltr" className="block max-w-md break-all whitespace-pre-wrap">
                  {JSON.stringify(data)}
                </code>
              </dd>
            </>
          ) : null}
        </dl>
      </details>
    </>
  );
}
