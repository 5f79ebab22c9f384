// Next's incremental cache as the server configures it, on a real Redis of the test's own (redis-server), with two
// caches standing for two instances: what one writes the other reads, tags expired by one are gone for both and
// announced to the other; with Redis killed reads come from memory and an expiry is refused, until Redis is back.
// And the surrogate keys each entry gives the response of the request that read it.
import { createClient } from "@redis/client";
import { startRedis, type RunningRedis } from "@minbar/e2e/redis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createNextCache, SharedCacheUnreachable, type NextCache } from "./next-cache.ts";
import { withSurrogateKeys } from "./surrogate-keys.ts";
import { listen } from "./test-http.ts";

// Beside the end-to-end spec's (E2E_REDIS_PORT, 6400 by default), never the machine's own Redis.
const REDIS_PORT = 6401;
const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;

type Entry = Parameters<NextCache["config"]["handlers"][number]["set"]>[1];

/** An unstable_cache entry as the library's CacheHandler hands it to the handlers. */
const entry = (body: string, tags: string[]): Entry =>
  ({
    lastModified: Date.now(),
    lifespan: null,
    tags,
    value: { kind: "FETCH", data: { headers: {}, body, status: 200, url: "" }, revalidate: false },
  }) as unknown as Entry;

const bodyOf = (value: Awaited<ReturnType<NextCache["config"]["handlers"][number]["get"]>>) =>
  (value?.value as { data?: { body?: string } } | null | undefined)?.data?.body;

let redis: RunningRedis | undefined;
async function restartRedis() {
  redis = await startRedis(REDIS_PORT);
}
async function killRedis() {
  await redis?.kill();
  redis = undefined;
}

const caches: NextCache[] = [];
function cache(prefix: string, onExpiredElsewhere = () => {}, onStateChange = () => {}) {
  const created = createNextCache({
    redisUrl: REDIS_URL,
    keyPrefix: prefix,
    memoryBytes: 1024 * 1024,
    onStateChange,
    onExpiredElsewhere,
  });
  caches.push(created);
  return { cache: created, handler: created.config.handlers[0]! };
}

beforeAll(restartRedis);
afterEach(async () => {
  await Promise.all(caches.splice(0).map((created) => created.close()));
});
afterAll(killRedis);

describe("shared on Redis", () => {
  it("what one instance writes the other reads; tags expired by one are gone for both, and the other is told", async () => {
    const told = vi.fn();
    const one = cache("test:shared:");
    const two = cache("test:shared:", told);
    await vi.waitFor(() => expect(one.cache.shared && two.cache.shared).toBe(true));
    await vi.waitFor(async () => {
      await one.handler.set("page", entry("الأولى", ["article:1", "sections"]));
      expect(bodyOf(await two.handler.get("page", { implicitTags: [] }))).toBe("الأولى");
    });
    await one.handler.set("other", entry("other", ["article:2"]));

    await one.cache.expireTags(["article:1"]);
    expect(await two.handler.get("page", { implicitTags: [] })).toBeNull();
    expect(bodyOf(await two.handler.get("other", { implicitTags: [] }))).toBe("other");
    await vi.waitFor(() => expect(told).toHaveBeenCalled());
  });

  it("with Redis killed reads come from memory at once and an expiry is refused; once it is back, accepted", async () => {
    const one = cache("test:outage:");
    const two = cache("test:outage:");
    await vi.waitFor(async () => {
      await one.handler.set("page", entry("kept", ["article:3"]));
      expect(bodyOf(await two.handler.get("page", { implicitTags: [] }))).toBe("kept");
    });
    await killRedis();

    const started = Date.now();
    expect(bodyOf(await two.handler.get("page", { implicitTags: [] }))).toBe("kept");
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(one.cache.expireTags(["article:3"])).rejects.toBeInstanceOf(SharedCacheUnreachable);
    // The instance that was told drops its own copy all the same.
    expect(await one.handler.get("page", { implicitTags: [] })).toBeNull();

    await restartRedis();
    await vi.waitFor(() => one.cache.expireTags(["article:3"]), { timeout: 5_000, interval: 100 });
  }, 15_000);
});

