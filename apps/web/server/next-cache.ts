// Next's incremental cache (the ISR pages and the unstable_cache data) as server/serve.ts configures it, handed to Next
// through ./next-cache-handler.ts (next.config.ts `cacheHandler`). Always a copy in this process's memory; with
// REDIS_URL, the cache shared by every instance on Redis (@fortedigital/nextjs-cache-handler's redis-strings), which
// the memory copy follows and stands in for while Redis is unreachable; tags expired by one instance are announced to
// the others on a Redis channel, for their memory copy and their response cache. Every entry read or written tells
// the request its tags (./surrogate-keys.ts). See docs/decisions/0038-shared-next-cache.md.
import { randomUUID } from "node:crypto";
import { createClient } from "@redis/client";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import type createLruHandler from "@fortedigital/nextjs-cache-handler/local-lru";
import { LRUCache } from "lru-cache";
import { messageLog } from "@minbar/observability/log";
import { describe } from "./redis-probe.ts";
import { recordSurrogateKeys } from "./surrogate-keys.ts";

type Handler = ReturnType<typeof createLruHandler>;
type Entry = NonNullable<Awaited<ReturnType<Handler["get"]>>>;

/** What ./next-cache-handler.ts hands to the library's CacheHandler (its `onCreation` config). */
export type NextCacheConfig = {
  handlers: Handler[];
  ttl?: { defaultStaleAge?: number; estimateExpireAge?: (staleAge: number) => number };
};

export type NextCache = {
  readonly config: NextCacheConfig;
  /** Whether the cache is shared on Redis (REDIS_URL). */
  readonly shared: boolean;
  /**
   * Drops every entry under these tags, here and, when shared, on Redis for every instance; rejects with
   * SharedCacheUnreachable when Redis could not record it (the memory copy is dropped all the same).
   */
  expireTags(tags: readonly string[]): Promise<void>;
  close(): Promise<void>;
};

export class SharedCacheUnreachable extends Error {
  constructor(cause?: unknown) {
    super("shared cache unreachable", cause === undefined ? undefined : { cause });
    this.name = "SharedCacheUnreachable";
  }
}

export type NextCacheOptions = {
  /** REDIS_URL; unset: memory only, as with Next's own cache. */
  redisUrl?: string | undefined;
  /** Prefix of every Redis key; it should name the build, whose pages must not be served by another build. */
  keyPrefix: string;
  /** Bound of the memory copy. */
  memoryBytes: number;
  /** Bound of each Redis command and connection attempt: a Redis that hangs costs a page at most this, a few times. */
  timeoutMs?: number;
  /** Told when Redis goes away and when it is back (once each, not per failed command). */
  onStateChange?: (message: string) => void;
  /**
   * Called when another instance expired tags (or when this one may have missed such news, its channel having been
   * cut): whatever this process keeps beside Next's cache, its response cache, must be dropped.
   */
  onExpiredElsewhere?: () => void;
};

// After a failed command, Redis is left alone this long: a Redis that hangs is not waited for by every request.
const COOL_DOWN_MS = 1_000;
// Entries of a build nobody runs any more leave Redis after this, however often pages are revalidated: pages are cached
// until revalidated (revalidate = false), which the library would otherwise keep for 1.5 years.
const SHARED_ENTRY_LIFETIME_S = 7 * 24 * 60 * 60;

// Shared with ./next-cache-handler.ts and src/lib/next-cache-signal.ts, which Next loads and bundles apart from this.
const REGISTERED = Symbol.for("minbar.web.next-cache");

/**
 * A warning when this Redis may evict keys: a tag's set evicted leaves the pages cached under it unpurgeable, stale
 * until the next deployment. Null with `noeviction`, and when Redis will not say (CONFIG is often disabled on managed
 * Redis, whose settings are then the operator's to check).
 */
async function evictionWarning(client: { configGet(name: string): Promise<Record<string, string>> }) {
  try {
    const policy = (await client.configGet("maxmemory-policy"))["maxmemory-policy"];
    if (!policy || policy === "noeviction") return null;
    return `Redis's maxmemory-policy is ${policy}: an evicted tag would leave its pages stale; run Redis with maxmemory-policy noeviction`;
  } catch {
    return null;
  }
}

