// The public pages are plain HTML (server/plain-html.ts): no framework script is loaded and no flight payload is
// inlined, and what a reader does still works by plain navigation.
import { expect, test, type Page } from "@playwright/test";
import { arabicArticleHref } from "./helpers.ts";
import { PUBLISHED_SEED_TITLES } from "./seed-articles.ts";

const TITLE = PUBLISHED_SEED_TITLES[2];

/** Every script the page asks for, from the moment it is set up until the test reads it. */
function scriptRequests(page: Page): string[] {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script" || request.url().includes("/_next/static/chunks/"))
      scripts.push(request.url());
  });
  return scripts;
}

async function expectPlainHtml(page: Page, scripts: string[]) {
  // Loaded (and idle): a script the page asked for would have been requested by now.
  await page.waitForLoadState("networkidle");
  expect(scripts).toEqual([]);
  const found = await page.evaluate(() => ({
    scripts: [...document.scripts].map((script) => script.src || script.type || script.text.slice(0, 40)),
    preloads: [...document.querySelectorAll('link[rel="preload"][as="script"], link[rel="modulepreload"]')].length,
    flight: "__next_f" in self || document.documentElement.outerHTML.includes("__next_f"),
  }));
  // JSON-LD is the one script left, where a page has it.
  expect(found.scripts.filter((script) => script !== "application/ld+json")).toEqual([]);
  expect(found.preloads).toBe(0);
  expect(found.flight).toBe(false);
}

test("the Arabic article page loads no framework script and keeps its JSON-LD", async ({ page }) => {
  const href = await arabicArticleHref(page, TITLE);
  const scripts = scriptRequests(page);
  const response = await page.goto(href);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-type"]).toMatch(/^text\/html/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expectPlainHtml(page, scripts);

  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? "null",
  ) as Record<string, unknown>;
  expect(jsonLd["@type"]).toBe("NewsArticle");
  expect(jsonLd.headline).toBe(TITLE);
});

test("the home page loads no framework script", async ({ page }) => {
  const scripts = scriptRequests(page);
  await page.goto("/");
  await expect(page.getByRole("link", { name: TITLE, exact: true })).toBeVisible();
  await expectPlainHtml(page, scripts);
});

test("the language switcher and the search form work by plain navigation", async ({ page }) => {
  const scripts = scriptRequests(page);
  await page.goto("/");
  await page.getByRole("navigation", { name: "اللغة" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");

  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  const box = page.getByRole("search", { name: "البحث في الموقع" });
  await box.getByRole("searchbox").fill("لافروف");
  await box.getByRole("button", { name: "بحث" }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(
    page.getByRole("list", { name: "نتائج البحث" }).getByRole("heading", { level: 2 }).first(),
  ).toBeVisible();
  await page.getByRole("list", { name: "نتائج البحث" }).getByRole("link", { name: TITLE, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expectPlainHtml(page, scripts);
});

test("a missing page is a whole page without JavaScript: the edition's frame and its 404, in its language", async ({
  browser,
}) => {
  // A reader (or crawler) without JavaScript: Next's own 404 document is empty until its runtime fills it in.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const scripts = scriptRequests(page);
  const response = await page.goto("/ru/news/999999/no-such-story");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  await expect(page).toHaveTitle(/^Страница не найдена — /);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.getByRole("search")).toBeVisible();
  // The other editions' links lead to their front pages, not to another missing page.
  await expect(page.getByRole("navigation", { name: "Язык" }).getByRole("link", { name: "English" })).toHaveAttribute(
    "href",
    "/en",
  );
  await page.getByRole("link", { name: "На главную" }).click();
  await expect(page).toHaveURL(/\/ru$/);
  await context.close();

  // With JavaScript, the same page and still no framework script.
  const withScript = await browser.newPage();
  const requested = scriptRequests(withScript);
  expect((await withScript.goto("/no/such/path"))?.status()).toBe(404);
  await expect(withScript.getByRole("heading", { level: 1 })).toHaveText("الصفحة غير موجودة");
  await expect(withScript.locator("html")).toHaveAttribute("dir", "rtl");
  await expectPlainHtml(withScript, requested);
  await withScript.close();
  expect(scripts).toEqual([]);
});
