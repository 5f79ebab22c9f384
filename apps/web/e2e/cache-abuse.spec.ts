// The response cache of the built site under requests meant to get around it: junk query strings, tracking
// parameters, respelled paths, HEAD, a client's no-cache, Authorization or Range are all answered from the one stored
// page, and a burst of misses after a purge costs one trip through Next (each MISS is one).
import { request as httpRequest } from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { arabicArticleHref, articleIdOf } from "./helpers.ts";
import { revalidate } from "./revalidate-secret.ts";
import { PUBLISHED_SEED_TITLES } from "./seed-articles.ts";
import { SITE_PORT } from "./site-origin.ts";

/** The X-Cache of each of `count` requests, sent concurrently in batches of 100. */
async function cacheOutcomes(request: APIRequestContext, count: number, send: (i: number) => Promise<string>) {
  const outcomes: string[] = [];
  for (let start = 0; start < count; start += 100) {
    const batch = Array.from({ length: Math.min(100, count - start) }, (_, i) => send(start + i));
    outcomes.push(...(await Promise.all(batch)));
  }
  return outcomes;
}

/** A GET sent with its path exactly as written (Playwright's client would resolve `/./`). */
function rawGet(path: string): Promise<{ status: number; cache: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "localhost", port: SITE_PORT, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          cache: res.headers["x-cache"] as string | undefined,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

test("junk and tracking query strings and a client's no-cache are answered from the stored front page", async ({
  request,
}) => {
  await request.get("/en");
  await expect.poll(async () => (await request.get("/en")).headers()["x-cache"], { timeout: 5_000 }).toBe("HIT");
  for (const query of ["?x=1", "?x=2&utm_source=news", "?fbclid=abc", "?page=3"]) {
    const answer = await request.get(`/en${query}`, { headers: { "cache-control": "no-cache", pragma: "no-cache" } });
    expect(answer.status(), query).toBe(200);
    expect(answer.headers()["x-cache"], query).toBe("HIT");
  }
});

test("after a purge, 1,000 concurrent requests with random query strings and no-cache cost one render", async ({
  request,
  page,
}) => {
  // A thousand requests through Chromium's API client: more than the default 30 s on a loaded 2-core machine.
  test.slow();
  const articleId = articleIdOf(await arabicArticleHref(page, PUBLISHED_SEED_TITLES[0]));
  // Another spec's purge landing inside the burst would add a second MISS: the burst is then tried again.
  await expect(async () => {
    expect((await revalidate(request, { articleId })).status()).toBe(200);
    const outcomes = await cacheOutcomes(request, 1_000, async (i) => {
      const query = `?x=${i}&utm_source=mail&fbclid=${Math.random().toString(36).slice(2)}`;
      const answer = await request.get(`/ru${query}`, { headers: { "cache-control": "no-cache", pragma: "no-cache" } });
      expect(answer.status()).toBe(200);
      return answer.headers()["x-cache"] ?? "";
    });
    expect(outcomes.filter((outcome) => outcome === "MISS")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "HIT")).toHaveLength(999);
  }).toPass({ timeout: 60_000 });
});

test("after a purge, concurrent HEAD misses cost one render, and the GET after them is answered from it", async ({
  request,
  page,
}) => {
  const articleId = articleIdOf(await arabicArticleHref(page, PUBLISHED_SEED_TITLES[1]));
  await expect(async () => {
    expect((await revalidate(request, { articleId })).status()).toBe(200);
    const outcomes = await cacheOutcomes(request, 100, async (i) => {
      const answer = await request.head(`/en?x=${i}`);
      expect(answer.status()).toBe(200);
      return answer.headers()["x-cache"] ?? "";
    });
    expect(outcomes.filter((outcome) => outcome === "MISS")).toHaveLength(1);
    expect((await request.get("/en")).headers()["x-cache"]).toBe("HIT");
  }).toPass({ timeout: 60_000 });
});

test("respellings of an article's address, Authorization and Range are answered from its stored page", async ({
  request,
  page,
}) => {
  const href = await arabicArticleHref(page, PUBLISHED_SEED_TITLES[2]);
  await expect.poll(async () => (await request.get(href)).headers()["x-cache"], { timeout: 5_000 }).toBe("HIT");
  const stored = await rawGet(href);
  expect(stored.body).toContain(PUBLISHED_SEED_TITLES[2]);
  const respellings = [
    href.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    href.replace("/news/", "/n%65ws/"),
    href.replace("/news/", "/./news/"),
    href.replace("/news/", "/news/x/../"),
    `${href}?utm_source=x`,
  ];
  for (const path of respellings) {
    const answer = await rawGet(path);
    expect(answer.status, path).toBe(200);
    expect(answer.cache, path).toBe("HIT");
    expect(answer.body, path).toBe(stored.body);
  }
  const clientHeaders: Record<string, string>[] = [{ authorization: "Basic eDp5" }, { range: "bytes=0-10" }];
  for (const headers of clientHeaders) {
    const answer = await request.get(href, { headers });
    expect(answer.status(), JSON.stringify(headers)).toBe(200);
    expect(answer.headers()["x-cache"], JSON.stringify(headers)).toBe("HIT");
  }
});

test("search keeps the parameters it reads and ignores the others", async ({ page }) => {
  await page.goto("/ru/search?utm_source=mail&q=%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2&x=1");
  await expect(page.locator("#search-page-q")).toHaveValue("Лавров");
});
