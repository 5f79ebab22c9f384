// /ru/feed.xsl and /en/feed.xsl: the stylesheet of those editions' feeds (/ar/feed.xsl redirects to /feed.xsl).
import { feedStylesheetResponse, localizedFeedRoute } from "../../../lib/feed.ts";

export const dynamic = "force-dynamic";

export const GET = localizedFeedRoute((locale) => feedStylesheetResponse(locale));
