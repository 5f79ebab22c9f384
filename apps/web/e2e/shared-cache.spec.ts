// Two instances of the public site sharing Next's cache on one Redis (REDIS_URL), their response cache off
// (FRONT_CACHE_MB=0) as behind Varnish, on a database of their own: a page rendered by one is served by the other
// without a render, a revalidation sent to one refreshes both, each response names its cache tags (xkey), and with
// Redis killed both keep answering from memory, refuse to confirm a revalidation (503), report Redis in /api/health and
// recover by themselves when it is back.
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { seedsDir, startProductionServer, type ExtraServer } from "@minbar/e2e";
import { e2eEnv } from "@minbar/e2e/env";
import { startRedis, type RunningRedis } from "@minbar/e2e/redis";
import { createTestDatabase, type TestDatabase } from "@minbar/db/testing";
import { importPaths } from "@minbar/importer";
import { revalidate } from "./revalidate-secret.ts";
import { SITE_PORT } from "./site-origin.ts";

test.describe.configure({ mode: "serial" });

const appDir = fileURLToPath(new URL("..", import.meta.url));
const SECRET = "e2e-shared-cache-revalidate-secret-0123456789";
const REDIS_PORT = e2eEnv.redisPort;

let db: TestDatabase;
let redis: RunningRedis | undefined;
let a: ExtraServer;
let b: ExtraServer;
let article: { id: number; title: string };

async function killRedis(): Promise<void> {
  await redis?.kill();
  redis = undefined;
}

const get = (server: ExtraServer, path: string) => fetch(`${server.origin}${path}`);

const signal = (server: ExtraServer, articleId: number) =>
  fetch(`${server.origin}/api/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" },
    body: JSON.stringify({ articleId }),
  });

const keysOf = (response: Response) => (response.headers.get("xkey") ?? "").split(" ");

async function setTitle(title: string) {
  const { count } = await db.prisma.articleLocalization.updateMany({
    where: { articleId: article.id, locale: "ar" },
    data: { title },
  });
  expect(count).toBe(1);
  article.title = title;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  db = await createTestDatabase();
  await importPaths({ prisma: db.prisma, paths: [seedsDir] });
  const first = await db.prisma.articleLocalization.findFirstOrThrow({
    where: { locale: "ar", status: "published" },
    orderBy: { articleId: "asc" },
    select: { articleId: true, title: true },
  });
  article = { id: first.articleId, title: first.title ?? "" };
  redis = await startRedis(REDIS_PORT);
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
    FRONT_CACHE_MB: "0",
    REVALIDATE_SECRET: SECRET,
  };
  // Ready once the health check answers, which renders nothing.
  const start = (port: number) =>
    startProductionServer(appDir, { ...env, PUBLIC_SITE_URL: `http://localhost:${port}` }, "/api/health", port);
  [a, b] = await Promise.all([start(SITE_PORT + 10), start(SITE_PORT + 11)]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await killRedis();
  await db?.drop();
});

