// Switching languages on an article: the switcher, hreflang and JSON-LD name exactly its published editions; a
// language without one answers at the article's address with a page that says so and offers the editions (not
// indexed). Never a 404.
import { expect, test, type Page } from "@playwright/test";
import { PUBLISHED_SEED_TITLES } from "./seed-articles.ts";
import { ENGLISH_DRAFT, RUSSIAN_EDITION } from "./extra-localizations.ts";
import { arabicArticleHref, articleIdOf } from "./helpers.ts";

/** The names the page's language switcher offers as links (the current language is not a link). */
const switcherLinks = (page: Page, label: string) => page.getByRole("navigation", { name: label }).getByRole("link");

test("an article's switcher offers only its published editions; another language's address says it has none", async ({
  page,
}) => {
  const href = await arabicArticleHref(page, PUBLISHED_SEED_TITLES[0]);
  await page.goto(href);
  await expect(page.getByRole("navigation", { name: "اللغة" }).locator('[aria-current="page"]')).toHaveText("العربية");
  await expect(switcherLinks(page, "اللغة")).toHaveCount(0);
  await expect(page.locator("link[rel=alternate][hreflang]")).toHaveCount(0);
  const response = await page.goto(`/en/news/${articleIdOf(href)}`);
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This story is not available in English");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  await page.getByRole("link", { name: PUBLISHED_SEED_TITLES[0] }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PUBLISHED_SEED_TITLES[0]);
});

test("from an Arabic article with a Russian edition, Russian opens that edition, and back", async ({ page }) => {
  const href = await arabicArticleHref(page, RUSSIAN_EDITION.originalTitle);
  const id = articleIdOf(href);
  await page.goto(href);
  await expect(switcherLinks(page, "اللغة")).toHaveText(["Русский"]);
  // hreflang names exactly the published editions, each at its own address.
  const alternates = page.locator("link[rel=alternate][hreflang]");
  await expect(alternates).toHaveCount(2);
  await expect(page.locator('link[rel=alternate][hreflang="ar"]')).toHaveAttribute("href", new RegExp(`${href}$`));
  await expect(page.locator('link[rel=alternate][hreflang="ru"]')).toHaveAttribute(
    "href",
    new RegExp(`/ru/news/${id}/${RUSSIAN_EDITION.slug}$`),
  );
  await switcherLinks(page, "اللغة").click();
  await expect(page).toHaveURL(new RegExp(`/ru/news/${id}/${RUSSIAN_EDITION.slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(RUSSIAN_EDITION.title);
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  // English has no edition: the Russian page offers the Arabic original only.
  await expect(switcherLinks(page, "Язык")).toHaveText(["العربية"]);
  await switcherLinks(page, "Язык").click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  // Without a published edition in English, its address names both published editions, the original first.
  await page.goto(`/en/news/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This story is not available in English");
  await expect(page.getByRole("main").getByRole("listitem").getByRole("link")).toHaveText([
    RUSSIAN_EDITION.originalTitle,
    RUSSIAN_EDITION.title,
  ]);
});

test("the JSON-LD of each edition links it to the other", async ({ page }) => {
  const href = await arabicArticleHref(page, RUSSIAN_EDITION.originalTitle);
  const id = articleIdOf(href);
  const jsonLd = async () =>
    JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as Record<
      string,
      unknown
    >;
  await page.goto(href);
  const original = await jsonLd();
  expect(original).toMatchObject({
    inLanguage: "ar",
    workTranslation: [{ "@type": "NewsArticle", inLanguage: "ru" }],
  });
  expect(original).not.toHaveProperty("translationOfWork");
  expect(JSON.stringify(original.workTranslation)).toContain(`/ru/news/${id}/${RUSSIAN_EDITION.slug}`);
  await page.goto(`/ru/news/${id}/${RUSSIAN_EDITION.slug}`);
  const translation = await jsonLd();
  expect(translation).toMatchObject({ inLanguage: "ru", translationOfWork: { inLanguage: "ar" } });
  expect(translation).not.toHaveProperty("workTranslation");
  expect(String((translation.translationOfWork as { "@id": string })["@id"])).toMatch(new RegExp(`/news/${id}/`));
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
