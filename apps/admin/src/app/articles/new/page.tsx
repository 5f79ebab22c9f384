// /articles/new: an empty editor that stores nothing until the first save with content, which creates the article
// (createArticleAction) in the language chosen as its original (?locale=, Arabic by default) and moves to
// /articles/{id}/{locale} with the text, caret and focus kept (see article-editor.tsx).
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@minbar/db/permissions";
import { directionOf, isLocale, LOCALES, newsroomTimeZoneName, type Locale } from "@minbar/i18n";
import { requireActor } from "../../../lib/actor.ts";
import { ArticleEditor } from "../../../components/editor/article-editor.tsx";
import { BlockedNote } from "../../../components/editor/blocked-note.tsx";

export const dynamic = "force-dynamic";

export default async function NewArticlePage({ searchParams }: { searchParams: Promise<{ locale?: string }> }) {
  const actor = await requireActor();
  if (!can(actor, "article.create")) forbidden();
  const requested = (await searchParams).locale ?? "ar";
  const locale: Locale = isLocale(requested) ? requested : "ar";
  const [t, tTranslation, tLocales, uiLocale] = await Promise.all([
    getTranslations("Editor"),
    getTranslations("Translation"),
    getTranslations("Locales"),
    getLocale(),
  ]);
  return (
    <article className="space-y-6">
      <nav className="text-sm">
        <Link href="/articles" className="text-brand underline">
          {t("backToList")}
        </Link>
      </nav>
      <header className="space-y-3">
        <h1 className="text-2xl font-bold" lang={locale} dir={directionOf(locale)}>
          <span className="text-red-700">{t("untitled")}</span>
        </h1>
        {/* The original language is chosen before anything is typed: the editor starts again in the chosen one. */}
        <nav aria-label={tTranslation("originalLanguage")} className="flex flex-wrap items-center gap-2 text-sm">
          <span>{tTranslation("originalLanguage")}</span>
          {LOCALES.map((l) => (
            <Link
              key={l}
              href={`/articles/new?locale=${l}`}
              aria-current={l === locale ? "page" : undefined}
              className={`rounded px-3 py-1 ${l === locale ? "bg-brand text-white" : "border border-gray-300 bg-white"}`}
            >
              {tLocales(l)}
            </Link>
          ))}
        </nav>
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-4">
          {/* The state of an untitled text, as on any article's page: the same warning until a title is saved. */}
          <BlockedNote codes={["missing_title"]} />
          <ArticleEditor
            key={locale}
            newLocale={locale}
            localization={null}
            tags={[]}
            canEdit
            canEditTags
            moves={[]}
            timeZoneName={newsroomTimeZoneName(uiLocale)}
            canUploadPhotos={can(actor, "media.upload")}
          />
        </div>
      </div>
    </article>
  );
}
