// Surrogate keys: each response of the public site carries, in an `xkey` header, the cache tags (src/lib/cache-tags.ts)
// its content was cached under, so a cache in front (Varnish's xkey) can purge exactly the pages a revalidation names.
// Next sends its own list (x-next-cache-tags) only in minimal mode, so the tags are taken where they pass: Next's
// incremental cache (./next-cache.ts) records the tags of every entry a request reads or writes (a page's entry holds
// the tags of all its data) into the request's store, kept in an AsyncLocalStorage that the server opens per request.
import { AsyncLocalStorage } from "node:async_hooks";
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import { surrogateKeyOf } from "../src/lib/cache-tags.ts";

export const SURROGATE_KEY_HEADER = "xkey";

// Next's implicit tags (_N_T_/path) name routes and layouts, not content: a revalidation never names them.
const IMPLICIT_TAG_PREFIX = "_N_T_";

type Store = { res: ServerResponse; tags: Set<string> };

const requests = new AsyncLocalStorage<Store>();

// What Next sends for a page no cache may keep.
const UNCACHEABLE = "private, no-cache, no-store, max-age=0, must-revalidate";

/**
 * Runs `handle` with a store for the tags the request's response depends on. A page from Next's cache (it says
 * x-nextjs-cache) that a shared cache may keep (`s-maxage`) but that names no tag is made uncacheable as it is sent:
 * a cache in front could never purge it. (Every page reads at least the sections; this happens when Next hands a
 * request the page it rendered for a concurrent one, without reading its cache for it.) Responses kept for a time
 * instead, such as the breaking-news banner's, are left alone.
 */
export function withSurrogateKeys(res: ServerResponse, handle: () => void): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const headers = rest.find((arg): arg is OutgoingHttpHeaders => typeof arg === "object" && arg !== null);
    const named = (name: string) => headers?.[name] ?? this.getHeader(name);
    if (
      named("x-nextjs-cache") !== undefined &&
      /\bs-maxage=/i.test(String(named("cache-control") ?? "")) &&
      named(SURROGATE_KEY_HEADER) === undefined
    ) {
      if (headers && "cache-control" in headers) headers["cache-control"] = UNCACHEABLE;
      this.setHeader("cache-control", UNCACHEABLE);
    }
    return writeHead.call(this, statusCode, ...(rest as [OutgoingHttpHeaders]));
  };
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