describe("Redis's eviction policy", () => {
  /** Sets it on the test's Redis through a connection of the test's own. */
  async function setPolicy(policy: string) {
    const admin = createClient({ url: REDIS_URL });
    await admin.connect();
    await admin.configSet("maxmemory-policy", policy);
    await admin.close();
  }
  afterEach(() => setPolicy("noeviction"));

  it("is warned about when Redis may evict a tag, and not with noeviction", async () => {
    const warned = vi.fn();
    await setPolicy("allkeys-lru");
    const evicting = cache("test:policy:", () => {}, warned);
    await vi.waitFor(() =>
      expect(warned).toHaveBeenCalledWith(expect.stringMatching(/maxmemory-policy is allkeys-lru.*noeviction/)),
    );
    await evicting.cache.close();

    const quiet = vi.fn();
    await setPolicy("noeviction");
    const kept = cache("test:policy:", () => {}, quiet);
    await vi.waitFor(() => expect(kept.cache.shared).toBe(true));
    await vi.waitFor(async () => {
      await kept.handler.set("page", entry("kept", ["article:9"]));
      expect(bodyOf(await kept.handler.get("page", { implicitTags: [] }))).toBe("kept");
    });
    expect(quiet).not.toHaveBeenCalled();
  });
});

describe("in memory (no REDIS_URL)", () => {
  it("keeps entries until their tags expire", async () => {
    const memory = createNextCache({ keyPrefix: "unused:", memoryBytes: 1024 * 1024 });
    const handler = memory.config.handlers[0]!;
    expect(memory.shared).toBe(false);
    await handler.set("page", entry("x", ["article:4"]));
    expect(bodyOf(await handler.get("page", { implicitTags: [] }))).toBe("x");
    await memory.expireTags(["article:5"]);
    expect(bodyOf(await handler.get("page", { implicitTags: [] }))).toBe("x");
    await memory.expireTags(["article:4"]);
    expect(await handler.get("page", { implicitTags: [] })).toBeNull();
  });
});

describe("surrogate keys", () => {
  it("a response names the tags of every entry its request read, Arabic ones percent-encoded, implicit ones left out", async () => {
    const memory = createNextCache({ keyPrefix: "unused:", memoryBytes: 1024 * 1024 });
    const handler = memory.config.handlers[0]!;
    await handler.set("page", entry("x", ["article:7", "tag:كازاخستان", "_N_T_/ar/news/7"]));
    await handler.set("nav", entry("y", ["sections", "article:7"]));
    const { server, client } = await listen((_req, res) =>
      withSurrogateKeys(res, () => {
        void Promise.all([handler.get("page", { implicitTags: [] }), handler.get("nav", { implicitTags: [] })]).then(
          () => res.end("ok"),
        );
      }),
    );
    try {
      const { headers } = await client("/");
      expect(String(headers.xkey).split(" ").sort()).toEqual(
        ["article:7", "sections", "tag:%D9%83%D8%A7%D8%B2%D8%A7%D8%AE%D8%B3%D8%AA%D8%A7%D9%86"].sort(),
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a page from Next's cache that a shared cache may keep but names no tag is made uncacheable; tagged, it stays as it was", async () => {
    const memory = createNextCache({ keyPrefix: "unused:", memoryBytes: 1024 * 1024 });
    const handler = memory.config.handlers[0]!;
    await handler.set("page", entry("x", ["article:8"]));
    const { server, client } = await listen((req, res) =>
      withSurrogateKeys(res, () => {
        res.setHeader("cache-control", "s-maxage=31536000");
        if (req.url !== "/timed") res.setHeader("x-nextjs-cache", "HIT");
        const read = req.url === "/tagged" ? handler.get("page", { implicitTags: [] }) : Promise.resolve(null);
        void read.then(() => res.end("ok"));
      }),
    );
    try {
      const tagged = await client("/tagged");
      expect(tagged.headers["cache-control"]).toBe("s-maxage=31536000");
      expect(tagged.headers.xkey).toBe("article:8");
      const untagged = await client("/untagged");
      expect(untagged.headers["cache-control"]).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
      expect(untagged.headers.xkey).toBeUndefined();
      // Not from Next's cache: kept for its time, by tag or not.
      expect((await client("/timed")).headers["cache-control"]).toBe("s-maxage=31536000");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
