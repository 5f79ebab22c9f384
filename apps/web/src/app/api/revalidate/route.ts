// POST /api/revalidate, called by the admin after an article changed: `Authorization: Bearer <REVALIDATE_SECRET>`,
// body `{ "articleId": 123 }`. Drops the cached pages that show the article, so the next visit rebuilds them.
import { revalidateTag } from "next/cache";
import { findArticleFootprint } from "@minbar/db";
import { getDb } from "../../../db";
import { getEnv } from "../../../env";
import { purgeFrontCache } from "../../../lib/front-cache-signal";
import { isAuthorized, revalidationRequestSchema, tagsAffectedBy } from "../../../lib/revalidation";

export const dynamic = "force-dynamic";

// A request body is one small JSON object; anything bigger is not from the admin.
const MAX_BODY_BYTES = 1_024;

export async function POST(request: Request): Promise<Response> {
  if (!isAuthorized(request.headers.get("authorization"), getEnv().REVALIDATE_SECRET)) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  const text = await request.text();
  let body: unknown;
  try {
    body = text.length <= MAX_BODY_BYTES ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const parsed = revalidationRequestSchema.safeParse(body);
  if (!parsed.success) {
    return Response.json({ error: "invalid body", expected: { articleId: "positive integer" } }, { status: 400 });
  }
  const { articleId } = parsed.data;
  const tags = tagsAffectedBy(articleId, await findArticleFootprint(getDb(), { id: articleId }));
  // Expire at once rather than serve stale once more: an unpublished article must not be shown to the next reader.
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  // Then the copies the server keeps in front of Next: each is refetched from Next, which re-renders only what the
  // tags above dropped.
  purgeFrontCache();
  return Response.json({ revalidated: true, articleId, tags });
}
