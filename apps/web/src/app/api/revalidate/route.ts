// POST /api/revalidate, called by the admin after an article changed and by the importer's CLI after a run:
// `Authorization: Bearer <REVALIDATE_SECRET>`, body `{ "articleId": 123 }` or `{ "articleIds": [123, 124] }` (at most
// MAX_ARTICLE_IDS_PER_REQUEST). Drops the cached pages that show the articles, so the next visit rebuilds them.
import { findArticleFootprints } from "@minbar/db/public";
import {
  articleIdsOf,
  MAX_ARTICLE_IDS_PER_REQUEST,
  REVALIDATION_REQUEST_SHAPE,
  revalidationRequestSchema,
} from "@minbar/site-signal";
import { getDb } from "../../../db.ts";
import { getEnv } from "../../../env.ts";
import { purgeFrontCache } from "../../../lib/front-cache-signal.ts";
import { purgeConfiguredVarnishes } from "../../../lib/varnish-purge.ts";
import { expireCacheTags } from "../../../lib/next-cache-signal.ts";
import { isAuthorized, tagsAffectedBy, tagsOfFrontPages, tagsOfSections } from "../../../lib/revalidation.ts";

export const dynamic = "force-dynamic";

// The largest body a sender has reason to send: the most ids a request may carry, each of up to ten digits, with room
// to spare for whitespace. Anything bigger is refused.
const MAX_BODY_BYTES = 1_024 + MAX_ARTICLE_IDS_PER_REQUEST * 16;

export async function POST(request: Request): Promise<Response> {
  if (!isAuthorized(request.headers.get("authorization"), getEnv().REVALIDATE_SECRET)) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) {
    return Response.json({ error: "body too large", maxBytes: MAX_BODY_BYTES }, { status: 413 });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = revalidationRequestSchema.safeParse(body);
  if (!parsed.success) {
    return Response.json({ error: "invalid body", expected: REVALIDATION_REQUEST_SHAPE }, { status: 400 });
  }
  const data = parsed.data;
  // One query for all the articles, and each tag expired once however many of them share it.
  const tags =
    "frontPages" in data
      ? tagsOfFrontPages(data.frontPages)
      : "sectionIds" in data
        ? tagsOfSections(data.sectionIds, data.navigation ?? false)
        : await tagsOfArticles(articleIdsOf(data));
  const recorded = await expireCacheTags(tags);
  // Then the copies the server keeps in front of Next: each is refetched from Next, which re-renders only what the
  // tags above dropped (in this instance's memory at least, when the shared cache was unreachable).
  purgeFrontCache();
  // Not confirmed: the other instances still hold the pages, so the sender keeps the signal and sends it again.
  if (!recorded) return Response.json({ error: "shared cache unreachable", tags }, { status: 503 });
  // And Varnish's copies (VARNISH_PURGE_URLS), last: a page it refetches now is rendered after the tags dropped.
  const notPurged = await purgeConfiguredVarnishes(tags);
  if (notPurged) return notPurged;
  return Response.json({ revalidated: true, ...data, tags });
}

async function tagsOfArticles(ids: number[]): Promise<string[]> {
  return tagsAffectedBy(ids, await findArticleFootprints(getDb(), { ids }));
}
