// /translations: the translation desk. Per language: originals published without it, translations in progress, in
// review, outdated, and "my translations" (assigned to or started by me); each can be started, opened or assigned.
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@minbar/db/permissions";
import { listTranslationQueue, listTranslators, TRANSLATION_QUEUES, type TranslationQueue } from "@minbar/db/editorial";
import { directionOf, formatDateTime, isLocale, LOCALES, type Locale } from "@minbar/i18n";
import { getDb } from "../../db.ts";
import { requireActor } from "../../lib/actor.ts";
import { StartTranslationButton } from "../../components/editor/small-actions.tsx";
import { AssignForm } from "./assign-form.tsx";

export const dynamic = "force-dynamic";

type Search = { locale?: string; queue?: string };

const isQueue = (value: string | undefined): value is TranslationQueue =>
  (TRANSLATION_QUEUES as readonly string[]).includes(value ?? "");

export default async function TranslationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const mayTranslate = can(actor, "article.translate") || can(actor, "article.edit_any");
  if (!mayTranslate) forbidden();
  const search = await searchParams;
  const locale: Locale = isLocale(search.locale ?? "") ? (search.locale as Locale) : "ru";
  const queue: TranslationQueue = isQueue(search.queue) ? search.queue : "untranslated";
  const [t, tLocales, tStatus, uiLocale, rows, translators] = await Promise.all([
    getTranslations("Translation"),
    getTranslations("Locales"),
    getTranslations("Status"),
    getLocale(),
    listTranslationQueue(getDb(), actor, { locale, queue }),
    listTranslators(getDb(), actor),
  ]);
  const tab = (active: boolean) =>
    `rounded px-3 py-1 ${active ? "bg-brand text-white" : "border border-gray-300 bg-white"}`;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("queues")}</h1>
      <nav aria-label={t("language")}>
        <ul className="flex flex-wrap gap-2 text-sm">
          {LOCALES.map((l) => (
            <li key={l}>
              <Link
                href={`/translations?locale=${l}&queue=${queue}`}
                aria-current={l === locale ? "page" : undefined}
                className={tab(l === locale)}
              >
                {tLocales(l)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t("queues")}>
        <ul className="flex flex-wrap gap-2 text-sm">
          {TRANSLATION_QUEUES.map((q) => (
            <li key={q}>
              <Link
                href={`/translations?locale=${locale}&queue=${q}`}
                aria-current={q === queue ? "page" : undefined}
                className={tab(q === queue)}
              >
                {t(`queue.${q}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b text-start">
              <th className="p-2 text-start">{t("originalTitle")}</th>
              <th className="p-2 text-start">{t("title")}</th>
              <th className="p-2 text-start">{t("status")}</th>
              <th className="p-2 text-start">{t("assignee")}</th>
              <th className="p-2" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.articleId} className="border-b align-top" data-article-id={row.articleId}>
                <td className="p-2" lang={row.originalLocale} dir={directionOf(row.originalLocale)}>
                  {row.originalTitle}
                </td>
                <td className="p-2" lang={locale} dir={directionOf(locale)}>
                  {row.translation?.title}
                </td>
                <td className="p-2">
                  {row.translation ? tStatus(row.translation.status as Parameters<typeof tStatus>[0]) : null}
                  {row.translation?.outdatedAt ? (
                    <span className="ms-2 rounded bg-amber-100 px-1 text-amber-900">
                      {t("queue.outdated")} · {formatDateTime(row.translation.outdatedAt, uiLocale)}
                    </span>
                  ) : null}
                </td>
                <td className="p-2">
                  {row.translation ? (
                    <AssignForm
                      localizationId={row.translation.id}
                      assigneeId={row.translation.assignee?.id ?? null}
                      translators={translators}
                    />
                  ) : null}
                </td>
                <td className="p-2">
                  {row.translation ? (
                    <Link href={`/articles/${row.articleId}/${locale}`} className="text-brand underline">
                      {t("open")}
                    </Link>
                  ) : (
                    <StartTranslationButton articleId={row.articleId} locale={locale} label={t("start")} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
