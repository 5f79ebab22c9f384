// The link between POST /api/revalidate and the response cache in front of Next (server/front-cache.ts): both run in
// one process but in separately bundled code, so the server registers its purge under a global symbol and the route
// calls it. Under a server without that cache (`next dev`), purging is a no-op.
const PURGE = Symbol.for("minbar.web.front-cache.purge");

type GlobalWithPurge = typeof globalThis & { [PURGE]?: () => void };

/** Called by the server that owns the cache, once, at start. */
export function registerFrontCachePurge(purge: () => void): void {
  (globalThis as GlobalWithPurge)[PURGE] = purge;
}

/** Drops every page the front cache holds; the next request for each goes to Next, which has just revalidated. */
export function purgeFrontCache(): void {
  (globalThis as GlobalWithPurge)[PURGE]?.();
}
