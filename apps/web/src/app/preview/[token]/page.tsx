// /preview/{token}: a localization in whatever state, rendered exactly as its public page will be, for whoever holds
// a link the admin signed (see @minbar/db preview). Outside the locale routes: the token, not the URL, says which
// text and so which language. Never cached, never indexed; a bad, altered or expired token is a 404.
import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { loadPreviewArticle } from "@minbar/db/public";
import { directionOf, intlLocaleOf, NEWSROOM_TIME_ZONE } from "@minbar/i18n";
import { ArticleView } from "../../../components/article-view.tsx";
import { SectionBreadcrumb } from "../../../components/section-breadcrumb.tsx";
import { listNavSections, sectionPath } from "../../../lib/published-content.ts";
import { Link } from "../../../i18n/navigation.ts";
import { getDb } from "../../../db.ts";
import { getEnv } from "../../../env.ts";
import { listRelated } from "../../../lib/published-content.ts";
import "../../globals.css";

// Read at every request: a preview shows the text as it is now, and only while the token is valid.
export const dynamic = "force-dynamic";

type PreviewProps = { params: Promise<{ token: string }> };

const loadPreview = cache(async (token: string) => {
  const secret = getEnv().PREVIEW_SECRET;
  // Without a secret previews are switched off: every link is a 404.
  if (!secret) return null;
  return loadPreviewArticle(getDb(), { token, secret });
});

export async function generateMetadata({ params }: PreviewProps): Promise<Metadata> {
  const article = await loadPreview((await params).token);
  const robots = { index: false, follow: false, nocache: true };
  if (!article) return { robots };
  const t = await getTranslations({ locale: article.locale, namespace: "Preview" });
  return {
    title: `${t("metaTitle")}: ${article.title ?? t("untitled")}`,
    robots,
    // The token is the key to the draft: links followed from the preview must not carry it in a Referer.
    referrer: "no-referrer",
  };
}

export default async function PreviewPage({ params }: PreviewProps) {
  const article = await loadPreview((await params).token);
  if (!article) notFound();
  const { locale } = article;
  setRequestLocale(locale);
  const [t, tSite, related] = await Promise.all([
    getTranslations({ locale, namespace: "Preview" }),
    getTranslations({ locale, namespace: "Site" }),
    listRelated(article),
  ]);
  const expires = new Intl.DateTimeFormat(intlLocaleOf(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: NEWSROOM_TIME_ZONE,
  }).format(article.expiresAt);
  const [tArticle, sections] = await Promise.all([
    getTranslations({ locale, namespace: "Article" }),
    listNavSections(),
  ]);
  const section = sections.find((candidate) => candidate.id === article.sectionId) ?? null;
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-screen bg-stone-50 text-gray-900 antialiased">
        <div role="status" className="border-b-4 border-amber-500 bg-amber-100 px-4 py-3 text-amber-950">
          <div className="mx-auto max-w-4xl">
            <p className="text-lg font-bold">{t("banner")}</p>
            <p className="text-sm">{t("bannerBody", { time: expires })}</p>
          </div>
        </div>
        <header className="border-b-4 border-brand bg-white">
          <div className="mx-auto max-w-4xl px-4 py-4">
            <Link href="/" className="text-3xl font-bold text-brand">
              {tSite("name")}
            </Link>
            <p className="text-sm text-gray-600">{tSite("tagline")}</p>
          </div>
        </header>
        <main id="content" className="mx-auto max-w-4xl px-4 py-8">
          <ArticleView
            article={{ ...article, title: article.title ?? t("untitled") }}
            related={related}
            head={
              section ? (
                <SectionBreadcrumb
                  label={tArticle("breadcrumb")}
                  home={tArticle("home")}
                  section={{ name: section.names[locale], path: sectionPath(section.slugs[locale]) }}
                />
              ) : null
            }
          />
        </main>
      </body>
    </html>
  );
}
