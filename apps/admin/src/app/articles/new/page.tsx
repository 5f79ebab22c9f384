// /articles/new: an empty editor that stores nothing until the first save with content, which creates the article
// (createArticleAction) and moves to /articles/{id}/ar with the text, caret and focus kept (see article-editor.tsx).
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@minbar/db/permissions";
import { newsroomTimeZoneName } from "@minbar/i18n";
import { requireActor } from "../../../lib/actor.ts";
import { ArticleEditor } from "../../../components/editor/article-editor.tsx";
import { BlockedNote } from "../../../components/editor/blocked-note.tsx";

export const dynamic = "force-dynamic";

export default async function NewArticlePage() {
  const actor = await requireActor();
  if (!can(actor, "article.create")) forbidden();
  const [t, uiLocale] = await Promise.all([getTranslations("Editor"), getLocale()]);
  return (
    <article className="space-y-6">
      <nav className="text-sm">
        <Link href="/articles" className="text-brand underline">
          {t("backToList")}
        </Link>
      </nav>
      <header className="space-y-3">
        <h1 className="text-2xl font-bold" lang="ar" dir="rtl">
          <span className="text-red-700">{t("untitled")}</span>
        </h1>
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-4">
          {/* The state of an untitled text, as on any article's page: the same warning until a title is saved. */}
          <BlockedNote codes={["missing_title"]} />
          <ArticleEditor
            localization={null}
            tags={[]}
            canEdit
            canEditTags
            moves={[]}
            timeZoneName={newsroomTimeZoneName(uiLocale)}
          />
        </div>
      </div>
    </article>
  );
}
