// /feed.xml: the Arabic edition's RSS feed (Arabic pages have no locale prefix).
import { feedResponse } from "../../lib/feed.ts";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return feedResponse("ar", request);
}
