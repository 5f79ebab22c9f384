// The page frame of each language edition: <html lang dir>, header with the language switcher, footer.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { directionOf, isLocale } from "@minbar/i18n";
import { Link } from "../../i18n/navigation.ts";
import { getEnv } from "../../env.ts";
import { feedAlternate, feedPath } from "../../lib/site-url.ts";
import { BREAKING_BANNER_SCRIPT } from "../../lib/breaking-banner-script.ts";
import "../globals.css";

// `languages` is the @languages slot: the language switcher, which needs the current path (see its page.tsx);
// `search` the @search slot: the header's search box, left out on the search page (which has its own);
// `sections` the @sections slot: the section links, the current one marked.
type LayoutProps = {
  children: ReactNode;
  languages: ReactNode;
  search: ReactNode;
  sections: ReactNode;
  params: Promise<{ locale: string }>;
};

export async function generateMetadata({
  params,
}: Omit<LayoutProps, "children" | "languages" | "search" | "sections">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Site" });
  const siteUrl = getEnv().PUBLIC_SITE_URL;
  return {
    // Without a configured origin, canonical and alternate links stay relative to the request.
    metadataBase: siteUrl ? new URL(siteUrl) : undefined,
    title: { default: t("name"), template: `%s — ${t("name")}` },
    description: t("description"),
    // Feed readers find the edition's RSS feed from any of its pages.
    alternates: { types: feedAlternate(locale, t("feedTitle")) },
  };
}

export default async function LocaleLayout({ children, languages, search, sections, params }: LayoutProps) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Site" });
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-screen bg-stone-50 text-gray-900 antialiased">
        <a
          href="#content"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:bg-white focus:p-2"
        >
          {t("skipToContent")}
        </a>
        <header className="border-b-4 border-brand bg-white">
          <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-4 px-4 py-4">
            <div>
              <Link href="/" className="text-3xl font-bold text-brand">
                {t("name")}
              </Link>
              <p className="text-sm text-gray-600">{t("tagline")}</p>
            </div>
            {/* On a phone the search box takes the whole row, the language links the next. */}
            <div className="flex w-full flex-wrap items-center gap-x-4 gap-y-2 sm:w-auto">
              {search}
              {languages}
            </div>
          </div>
          {sections}
        </header>
        {/* The breaking-news banner, filled by the script below while the edition has one; a live region, so it is
            announced when it appears. */}
        <div id="breaking-news" aria-live="polite">
          <section
            hidden
            aria-labelledby="breaking-news-label"
            className="bg-red-700 text-white"
            data-testid="breaking-news"
          >
            <p className="mx-auto flex max-w-4xl flex-wrap items-baseline gap-x-3 px-4 py-2">
              <strong id="breaking-news-label" className="font-bold">
                {t("breaking")}
              </strong>
              <a className="underline underline-offset-4 hover:no-underline" />
            </p>
          </section>
          <script dangerouslySetInnerHTML={{ __html: BREAKING_BANNER_SCRIPT }} />
        </div>
        <main id="content" className="mx-auto max-w-4xl px-4 py-8">
          {children}
        </main>
        <footer className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-4 border-t border-gray-200 px-4 py-6 text-sm text-gray-500">
          <span>{t("footer")}</span>
          <a
            href={feedPath(locale)}
            type="application/rss+xml"
            className="inline-flex min-h-11 items-center underline-offset-4 hover:text-brand hover:underline"
          >
            {t("feed")}
          </a>
        </footer>
      </body>
    </html>
  );
}
