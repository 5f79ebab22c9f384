// A section's page, /sections/{slug} (/ru/sections/{slug}…, each edition with its own slug): its name in the page's
// language and its published articles, paginated. Another edition's slug redirects to this edition's; a retired or
// unknown section is a 404 (docs/decisions/0017-sections.md).
import { LOCALES, type Locale } from "@minbar/i18n";
import { getPathname } from "../../../../i18n/navigation.ts";
import { createListingRoute } from "../../../../lib/listing-route.tsx";
import { findSection, findSectionPage, sectionPath } from "../../../../lib/published-content.ts";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { locale: string; slug: string }[] {
  return [];
}

const route = createListingRoute({
  namespace: "Section",
  feed: "section",
  find: async (slug, locale, page) => {
    const found = await findSection(slug, locale);
    if (!found || "moved" in found) return found;
    const { section } = found;
    const listing = await findSectionPage(section.id, locale, page);
    const languages = Object.fromEntries(
      LOCALES.map((other) => [other, getPathname({ href: sectionPath(section.slugs[other]), locale: other })]),
    ) as Record<Locale, string>;
    return { name: { name: section.names[locale], lang: locale }, slug: section.slugs[locale], listing, languages };
  },
  path: sectionPath,
});

export const generateMetadata = route.generateMetadata;
export default route.Page;