export function createNextCache({
  redisUrl,
  keyPrefix,
  memoryBytes,
  timeoutMs = 500,
  onStateChange = (message) => messageLog("web").warn(`[next-cache] ${message}`),
  onExpiredElsewhere = () => {},
}: NextCacheOptions): NextCache {
  const memory = memoryHandler(memoryBytes);
  if (!redisUrl) {
    return {
      config: { handlers: [observed(memory)] },
      shared: false,
      expireTags: async (tags) => {
        for (const tag of tags) await memory.revalidateTag(tag);
      },
      close: async () => {},
    };
  }

  const client = createClient({
    url: redisUrl,
    // While Redis is away a command fails at once rather than waiting in a queue for its return.
    disableOfflineQueue: true,
    commandOptions: { timeout: timeoutMs },
    socket: {
      connectTimeout: timeoutMs,
      // Reconnects by itself, forever, at most half a second apart: until then it serves its memory copy, which may
      // miss a revalidation another instance recorded as soon as Redis was back.
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 500),
    },
  });
  let reachable = true;
  let coolUntil = 0;
  const wentAway = (error: unknown) => {
    coolUntil = Date.now() + COOL_DOWN_MS;
    if (!reachable) return;
    reachable = false;
    onStateChange(`Redis unreachable (${describe(error)}): serving from this instance's memory until it is back`);
  };
  client.on("error", wentAway);
  let policyChecked = false;
  client.on("ready", () => {
    if (!policyChecked) {
      policyChecked = true;
      void evictionWarning(client).then((warning) => warning && onStateChange(warning));
    }
    coolUntil = 0;
    if (reachable) return;
    reachable = true;
    onStateChange("Redis reachable again: the shared cache is used");
  });
  void client.connect().catch(wentAway);
  const available = () => client.isReady && Date.now() >= coolUntil;

  // The news of expired tags, on a connection of its own (a subscribed one runs no other command). It subscribes again
  // by itself after a reconnection; what it may have missed meanwhile is dropped wholesale.
  const instance = randomUUID();
  const channel = `${keyPrefix}expired-tags`;
  const subscriber = client.duplicate();
  let subscribedOnce = false;
  subscriber.on("error", () => {});
  subscriber.on("ready", () => {
    if (!subscribedOnce) return;
    memory.clear();
    onExpiredElsewhere();
  });
  void subscriber
    .connect()
    .then(() =>
      subscriber.subscribe(channel, (message) => {
        const news = parseNews(message);
        if (!news || news.from === instance) return;
        for (const tag of news.tags) void memory.revalidateTag(tag);
        onExpiredElsewhere();
      }),
    )
    .then(() => (subscribedOnce = true))
    .catch(() => {});

  // The library's layout (an entry under keyPrefix + key, its tags in one hash), named here because expireTags below
  // works on it too.
  const sharedTagsKey = "__sharedTags__";
  const sharedTagsTtlKey = "__sharedTagsTtl__";
  const redis = createRedisHandler({ client, keyPrefix, sharedTagsKey, sharedTagsTtlKey, timeoutMs });
  // Beside it, one set per tag of the keys cached under it: the library expires a tag by reading its whole tag hash
  // (twice), which took 0.7 s for one signal at 10,000 entries and outran any timeout at 30,000 (bench:shared-cache).
  const tagSet = (tag: string) => `${keyPrefix}tag:${tag}`;
  const layered: Handler = {
    name: "minbar-shared",
    async get(key, meta) {
      if (!available()) return memory.get(key, meta);
      try {
        const entry = await redis.get(key, meta);
        // The memory copy follows Redis, an expiry included, so that standing in it serves what Redis last held.
        if (entry) await memory.set(key, entry);
        else await memory.delete(key);
        return entry;
      } catch (error) {
        wentAway(error);
        return memory.get(key, meta);
      }
    },
    async set(key, value, ctx) {
      await memory.set(key, value, ctx);
      if (!available()) return;
      try {
        await redis.set(key, value, ctx);
        // The entries' own lifetime: a tag's set outlives none of its entries and is gone with the last one.
        const multi = client.multi();
        for (const tag of value.tags) multi.sAdd(tagSet(tag), key).expire(tagSet(tag), SHARED_ENTRY_LIFETIME_S);
        await multi.exec();
      } catch (error) {
        wentAway(error);
      }
    },
    // Next's revalidateTag; POST /api/revalidate calls expireTags instead, to know whether Redis recorded it.
    revalidateTag: (tag) => expireTags([tag]),
    async delete(key) {
      await memory.delete(key);
      if (available()) await redis.delete?.(key).catch(wentAway);
    },
    // At start: the library drops the tag records of entries Redis has let expire.
    async prepare() {
      if (available()) await redis.prepare?.().catch(wentAway);
    },
  };

  async function expireTags(tags: readonly string[]) {
    for (const tag of tags) await memory.revalidateTag(tag);
    if (!client.isReady) throw new SharedCacheUnreachable();
    try {
      const sets = tags.map(tagSet);
      const keys = sets.length > 0 ? await client.sUnion(sets) : [];
      const multi = client.multi();
      if (keys.length > 0)
        multi
          .unlink(keys.map((key) => keyPrefix + key))
          .hDel(keyPrefix + sharedTagsKey, keys)
          .hDel(keyPrefix + sharedTagsTtlKey, keys);
      if (sets.length > 0) multi.unlink(sets);
      await multi.exec();
      await client.publish(channel, JSON.stringify({ from: instance, tags }));
    } catch (error) {
      wentAway(error);
      throw new SharedCacheUnreachable(error);
    }
  }

  return {
    config: {
      handlers: [observed(layered)],
      ttl: { defaultStaleAge: SHARED_ENTRY_LIFETIME_S, estimateExpireAge: (staleAge) => staleAge },
    },
    shared: true,
    expireTags,
    close: async () => {
      await Promise.allSettled([client.close(), subscriber.close()]);
    },
  };
}

