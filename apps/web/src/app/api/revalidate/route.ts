// POST /api/revalidate, called by the admin after an article changed and by the importer's CLI after a run:
// `Authorization: Bearer <REVALIDATE_SECRET>`, body `{ "articleId": 123 }` or `{ "articleIds": [123, 124] }` (at most
// MAX_ARTICLE_IDS_PER_REQUEST). Drops the cached pages that show the articles, so the next visit rebuilds them.
import { revalidateTag } from "next/cache";
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
  if ("frontPages" in parsed.data) {
    const tags = tagsOfFrontPages(parsed.data.frontPages);
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
    purgeFrontCache();
    const notPurged = await purgeConfiguredVarnishes(tags);
    if (notPurged) return notPurged;
    return Response.json({ revalidated: true, ...parsed.data, tags });
  }
  const articleIds = articleIdsOf(parsed.data);
  // One query for all the articles, and each tag expired once however many of them share it.
  const tags =
    "sectionIds" in parsed.data
      ? tagsOfSections(parsed.data.sectionIds, parsed.data.navigation ?? false)
      : tagsAffectedBy(articleIds, await findArticleFootprints(getDb(), { ids: articleIds }));
  // Expire at once rather than serve stale once more: an unpublished article must not be shown to the next reader.
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  // Then the copies the server keeps in front of Next: each is refetched from Next, which re-renders only what the
  // tags above dropped.
  purgeFrontCache();
  // And Varnish's copies (VARNISH_PURGE_URLS), last: a page it refetches now is rendered after the tags dropped.
  const notPurged = await purgeConfiguredVarnishes(tags);
  if (notPurged) return notPurged;
  return Response.json({ revalidated: true, ...parsed.data, tags });
}
