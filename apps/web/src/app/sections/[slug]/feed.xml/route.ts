// /sections/{slug}/feed.xml: A section's RSS feed in Arabic (Arabic paths have no prefix; see lib/feed.ts).
import { listingFeedResponse } from "../../../../lib/feed.ts";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return listingFeedResponse("section", (await params).slug, "ar", request);
}
