// A tag's page, /tags/{slug}: its name in the page's language and its published articles, paginated.
import { createListingRoute } from "../../../../lib/listing-route.tsx";
import { findTagPage, tagPath } from "../../../../lib/published-content.ts";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { locale: string; slug: string }[] {
  return [];
}

const route = createListingRoute({
  namespace: "Tag",
  feed: "tag",
  find: async (slug, locale, page) => {
    const listing = await findTagPage(slug, locale, page);
    return listing && { name: listing.tag, slug: listing.tag.slug, listing };
  },
  path: tagPath,
});

export const generateMetadata = route.generateMetadata;
export default route.Page;
