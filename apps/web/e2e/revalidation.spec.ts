// Pages are served from cache and refreshed by POST /api/revalidate: a change made straight in the database shows
// only after the endpoint is called, without a rebuild; an import from the command line calls it by itself. The
// database is put back as it was afterwards.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { seedsDir } from "@minbar/e2e";
import { MAX_ARTICLE_IDS_PER_REQUEST } from "@minbar/site-signal";
import { ENGLISH_DRAFT, RUSSIAN_EDITION } from "./extra-localizations.ts";
import { REVALIDATE_SECRET, revalidate } from "./revalidate-secret.ts";
import { arabicArticleHref, articleIdOf } from "./helpers.ts";
import { PUBLISHED_SEED_TITLES } from "./seed-articles.ts";
import { SITE_ORIGIN } from "./site-origin.ts";
import { e2eEnv, inheritedEnv } from "@minbar/e2e/env";

// Tests here change shared rows, so they run in order and never alongside each other.
test.describe.configure({ mode: "serial" });

let db: pg.Client;

test.beforeAll(async () => {
  const url = e2eEnv.databaseUrl;
  if (!url) throw new Error("DATABASE_URL is not set: run through `npm run test:e2e`");
  db = new pg.Client({ connectionString: url });
  await db.connect();
});

test.afterAll(async () => {
  await db?.end();
});

async function setStatus(locale: "ru" | "en", slug: string, status: "published" | "unpublished" | "draft") {
  const { rowCount } = await db.query(
    `UPDATE article_localizations
        SET status = $3::"ArticleStatus",
            published_at = CASE $3
                             WHEN 'published' THEN COALESCE(published_at, now())
                             WHEN 'draft' THEN NULL
                             ELSE published_at
                           END
      WHERE locale = $1::"Locale" AND slug = $2`,
    [locale, slug, status],
  );
  expect(rowCount).toBe(1);
}

async function russianEditionId(page: Page): Promise<number> {
  return articleIdOf(await arabicArticleHref(page, RUSSIAN_EDITION.originalTitle));
}

test("a wrong, missing or malformed secret gets 401 and changes nothing; a bad body gets 400, an oversized one 413", async ({
  request,
}) => {
  const wrong = await revalidate(request, { articleId: 1 }, "not-the-secret");
  expect(wrong.status()).toBe(401);
  const almost = await revalidate(request, { articleId: 1 }, `${REVALIDATE_SECRET}x`);
  expect(almost.status()).toBe(401);
  expect((await request.post("/api/revalidate", { data: { articleId: 1 } })).status()).toBe(401);
  const tooMany = Array.from({ length: MAX_ARTICLE_IDS_PER_REQUEST + 1 }, (_, i) => i + 1);
  for (const body of [
    {},
    { articleId: "1" },
    { articleId: -1 },
    { articleId: 1, path: "/" },
    { articleIds: [] },
    { articleIds: [1, 0] },
    { articleIds: ["1"] },
    { articleIds: 1 },
    { articleIds: [1], articleId: 1 },
    { articleIds: tooMany },
  ]) {
    const response = await revalidate(request, body);
    expect(response.status(), JSON.stringify(body).slice(0, 60)).toBe(400);
    expect(await response.json()).toMatchObject({
      error: "invalid body",
      expected: { articleId: expect.any(String), articleIds: expect.any(String) },
    });
  }
  expect((await revalidate(request, { articleIds: [1], note: "x".repeat(20_000) })).status()).toBe(413);
  expect((await request.get("/api/revalidate")).status()).toBe(405);
});

test("an article page is rendered once, then served from memory in front of Next", async ({ page, request }) => {
  const articleUrl = `/ru/news/${await russianEditionId(page)}/${RUSSIAN_EDITION.slug}`;
  const first = await request.get(articleUrl);
  const html = await first.text();
  // Next keeps the rendered page (its full-route cache); the server in front keeps the bytes (server/front-cache.ts)
  // once their compressed forms are ready, and from then on answers without entering Next.
  await expect.poll(async () => (await request.get(articleUrl)).headers()["x-cache"], { timeout: 5_000 }).toBe("HIT");
  const cached = await request.get(articleUrl, { headers: { "accept-encoding": "br" } });
  expect(cached.status()).toBe(200);
  expect(cached.headers()["content-encoding"]).toBe("br");
  expect(await cached.text()).toBe(html);
  // Not kept in front: the search page, which depends on the query and is rendered per request.
  expect((await request.get("/ru/search?q=Лавров")).headers()["x-cache"]).toBe("MISS");
});

