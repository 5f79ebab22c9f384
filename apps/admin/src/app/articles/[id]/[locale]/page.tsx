// /articles/{id}/{locale}: one language of one article — its text in the editor, its workflow, attribution,
// revisions with a word-level diff, and its history with review comments. Everything is re-checked on the server.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@minbar/db/permissions";
import {
  diffRevisions,
  EditorialNotFoundError,
  figureImageIds,
  listAdminFilterOptions,
  listRevisions,
  listWorkflowHistory,
  mediaImagesByIds,
  openArticle,
  openTranslationSource,
  type ArticleForEditor,
  type RevisionDiff as Diff,
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
import { ArticleEditor } from "../../../../components/editor/article-editor.tsx";
import { AttributionPanel } from "../../../../components/editor/attribution-panel.tsx";
import { BlockedNote } from "../../../../components/editor/blocked-note.tsx";
import { LocalTime } from "../../../../components/local-time.tsx";
import { StartTranslationButton } from "../../../../components/editor/small-actions.tsx";
import { HistoryPanel } from "../../../../components/editor/history-panel.tsx";
import { OutdatedNote } from "../../../../components/editor/outdated-note.tsx";
import { PreviewBox } from "../../../../components/editor/preview-box.tsx";
import { RevisionDiff } from "../../../../components/editor/revision-diff.tsx";
import { RevisionsPanel } from "../../../../components/editor/revisions-panel.tsx";
import { toRevisionRows } from "../../../../lib/revision-rows.ts";
import { nameAsText } from "../../../../components/localized-name.tsx";
import { photoPreview } from "../../../../components/editor/photo-view.ts";

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
  const [{ actor, data }, t, tStatus, tLocales, tNames, uiLocale] = await Promise.all([
    load(articleId, locale),
    getTranslations("Editor"),
    getTranslations("Status"),
    getTranslations("Locales"),
    getTranslations("Names"),
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
  // The body's photos, shown in the editor from their renditions.
  const figurePreviews = Object.fromEntries(
    (await mediaImagesByIds(getDb(), localization ? figureImageIds(localization.body) : [])).flatMap((image) => {
      const preview = photoPreview(image);
      return preview ? [[image.id, preview]] : [];
    }),
  );
  // A translation is edited beside its original.
  const source =
    localization && locale !== article.originalLocale
      ? await openTranslationSource(getDb(), actor, { localizationId: localization.id })
      : null;

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
            <BlockedNote codes={access.blockingCodes} />
            {access.photoMissing && article.photoCredit ? (
              <p
                role="note"
                className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
                data-testid="photo-missing"
              >
                {t("photoMissing", { credit: nameAsText(article.photoCredit, uiLocale, tNames("inArabic")) })}
              </p>
            ) : null}
            {!access.canEdit ? <p className="rounded bg-gray-200 p-2 text-sm">{t("readOnly")}</p> : null}
            {source ? (
              <OutdatedNote
                localizationId={localization.id}
                articleId={article.id}
                locale={locale}
                outdatedWhen={source.outdatedAt ? when(source.outdatedAt) : null}
                acknowledged={
                  source.acknowledged ? { by: source.acknowledged.by, when: when(source.acknowledged.at) } : null
                }
                canAcknowledge={can(actor, "article.review")}
              />
            ) : null}
            <ArticleEditor
              // A restore remounts the editor with the restored text; autosaves leave it as it is.
              key={`${localization.id}-${revisions.find((r) => r.origin === "restore")?.id ?? 0}`}
              localization={{ ...localization, storyDate: storyDateOf(localization.publishedAt) }}
              tags={article.tags}
              canEdit={access.canEdit}
              canEditTags={access.canEditArticle}
              moves={access.moves}
              timeZoneName={zone}
              source={source ?? undefined}
              figurePreviews={figurePreviews}
              canUploadPhotos={can(actor, "media.upload")}
              published={{
                localizationId: localization.id,
                locale,
                status: localization.status,
                pending: localization.pending,
                unpublishAt: localization.unpublishAt,
                diff: data.pendingDiff,
                may: access.changes,
                canScheduleUnpublish: access.canScheduleUnpublish,
              }}
            />
          </div>

          <aside className="space-y-6">
            <PreviewBox articleId={article.id} locale={locale} />
            <AttributionPanel
              article={article}
              options={options}
              canEdit={access.canEditArticle}
              canCreateSource={can(actor, "attribution.manage")}
              canUploadPhotos={can(actor, "media.upload")}
            />

            <RevisionsPanel
              articleId={article.id}
              localizationId={localization.id}
              version={localization.version}
              canEdit={access.canEdit}
              revisions={toRevisionRows(revisions, when)}
              compared={diff ? { from: diff.from.id, to: diff.to.id } : null}
            />
            <HistoryPanel articleId={article.id} localizationId={localization.id} history={history} when={when} />
          </aside>

          {diff ? <RevisionDiff diff={diff} locale={locale} /> : null}
        </div>
      )}
    </article>
  );
}

async function loadDiff(
  actor: Awaited<ReturnType<typeof requireActor>>,
  localizationId: number,
  search: Search,
): Promise<Diff | null> {
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
          return canTranslate && locale !== article.originalLocale ? (
            <li key={locale}>
              <StartTranslationButton articleId={article.id} locale={locale} label={labels.start(locale)} />
            </li>
          ) : null;
        })}
      </ul>
    </nav>
  );
}