/**
 * Makes `cache` the one ./next-cache-handler.ts gives Next, and the one POST /api/revalidate expires tags in
 * (src/lib/next-cache-signal.ts); called by the server before Next handles a request.
 */
export function registerNextCache(cache: NextCache): void {
  (globalThis as { [REGISTERED]?: Pick<NextCache, "config" | "expireTags"> })[REGISTERED] = {
    config: cache.config,
    expireTags: (tags) => cache.expireTags(tags),
  };
}

/** Tells the request being handled the tags of each entry it reads or writes. */
function observed(handler: Handler): Handler {
  return {
    ...handler,
    async get(key, meta) {
      const entry = await handler.get(key, meta);
      if (!entry) return entry;
      recordSurrogateKeys(entry.tags);
      return withCacheControl(entry);
    },
    async set(key, value, ctx) {
      recordSurrogateKeys(value.tags);
      await handler.set(key, value, ctx);
    },
  };
}

/**
 * Next 16 takes a page's lifetime from its entry (`cacheControl`) before its own record of the route, which only the
 * instance that rendered it holds; the library stores none, so another instance took a shared page for one to
 * revalidate 1 s after its render (Next's default for a route it does not know) and rendered it again. The library
 * keeps the page's `revalidate` in `lifespan`; `expire` only concerns pages revalidated by time, which the site has not.
 */
function withCacheControl(entry: Entry): Entry {
  const revalidate = entry.lifespan?.revalidate;
  const kind = entry.value?.kind;
  if (revalidate === undefined || (kind !== "APP_PAGE" && kind !== "APP_ROUTE")) return entry;
  return { ...entry, cacheControl: { revalidate, expire: undefined } };
}

/**
 * The memory copy: an LRU bounded by the entries' size. (The library's local-lru measures each entry by serializing it
 * to JSON, Buffers as arrays of numbers, which here would run on every page read from Redis.)
 */
function memoryHandler(
  maxBytes: number,
): Required<Pick<Handler, "get" | "set" | "revalidateTag" | "delete" | "name">> & { clear(): void } {
  const entries = new LRUCache<string, Entry>({ maxSize: maxBytes, sizeCalculation: (entry) => sizeOf(entry) || 1 });
  return {
    name: "memory",
    get: async (key) => entries.get(key) ?? null,
    async set(key, value, ctx) {
      if (ctx?.setOnlyIfNotExists && entries.has(key)) return;
      // The same entry read again from Redis is not stored again.
      if (entries.peek(key)?.lastModified === value.lastModified) return;
      entries.set(key, value);
    },
    async revalidateTag(tag) {
      for (const [key, entry] of entries.entries()) if (entry.tags.includes(tag)) entries.delete(key);
    },
    async delete(key) {
      entries.delete(key);
    },
    clear: () => entries.clear(),
  };
}

function parseNews(message: string): { from: string; tags: string[] } | null {
  try {
    const news: unknown = JSON.parse(message);
    if (typeof news !== "object" || news === null) return null;
    const { from, tags } = news as { from?: unknown; tags?: unknown };
    if (typeof from !== "string" || !Array.isArray(tags)) return null;
    return { from, tags: tags.filter((tag): tag is string => typeof tag === "string") };
  } catch {
    return null;
  }
}

/** Roughly the bytes an entry holds: its strings and buffers. */
function sizeOf(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Map) return [...value.values()].reduce((sum: number, item) => sum + sizeOf(item), 0);
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + sizeOf(item), 0);
  if (value !== null && typeof value === "object")
    return Object.values(value).reduce((sum: number, item) => sum + sizeOf(item), 0);
  return 8;
}