test("unpublishing the Russian edition shows after revalidation: gone from pages, feed, sitemap", async ({
  page,
  request,
}) => {
  const id = await russianEditionId(page);
  const articleUrl = `/ru/news/${id}/${RUSSIAN_EDITION.slug}`;
  // Visit everything once so it is cached.
  await page.goto(articleUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(RUSSIAN_EDITION.title);
  await page.goto("/ru");
  await expect(page.getByRole("link", { name: RUSSIAN_EDITION.title })).toBeVisible();
  await page.goto("/ru/tags/kazakhstan");
  await expect(page.getByRole("link", { name: RUSSIAN_EDITION.title })).toBeVisible();
  expect(await (await request.get("/ru/feed.xml")).text()).toContain(RUSSIAN_EDITION.slug);
  expect(await (await request.get("/sitemap.xml")).text()).toContain(RUSSIAN_EDITION.slug);

  try {
    await setStatus("ru", RUSSIAN_EDITION.slug, "unpublished");

    // Served from cache: the database changed, the pages have not yet.
    await page.goto(articleUrl);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(RUSSIAN_EDITION.title);
    await page.goto("/ru");
    await expect(page.getByRole("link", { name: RUSSIAN_EDITION.title })).toBeVisible();

    // A wrong secret refreshes nothing.
    expect((await revalidate(request, { articleId: id }, "wrong-secret-wrong-secret")).status()).toBe(401);
    await page.goto(articleUrl);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(RUSSIAN_EDITION.title);

    const response = await revalidate(request, { articleId: id });
    expect(response.status()).toBe(200);
    expect((await response.json()).tags).toEqual(
      expect.arrayContaining([`article:${id}`, "tag:kazakhstan", "feed:ru"]),
    );

    const article = await page.goto(articleUrl);
    expect(article?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Эта новость недоступна на русском языке");
    await expect(page.getByText(RUSSIAN_EDITION.title)).toHaveCount(0);
    await page.goto("/ru");
    await expect(page.getByRole("link", { name: RUSSIAN_EDITION.title })).toHaveCount(0);
    await page.goto("/ru/tags/kazakhstan");
    await expect(page.getByRole("link", { name: RUSSIAN_EDITION.title })).toHaveCount(0);
    expect(await (await request.get("/ru/feed.xml")).text()).not.toContain(RUSSIAN_EDITION.slug);
    expect(await (await request.get("/sitemap.xml")).text()).not.toContain(RUSSIAN_EDITION.slug);
    // The Arabic original no longer offers the Russian edition.
    await page.goto(`/news/${id}`);
    await expect(page.locator('link[rel="alternate"][hreflang="ru"]')).toHaveCount(0);
  } finally {
    await setStatus("ru", RUSSIAN_EDITION.slug, "published");
    expect((await revalidate(request, { articleId: id })).status()).toBe(200);
  }

  await page.goto(articleUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(RUSSIAN_EDITION.title);
  await page.goto("/ru");
  await expect(page.getByRole("link", { name: RUSSIAN_EDITION.title })).toBeVisible();
});

test("publishing the English draft replaces the cached notice with the article", async ({ page, request }) => {
  const id = articleIdOf(await arabicArticleHref(page, ENGLISH_DRAFT.originalTitle));
  await page.goto(`/en/news/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This story is not available in English");

  try {
    await setStatus("en", ENGLISH_DRAFT.slug, "published");
    await page.goto(`/en/news/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This story is not available in English");

    expect((await revalidate(request, { articleId: id })).status()).toBe(200);
    await page.goto(`/en/news/${id}`);
    await expect(page).toHaveURL(new RegExp(`/en/news/${id}/${ENGLISH_DRAFT.slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ENGLISH_DRAFT.title);
    await page.goto("/en");
    await expect(page.getByRole("link", { name: ENGLISH_DRAFT.title })).toBeVisible();
    expect(await (await request.get("/en/feed.xml")).text()).toContain(ENGLISH_DRAFT.slug);
  } finally {
    await setStatus("en", ENGLISH_DRAFT.slug, "draft");
    expect((await revalidate(request, { articleId: id })).status()).toBe(200);
  }

  await page.goto("/en");
  await expect(page.getByRole("link", { name: ENGLISH_DRAFT.title })).toHaveCount(0);
  const notice = await page.goto(`/en/news/${id}/${ENGLISH_DRAFT.slug}`);
  expect(notice?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This story is not available in English");
});

test("one request for several articles refreshes the pages of each, dropping each tag once", async ({
  page,
  request,
}) => {
  const russianId = await russianEditionId(page);
  const englishId = articleIdOf(await arabicArticleHref(page, ENGLISH_DRAFT.originalTitle));
  await page.goto("/ru");
  await expect(page.getByRole("link", { name: RUSSIAN_EDITION.title })).toBeVisible();
  await page.goto("/en");
  await expect(page.getByRole("link", { name: ENGLISH_DRAFT.title })).toHaveCount(0);

  try {
    await setStatus("ru", RUSSIAN_EDITION.slug, "unpublished");
    await setStatus("en", ENGLISH_DRAFT.slug, "published");
    const response = await revalidate(request, { articleIds: [russianId, englishId] });
    expect(response.status()).toBe(200);
    const { articleIds, tags } = (await response.json()) as { articleIds: number[]; tags: string[] };
    expect(articleIds).toEqual([russianId, englishId]);
    // Both articles are tagged lavrov: the tag is dropped once.
    expect(tags).toEqual(
      expect.arrayContaining([
        `article:${russianId}`,
        `article:${englishId}`,
        "tag:lavrov",
        "listing:front",
        "feed:en",
      ]),
    );
    expect(new Set(tags).size).toBe(tags.length);

    await page.goto("/ru");
    await expect(page.getByRole("link", { name: RUSSIAN_EDITION.title })).toHaveCount(0);
    await page.goto("/en");
    await expect(page.getByRole("link", { name: ENGLISH_DRAFT.title })).toBeVisible();
  } finally {
    await setStatus("ru", RUSSIAN_EDITION.slug, "published");
    await setStatus("en", ENGLISH_DRAFT.slug, "draft");
    expect((await revalidate(request, { articleIds: [russianId, englishId] })).status()).toBe(200);
  }
  await page.goto("/ru");
  await expect(page.getByRole("link", { name: RUSSIAN_EDITION.title })).toBeVisible();
  await page.goto("/en");
  await expect(page.getByRole("link", { name: ENGLISH_DRAFT.title })).toHaveCount(0);
});

test("an import from the command line shows on the cached front page at once", async ({ page, request }) => {
  const title = "خبر تجريبي لاختبار الاستيراد من سطر الأوامر";
  const fileKey = "e2e-cli-import";
  const fileName = `${fileKey}.txt`;
  // The front page, served from the cache in front of Next before the import.
  await expect.poll(async () => (await request.get("/")).headers()["x-cache"], { timeout: 5_000 }).toBe("HIT");
  expect(await (await request.get("/")).text()).not.toContain(title);

  // A seed file with a new title: a new, complete article, published with the seed's date.
  const dir = await mkdtemp(join(tmpdir(), "minbar-e2e-cli-"));
  const seed = await readFile(join(seedsDir, "000_b2cb0b8d8c1ae332.txt"), "utf8");
  await writeFile(join(dir, fileName), seed.replace(PUBLISHED_SEED_TITLES[0], title));
  try {
    // `npm run import` as cron would run it, told where the site is and its secret through the environment.
    const cli = fileURLToPath(new URL("../../../packages/importer/src/cli.ts", import.meta.url));
    const run = spawnSync(process.execPath, ["--import", "tsx", cli, dir], {
      encoding: "utf8",
      timeout: 60_000,
      env: inheritedEnv({ PUBLIC_SITE_URL: SITE_ORIGIN, REVALIDATE_SECRET, INIT_CWD: "" }),
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^created\\s+.*${fileName} → article \\d+ \\(published\\)`, "m"));
    expect(run.stdout.trim().split("\n").at(-1)).toBe("public site: refreshed (1 article)");

    await page.goto("/");
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  } finally {
    await rm(dir, { recursive: true, force: true });
    // Other specs count the seed articles: remove the new one and tell the site.
    const { rows } = await db.query<{ article_id: number }>(
      "DELETE FROM wire_files WHERE file_key = $1 RETURNING article_id",
      [fileKey],
    );
    const articleIds = rows.map((row) => row.article_id);
    await db.query("DELETE FROM articles WHERE id = ANY($1::int[])", [articleIds]);
    if (articleIds.length > 0) expect((await revalidate(request, { articleIds })).status()).toBe(200);
  }
  await page.goto("/");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});