test("a page rendered by one instance is served by the other without a render; a revalidation sent to one refreshes both", async ({
  page,
}) => {
  const path = `/news/${article.id}`;
  const rendered = await get(a, path);
  expect(rendered.status).toBe(200);
  expect(rendered.headers.get("x-nextjs-cache")).toBe("MISS");
  expect(rendered.headers.get("x-cache")).toBeNull();
  expect(keysOf(rendered)).toContain(`article:${article.id}`);
  expect(await rendered.text()).toContain(article.title);

  // B's first request for the page, more than a second later (Next's default lifetime for a page it knows nothing
  // of): Redis has it, and it is as fresh on B as on A.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const shared = await get(b, path);
  expect(shared.headers.get("x-nextjs-cache")).toBe("HIT");
  expect(keysOf(shared)).toContain(`article:${article.id}`);
  expect(await shared.text()).toContain(article.title);

  const before = article.title;
  await setTitle(`${before} — تحديث أول`);
  await page.goto(`${b.origin}${path}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(before);

  const confirmed = await signal(a, article.id);
  expect(confirmed.status).toBe(200);
  expect((await confirmed.json()).tags).toContain(`article:${article.id}`);
  await page.goto(`${b.origin}${path}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.title);
  await page.goto(`${a.origin}${path}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.title);
});

test("each page names its cache tags in xkey, rendered or from the cache: the front page listing:front", async () => {
  for (const server of [a, b]) {
    const front = await get(server, "/");
    expect(front.status).toBe(200);
    expect(keysOf(front)).toContain("listing:front");
    expect(keysOf(front)).toContain("sections");
    expect(keysOf(await get(server, "/feed.xml"))).toContain("feed:ar");
    expect(keysOf(await get(server, "/sitemap.xml"))).toContain("sitemap");
  }
  // Requests that arrive together for a page nobody asked for: each names the page's tags, or (when Next handed it the
  // page rendered for another without reading its cache) is not for a shared cache, which could never purge it.
  const together = await Promise.all(Array.from({ length: 6 }, () => get(a, "/sources/tass")));
  for (const response of together) {
    expect(response.status).toBe(200);
    if (response.headers.get("xkey") === null) expect(response.headers.get("cache-control")).toMatch(/no-store/);
    else expect(keysOf(response)).toContain("source:tass");
  }
  // One each way round: rendered by B, then a shared hit on A.
  expect((await get(b, "/ru")).headers.get("x-nextjs-cache")).toBe("MISS");
  const hit = await get(a, "/ru");
  expect(hit.headers.get("x-nextjs-cache")).toBe("HIT");
  expect(keysOf(hit)).toContain("listing:front");
});

test("without Redis (the suite's server, its response cache on) pages name their tags too, rendered and from either cache", async ({
  request,
}) => {
  const front = await request.get("/");
  expect(front.headers()["xkey"]?.split(" ")).toContain("listing:front");
  const id = Number(/href="\/news\/(\d+)\//.exec(await front.text())?.[1]);
  // Dropped first, so that the next request renders it.
  expect((await revalidate(request, { articleId: id })).status()).toBe(200);
  const rendered = await request.get(`/news/${id}`);
  expect(rendered.headers()["x-cache"]).toBe("MISS");
  expect(rendered.headers()["x-nextjs-cache"]).toBe("MISS");
  const keys = rendered.headers()["xkey"]?.split(" ");
  expect(keys).toEqual(expect.arrayContaining([`article:${id}`, "sections"]));
  const stored = await request.get(`/news/${id}`);
  expect(stored.headers()["x-cache"]).toBe("HIT");
  expect(stored.headers()["xkey"]?.split(" ")).toEqual(keys);
  // The response cache purged (by any signal), Next's own cache answers: the same keys.
  expect((await revalidate(request, { frontPages: ["en"] })).status()).toBe(200);
  const fromNext = await request.get(`/news/${id}`);
  expect(fromNext.headers()["x-cache"]).toBe("MISS");
  expect(fromNext.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(fromNext.headers()["xkey"]?.split(" ")).toEqual(keys);
});

test("with Redis killed both instances answer from memory and refuse to confirm a revalidation; both recover by themselves", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const path = `/news/${article.id}`;
  // Both hold the page in memory (A rendered it, B read it from Redis).
  for (const server of [a, b]) expect((await get(server, path)).status).toBe(200);
  await killRedis();

  const seen = article.title;
  await setTitle(`${seen} — تحديث ثان`);
  for (const server of [a, b]) {
    const started = Date.now();
    const cached = await get(server, path);
    expect(cached.status).toBe(200);
    expect(await cached.text()).toContain(seen);
    // A page nobody asked for yet: rendered from the database, Redis or not.
    const uncached = await get(server, "/en");
    expect(uncached.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);

    const health = await get(server, "/api/health");
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({
      status: "failing",
      checks: { postgres: "ok", redis: expect.not.stringMatching(/^ok$/) },
    });
  }
  const refused = await signal(a, article.id);
  expect(refused.status).toBe(503);
  expect(await refused.json()).toMatchObject({ error: "shared cache unreachable" });
  // B was not told: it keeps the page it had.
  await page.goto(`${b.origin}${path}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(seen);

  redis = await startRedis(REDIS_PORT);
  // The sender sends the signal again until it is confirmed: within a few seconds of Redis's return.
  const back = Date.now();
  await expect.poll(async () => (await signal(a, article.id)).status, { timeout: 10_000, intervals: [250] }).toBe(200);
  expect(Date.now() - back).toBeLessThan(5_000);
  // B, which may still be reconnecting (at most half a second apart), serves its memory copy until then.
  await expect
    .poll(async () => (await (await get(b, path)).text()).includes(article.title), { timeout: 2_000, intervals: [100] })
    .toBe(true);
  await page.goto(`${b.origin}${path}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.title);
  for (const server of [a, b]) {
    await expect
      .poll(async () => (await get(server, "/api/health")).json(), { timeout: 5_000 })
      .toEqual({ status: "ok", checks: { postgres: "ok", redis: "ok" } });
  }
});
