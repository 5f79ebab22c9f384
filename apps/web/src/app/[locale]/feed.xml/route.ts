// /ru/feed.xml and /en/feed.xml, the editions' feeds (/feed.xml is the Arabic one; /ar/feed.xml redirects there).
import { feedResponse, localizedFeedRoute } from "../../../lib/feed.ts";

export const dynamic = "force-dynamic";

export const GET = localizedFeedRoute((locale, _slug, request) => feedResponse(locale, request));
