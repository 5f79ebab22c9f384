// /articles/{id}/{locale}: one language of one article — its text in the editor, its workflow, attribution,
// revisions with a word-level diff, and its history with review comments. Everything is re-checked on the server.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@minbar/db/permissions";
import {
  diffRevisions,
  EditorialNotFoundError,
  listAdminFilterOptions,
  listRevisions,
  listWorkflowHistory,
  openArticle,
  type ArticleForEditor,
  type RevisionDiff,
} from "@minbar/db/editorial";
import {
  directionOf,
  formatDateTime,
  isLocale,
  LOCALES,
  NEWSROOM_TIME_ZONE,
  newsroomTimeZoneName,
  type Locale,
} from "@minbar/i18n";
import { getDb } from "../../../../db.ts";
import { requireActor } from "../../../../lib/actor.ts";
import { orForbidden } from "../../../../lib/or-forbidden.ts";
import { isKnownWarningCode } from "../../../../lib/warning-codes.ts";
import { ArticleEditor } from "../../../../components/editor/article-editor.tsx";
import { AttributionPanel } from "../../../../components/editor/attribution-panel.tsx";
import { LocalTime } from "../../../../components/local-time.tsx";
import {
  CommentForm,
  PreviewLink,
  RestoreButton,
  StartTranslationButton,
} from "../../../../components/editor/small-actions.tsx";

export const dynamic = "force-dynamic";

type Params = { id: string; locale: string };
type Search = { from?: string; to?: string };

const storyDateOf = (date: Date | null) =>
  date ? new Intl.DateTimeFormat("en-CA", { timeZone: NEWSROOM_TIME_ZONE }).format(date) : "";

async function load(articleId: number, locale: Locale) {
  const actor = await requireActor();
  try {
    return { actor, data: await orForbidden(() => openArticle(getDb(), actor, { articleId, locale })) };
  } catch (error) {
    if (error instanceof EditorialNotFoundError) notFound();
    throw error;
  }
}

