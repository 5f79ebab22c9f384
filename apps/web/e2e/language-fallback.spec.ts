// Switching languages on an article: to its translation where one is published, otherwise to a page in the chosen
// language that says so and offers the original (not indexed). Never a 404.
import { expect, test } from "@playwright/test";
import { PUBLISHED_SEED_TITLES } from "./seed-articles.ts";
import { ENGLISH_DRAFT, RUSSIAN_EDITION } from "./extra-localizations.ts";
import { arabicArticleHref, articleIdOf } from "./helpers.ts";

test("from an Arabic article with no English edition, English says so and links back to the original", async ({
  page,
}) => {
  const href = await arabicArticleHref(page, PUBLISHED_SEED_TITLES[0]);
  await page.goto(href);
  await page.getByRole("navigation", { name: "اللغة" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/news/${articleIdOf(href)}$`));
  // The click navigated on the client; loading the same address afresh shows the status a reader's browser gets.
  expect((await page.reload())?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This story is not available in English");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  await page.getByRole("link", { name: PUBLISHED_SEED_TITLES[0] }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PUBLISHED_SEED_TITLES[0]);
});

test("from an Arabic article with a Russian edition, Russian opens that edition", async ({ page }) => {
  await page.goto(await arabicArticleHref(page, RUSSIAN_EDITION.originalTitle));
  await page.getByRole("navigation", { name: "اللغة" }).getByRole("link", { name: "Русский" }).click();
  await expect(page).toHaveURL(/\/ru\/news\/\d+\/lavrov-i-tleuberdi-obsudili-partnerstvo$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(RUSSIAN_EDITION.title);
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  // From the Russian edition, English has neither: both published editions are offered, the original first.
  await page.getByRole("navigation", { name: "Язык" }).getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This story is not available in English");
  await expect(page.getByRole("main").getByRole("listitem").getByRole("link")).toHaveText([
    RUSSIAN_EDITION.originalTitle,
    RUSSIAN_EDITION.title,
  ]);
});

test("an unpublished English draft is not shown; the English page offers the Arabic original", async ({ page }) => {
  const href = await arabicArticleHref(page, ENGLISH_DRAFT.originalTitle);
  const response = await page.goto(`/en/news/${articleIdOf(href)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This story is not available in English");
  await expect(page.getByText(ENGLISH_DRAFT.title)).toHaveCount(0);
  await expect(page.getByRole("link", { name: ENGLISH_DRAFT.originalTitle })).toBeVisible();
});

test("the Russian notice is in Russian and not indexed, and an unknown id is still a 404", async ({ page }) => {
  const href = await arabicArticleHref(page, PUBLISHED_SEED_TITLES[2]);
  expect((await page.goto(`/ru${href}`))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Эта новость недоступна на русском языке");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  expect((await page.goto("/ru/news/999999"))?.status()).toBe(404);
});
