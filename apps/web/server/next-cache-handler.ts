// The incremental cache handler Next loads itself (next.config.ts `cacheHandler`), by a plain import at build and at
// run time, so this file is TypeScript that Node runs as it is (types only, erased) and imports no module of ours:
// server/serve.ts registers the cache it configured (./next-cache.ts) under a global symbol before Next serves.
// Without one (the build, `next dev`), entries are kept in memory, as Next's own cache does.
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createLruHandler from "@fortedigital/nextjs-cache-handler/local-lru";
import type { NextCacheConfig } from "./next-cache.ts";

const REGISTERED = Symbol.for("minbar.web.next-cache");

CacheHandler.onCreation(
  () =>
    (globalThis as { [REGISTERED]?: { config: NextCacheConfig } })[REGISTERED]?.config ?? {
      handlers: [createLruHandler()],
    },
);

export default CacheHandler;