export default async function EditArticlePage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Search>;
}) {
  const { id, locale } = await params;
  const articleId = Number(id);
  if (!Number.isSafeInteger(articleId) || articleId <= 0 || !isLocale(locale)) notFound();
  const [{ actor, data }, t, tStatus, tLocales, tWarnings, uiLocale] = await Promise.all([
    load(articleId, locale),
    getTranslations("Editor"),
    getTranslations("Status"),
    getTranslations("Locales"),
    getTranslations("Warnings"),
    getLocale(),
  ]);
  const { article, localization, access } = data;
  const dir = directionOf(locale);
  const canTranslate = can(actor, "article.translate") || can(actor, "article.edit_any");
  const when = (date: Date) => formatDateTime(date, uiLocale);
  const zone = newsroomTimeZoneName(uiLocale);

  const search = await searchParams;
  const [revisions, history, options, diff] = localization
    ? await Promise.all([
        listRevisions(getDb(), actor, { localizationId: localization.id }),
        listWorkflowHistory(getDb(), actor, { localizationId: localization.id }),
        listAdminFilterOptions(getDb(), actor),
        loadDiff(actor, localization.id, search),
      ])
    : [[], [], await listAdminFilterOptions(getDb(), actor), null];

  return (
    <article className="space-y-6">
      <nav className="text-sm">
        <Link href="/articles" className="text-brand underline">
          {t("backToList")}
        </Link>
      </nav>

      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold" lang={locale} dir={dir}>
            {localization?.title || <span className="text-red-700">{t("untitled")}</span>}
          </h1>
          {localization ? (
            <span className="rounded-full bg-gray-200 px-2 py-0.5 text-sm font-semibold">
              {tStatus(localization.status)}
            </span>
          ) : null}
          {localization?.status === "scheduled" && localization.scheduledAt ? (
            <span className="text-sm text-indigo-900" data-testid="scheduled-for">
              {t("scheduledFor", { when: when(localization.scheduledAt), zone })}
            </span>
          ) : null}
          {localization?.status === "scheduled" && localization.scheduledAt ? (
            <LocalTime instant={localization.scheduledAt} />
          ) : null}
        </div>
        <LanguageTabs
          article={article}
          current={locale}
          canTranslate={canTranslate}
          labels={{
            language: (l) => tLocales(l),
            start: (l) => t("startTranslation", { language: tLocales(l) }),
            tabs: t("languages"),
          }}
        />
      </header>

      {localization === null ? (
        <p>{t("notStarted", { language: tLocales(locale) })}</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="space-y-4">
            {access.blockingCodes.length > 0 ? (
              <div role="note" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
                <p className="font-semibold">{t("blockedTitle")}</p>
                <ul className="list-inside list-disc">
                  {access.blockingCodes.map((code) => (
                    <li key={code}>{isKnownWarningCode(code) ? tWarnings(code) : code}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {!access.canEdit ? <p className="rounded bg-gray-200 p-2 text-sm">{t("readOnly")}</p> : null}
            <ArticleEditor
              key={`${localization.id}`}
              localization={{ ...localization, storyDate: storyDateOf(localization.publishedAt) }}
              tags={article.tags}
              canEdit={access.canEdit}
              canEditTags={access.canEditArticle}
              moves={access.moves}
              timeZoneName={zone}
            />
          </div>

          <aside className="space-y-6">
            <PreviewLink articleId={article.id} locale={locale} />
            <AttributionPanel
              article={article}
              options={options}
              canEdit={access.canEditArticle}
              canCreateSource={can(actor, "attribution.manage")}
            />

            <section aria-labelledby="revisions-title" className="rounded border border-gray-200 bg-white p-3">
              <h2 id="revisions-title" className="mb-2 font-semibold">
                {t("revisions.title")}
              </h2>
              <form method="get" className="mb-3 flex flex-wrap items-end gap-2 text-sm">
                {(["from", "to"] as const).map((end, i) => (
                  <label key={end}>
                    <span className="block">{t(`revisions.${end}`)}</span>
                    <select
                      name={end}
                      defaultValue={search[end] ?? String(revisions[i === 0 ? 1 : 0]?.id ?? "")}
                      className="rounded border border-gray-300 bg-white px-1 py-0.5"
                    >
                      {revisions.map((revision) => (
                        <option key={revision.id} value={revision.id}>
                          {t("revisions.number", { number: revision.number })}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
                <button type="submit" className="rounded border border-gray-400 bg-white px-2 py-0.5">
                  {t("revisions.compare")}
                </button>
              </form>
              <ol className="max-h-80 space-y-2 overflow-y-auto text-sm">
                {revisions.map((revision) => (
                  <li key={revision.id} className="border-b border-gray-100 pb-2">
                    <p>
                      <span className="font-semibold">{t("revisions.number", { number: revision.number })}</span>{" "}
                      <span className="text-gray-600">{t(`revisions.origin.${revision.origin}`)}</span>
                      {!revision.applied ? (
                        <span className="ms-1 text-amber-800">({t("revisions.notApplied")})</span>
                      ) : null}
                    </p>
                    <p className="text-gray-600">
                      {revision.author ? t("revisions.by", { name: revision.author.name }) : t("revisions.byImporter")}{" "}
                      · <time dateTime={revision.createdAt.toISOString()}>{when(revision.createdAt)}</time>
                    </p>
                    {access.canEdit && revision.number !== revisions[0]?.number ? (
                      <RestoreButton
                        articleId={article.id}
                        localizationId={localization.id}
                        revisionId={revision.id}
                        expectedVersion={localization.version}
                      />
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>

            <section aria-labelledby="history-title" className="rounded border border-gray-200 bg-white p-3">
              <h2 id="history-title" className="mb-2 font-semibold">
                {t("history.title")}
              </h2>
              <ol className="space-y-2 text-sm">
                {history.map((entry) => (
                  <li key={`${entry.kind}-${entry.id}`} className="border-b border-gray-100 pb-2">
                    <p className="text-gray-600">
                      {entry.actor?.name ?? t("history.system")} ·{" "}
                      <time dateTime={entry.at.toISOString()}>{when(entry.at)}</time>
                    </p>
                    {entry.kind === "move" ? (
                      <p>
                        {entry.from
                          ? t("history.move", { from: tStatus(entry.from), to: tStatus(entry.to) })
                          : t("history.created", { to: tStatus(entry.to) })}
                        {entry.comment && entry.actor ? (
                          <span className="block text-gray-700" dir="auto">
                            «{entry.comment}»
                          </span>
                        ) : null}
                      </p>
                    ) : (
                      <p dir="auto" className="whitespace-pre-line rounded bg-amber-50 p-2">
                        {entry.body}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
              <CommentForm articleId={article.id} localizationId={localization.id} />
            </section>
          </aside>

          {diff ? (
            <section aria-labelledby="diff-title" className="rounded border border-gray-200 bg-white p-4 lg:col-span-2">
              <h2 id="diff-title" className="mb-2 font-semibold">
                {t("diff.title", { from: diff.from.number, to: diff.to.number })}
              </h2>
              <p className="mb-2 text-xs text-gray-600">
                <ins className="bg-emerald-100 text-emerald-900 no-underline">{t("diff.added")}</ins> ·{" "}
                <del className="bg-red-100 text-red-900">{t("diff.removed")}</del>
              </p>
              <div lang={locale} dir={dir} className="whitespace-pre-wrap leading-loose" data-testid="revision-diff">
                {diff.segments.map((segment, index) =>
                  segment.kind === "added" ? (
                    <ins key={index} className="bg-emerald-100 text-emerald-900 no-underline">
                      {segment.text}
                    </ins>
                  ) : segment.kind === "removed" ? (
                    <del key={index} className="bg-red-100 text-red-900">
                      {segment.text}
                    </del>
                  ) : (
                    <span key={index}>{segment.text}</span>
                  ),
                )}
              </div>
            </section>
          ) : null}
        </div>
      )}
    </article>
  );
}

async function loadDiff(
  actor: Awaited<ReturnType<typeof requireActor>>,
  localizationId: number,
  search: Search,
): Promise<RevisionDiff | null> {
  const from = Number(search.from);
  const to = Number(search.to);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from <= 0 || to <= 0) return null;
  try {
    const diff = await diffRevisions(getDb(), actor, { from, to });
    return diff.localizationId === localizationId ? diff : null;
  } catch (error) {
    if (error instanceof EditorialNotFoundError) return null;
    throw error;
  }
}

function LanguageTabs({
  article,
  current,
  canTranslate,
  labels,
}: {
  article: ArticleForEditor["article"];
  current: Locale;
  canTranslate: boolean;
  labels: { language: (locale: Locale) => string; start: (locale: Locale) => string; tabs: string };
}) {
  return (
    <nav aria-label={labels.tabs}>
      <ul className="flex flex-wrap gap-2 text-sm">
        {LOCALES.map((locale) => {
          const existing = article.localizations.find((l) => l.locale === locale);
          if (existing) {
            return (
              <li key={locale}>
                <Link
                  href={`/articles/${article.id}/${locale}`}
                  aria-current={locale === current ? "page" : undefined}
                  className={`rounded px-3 py-1 ${locale === current ? "bg-brand text-white" : "border border-gray-300 bg-white"}`}
                >
                  {labels.language(locale)}
                </Link>
              </li>
            );
          }
          return canTranslate && (locale === "ru" || locale === "en") ? (
            <li key={locale}>
              <StartTranslationButton articleId={article.id} locale={locale} label={labels.start(locale)} />
            </li>
          ) : null;
        })}
      </ul>
    </nav>
  );
}
