// Surrogate keys: each response of the public site carries, in an `xkey` header, the cache tags (src/lib/cache-tags.ts)
// its content was cached under, so a cache in front (Varnish's xkey) can purge exactly the pages a revalidation names.
// Next sends its own list (x-next-cache-tags) only in minimal mode, so the tags are taken where they pass: Next's
// incremental cache (./next-cache.ts) records the tags of every entry a request reads or writes (a page's entry holds
// the tags of all its data) into the request's store, kept in an AsyncLocalStorage that the server opens per request.
import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";
import { surrogateKeyOf } from "../src/lib/cache-tags.ts";

export const SURROGATE_KEY_HEADER = "xkey";

// Next's implicit tags (_N_T_/path) name routes and layouts, not content: a revalidation never names them.
const IMPLICIT_TAG_PREFIX = "_N_T_";

type Store = { res: ServerResponse; tags: Set<string> };

const requests = new AsyncLocalStorage<Store>();

/** Runs `handle` with a store for the tags the request's response depends on. */
export function withSurrogateKeys(res: ServerResponse, handle: () => void): void {
  requests.run({ res, tags: new Set() }, handle);
}

/**
 * Adds `tags` to the response of the request being handled, if any (a build, or a render out of a request, has none),
 * while its headers are still unsent; a response sent from a cache in front keeps the header it was stored with.
 */
export function recordSurrogateKeys(tags: Iterable<string> | undefined): void {
  const store = requests.getStore();
  if (!store || !tags) return;
  const before = store.tags.size;
  for (const tag of tags) if (tag && !tag.startsWith(IMPLICIT_TAG_PREFIX)) store.tags.add(surrogateKeyOf(tag));
  if (store.tags.size !== before && !store.res.headersSent)
    store.res.setHeader(SURROGATE_KEY_HEADER, [...store.tags].join(" "));
}
