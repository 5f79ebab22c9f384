// /ru/sections/{slug}/feed.xml and /en/…: A section's RSS feed in that edition (/ar/… redirects to the unprefixed path).
import { listingFeedResponse, localizedFeedRoute } from "../../../../../lib/feed.ts";

export const dynamic = "force-dynamic";

export const GET = localizedFeedRoute((locale, slug, request) =>
  listingFeedResponse("section", slug ?? "", locale, request),
);
