// /tags/{slug}/feed.xml: A tag's RSS feed in Arabic (Arabic paths have no prefix; see lib/feed.ts).
import { listingFeedResponse } from "../../../../lib/feed.ts";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return listingFeedResponse("tag", (await params).slug, "ar", request);
}
