// The header's language switcher as a parallel route: a layout is not told the current path, but a catch-all slot
// beside the pages is, so the switcher renders on the server (no client JavaScript, no request headers read, so
// cached article pages stay static). It matches every path below the front page (../page.tsx re-exports it for
// the front page), including those that end in a 404.
import { isLocale, LOCALES } from "@minbar/i18n";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "../../../../components/language-switcher.tsx";
import { NOT_FOUND_VIEW } from "../../../../i18n/paths.ts";
import {
  articlePath,
  findArticleEditions,
  findSection,
  parseArticleId,
  parseSlugSegment,
  sectionPath,
} from "../../../../lib/published-content.ts";

type LanguagesSlotProps = { params: Promise<{ locale: string; rest?: string[] }> };

export default async function LanguagesSlot({ params }: LanguagesSlotProps) {
  const { locale, rest } = await params;
  if (!isLocale(locale)) return null;
  const t = await getTranslations({ locale, namespace: "Site" });
  // Page N of a listing leads to the first page in the other language, which may have fewer pages (never to a 404).
  const segments = rest ?? [];
  const listing = segments.length >= 2 && segments.at(-2) === "page" ? segments.slice(0, -2) : segments;
  // The 404 page (sent for any missing address) leads to the other editions' front pages.
  const pathname = `/${listing.join("/")}`;
  // An article offers exactly its published editions (read under the article's cache tag, as its page is).
  const articleId = segments[0] === "news" && segments[1] ? parseArticleId(segments[1]) : null;
  const found = articleId === null ? null : await findArticleEditions(articleId);
  // A section's page has a slug of its own in each edition.
  const sectionSlug = segments[0] === "sections" && segments[1] ? parseSlugSegment(segments[1]) : null;
  const section = sectionSlug === null ? null : await findSection(sectionSlug, locale);
  const editions =
    found?.editions.map((edition) => ({ locale: edition.locale, path: articlePath(edition) })) ??
    (section && "section" in section
      ? LOCALES.map((other) => ({ locale: other, path: sectionPath(section.section.slugs[other]) }))
      : undefined);
  return (
    <LanguageSwitcher
      label={t("languages")}
      current={locale}
      pathname={pathname === NOT_FOUND_VIEW ? "/" : pathname}
      editions={editions}
    />
  );
}
