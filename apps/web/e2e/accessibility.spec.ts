// axe-core on the home, article and search pages of each edition, and the pages added around articles: no
// violations of any rule axe runs by default (WCAG 2.x A/AA and best practices).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { PUBLISHED_SEED_TITLES } from "./seed-articles.ts";
import { RUSSIAN_EDITION } from "./extra-localizations.ts";
import { arabicArticleHref, articleIdOf } from "./helpers.ts";

async function expectNoViolations(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.ok(), path).toBe(true);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, path).toEqual([]);
}

test("home, article and search pages in Arabic", async ({ page }) => {
  const article = await arabicArticleHref(page, PUBLISHED_SEED_TITLES[1]);
  for (const path of ["/", article, "/search?q=%D9%83%D8%A7%D8%B2%D8%A7%D8%AE%D8%B3%D8%AA%D8%A7%D9%86", "/search"]) {
    await expectNoViolations(page, path);
  }
});

test("home, article and search pages in Russian", async ({ page }) => {
  const id = articleIdOf(await arabicArticleHref(page, RUSSIAN_EDITION.originalTitle));
  for (const path of [
    "/ru",
    `/ru/news/${id}/${RUSSIAN_EDITION.slug}`,
    "/ru/search?q=%D0%BF%D0%B0%D1%80%D1%82%D0%BD%D1%91%D1%80%D1%81%D1%82%D0%B2%D0%BE",
    "/ru/search",
  ]) {
    await expectNoViolations(page, path);
  }
});

test("home, article and search pages in English (the article page is the not-translated notice)", async ({ page }) => {
  const id = articleIdOf(await arabicArticleHref(page, PUBLISHED_SEED_TITLES[0]));
  for (const path of ["/en", `/en/news/${id}`, "/en/search?q=partnership", "/en/search"]) {
    await expectNoViolations(page, path);
  }
});

test("agency and tag pages", async ({ page }) => {
  for (const path of ["/sources/tass", "/ru/tags/kazakhstan", "/en/sources/tass"]) {
    await expectNoViolations(page, path);
  }
});

test("section pages", async ({ page }) => {
  for (const path of [`/sections/${encodeURIComponent("ثقافة")}`, "/ru/sections/novosti"]) {
    await expectNoViolations(page, path);
  }
});
