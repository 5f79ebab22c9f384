// An agency's page, /sources/{slug}: its name in the page's language and its published articles, paginated.
import { createListingRoute } from "../../../../lib/listing-route.tsx";
import { findSourcePage, sourcePath } from "../../../../lib/published-content.ts";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { locale: string; slug: string }[] {
  return [];
}

const route = createListingRoute({
  namespace: "Source",
  feed: "source",
  find: async (slug, locale, page) => {
    const listing = await findSourcePage(slug, locale, page);
    return listing && { name: listing.source, slug: listing.source.slug, listing };
  },
  path: sourcePath,
});

export const generateMetadata = route.generateMetadata;
export default route.Page;
