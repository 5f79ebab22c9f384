// The link between POST /api/revalidate and Next's incremental cache as server/serve.ts configures it
// (server/next-cache.ts, registered under a global symbol like the response cache's purge in ./front-cache-signal.ts).
// Next's revalidateTag would only hand the tags to that cache after the response, and the library's CacheHandler
// ignores a failure there (next/dist/server/revalidation-utils.js; @fortedigital/nextjs-cache-handler's
// cache-handler.js), so the route expires them there itself and learns whether the shared cache recorded them.
import { revalidateTag } from "next/cache";

const REGISTERED = Symbol.for("minbar.web.next-cache");

type GlobalWithNextCache = typeof globalThis & {
  [REGISTERED]?: { expireTags(tags: readonly string[]): Promise<void> };
};

/** Drops the cached pages and data under `tags`; false when the shared cache could not record it (Redis away). */
export async function expireCacheTags(tags: readonly string[]): Promise<boolean> {
  const cache = (globalThis as GlobalWithNextCache)[REGISTERED];
  // Under a server without it (`next dev`), Next's own cache.
  if (!cache) {
    // Expire at once rather than serve stale once more: an unpublished article must not be shown to the next reader.
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
    return true;
  }
  try {
    await cache.expireTags(tags);
    return true;
  } catch {
    return false;
  }
}
