// The public site as a reader sees it: Arabic front page at /, articles, the other editions, and 404s.
import { expect, test } from "@playwright/test";
import { expectLocalizedNotFound } from "./helpers.ts";
import { DRAFT_SEED_OPENING, PUBLISHED_SEED_TITLES } from "./seed-articles.ts";

test.describe("Arabic front page", () => {
  // An English-speaking browser must still get Arabic at / (no locale detection).
  test.use({ locale: "en-US" });

  test("is right-to-left and lists the four published seed articles, newest first, but not the draft", async ({
    page,
  }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1, name: "آخر الأخبار" })).toBeVisible();

    const headlines = page.getByRole("main").getByRole("heading", { level: 2 });
    await expect(headlines).toHaveCount(4);
    for (const title of PUBLISHED_SEED_TITLES) {
      await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
    }
    // Newest first: 7 Nov 2024, 4 Mar 2024, 30 May 2022, 10 Jun 2020.
    await expect(headlines).toHaveText([
      PUBLISHED_SEED_TITLES[2],
      PUBLISHED_SEED_TITLES[0],
      PUBLISHED_SEED_TITLES[1],
      PUBLISHED_SEED_TITLES[3],
    ]);
    await expect(page.getByText(DRAFT_SEED_OPENING)).toHaveCount(0);
  });

  test("dates are written with Arabic month names and Arabic-Indic digits", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByText("٤ مارس ٢٠٢٤", { exact: true })).toBeVisible();
    await expect(page.getByText("١٠ يونيو ٢٠٢٠", { exact: true })).toBeVisible();
    await expect(page.locator("main time").first()).not.toHaveText(/[0-9]/);
  });

  test("text is set in the self-hosted Noto Naskh Arabic face", async ({ page }) => {
    await page.goto("/");
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('18px "Noto Naskh Arabic Variable"', "منبر");
    });
    expect(loaded).toBe(true);
    const family = await page.getByRole("heading", { level: 1 }).evaluate((el) => getComputedStyle(el).fontFamily);
    expect(family).toContain("Noto Naskh Arabic");
  });

  test("no web font is fetched for the language switcher's Русский and English", async ({ page }) => {
    const fonts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "font") fonts.push(request.url());
    });
    await page.goto("/");
    await page.evaluate(() => document.fonts.ready);
    expect(fonts.some((url) => url.includes("noto-naskh-arabic-arabic"))).toBe(true);
    expect(fonts.filter((url) => /noto-sans-(cyrillic|latin)/.test(url))).toEqual([]);
  });
});

test("an article shows its headline, date, subheadings, photo credit and source", async ({ page }) => {
  await page.goto("/");
  const title = PUBLISHED_SEED_TITLES[1];
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page).toHaveURL(/\/news\/\d+\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page).toHaveTitle(`${title} — منبر`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", page.url());
  await expect(page.getByText("٣٠ مايو ٢٠٢٢")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "العلاقات الإنسانية" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /المعرض الصناعي الدولي/ })).toBeVisible();
  // Both spellings of the council (الاتحاد / الإتحاد) are one credit record; whichever was imported first is shown.
  await expect(page.getByText(/^الصورة: مجلس ال[اإ]تحاد الروسي$/)).toBeVisible();
  await expect(page.getByText("المصدر: تاس")).toBeVisible();
  // The footer lines are attribution, not body paragraphs.
  await expect(page.locator("main p", { hasText: /^المصدر: تاس$/ })).toHaveCount(1);
});

test("an article URL without its slug redirects to the canonical one", async ({ page }) => {
  await page.goto("/");
  const href = await page.getByRole("link", { name: PUBLISHED_SEED_TITLES[0], exact: true }).getAttribute("href");
  const id = /\/news\/(\d+)\//.exec(href ?? "")?.[1];
  expect(id).toBeTruthy();
  await page.goto(`/news/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PUBLISHED_SEED_TITLES[0]);
  expect(decodeURI(new URL(page.url()).pathname)).toBe(decodeURI(href ?? ""));
});

for (const [path, lang, heading] of [
  ["/ru", "ru", "Последние новости"],
  ["/en", "en", "Latest news"],
] as const) {
  test(`${path} is the ${lang} edition, left to right`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    // The seeds are Arabic originals with no translations yet, so no Arabic headline leaks into this edition.
    await expect(page.getByRole("link", { name: PUBLISHED_SEED_TITLES[0] })).toHaveCount(0);
  });
}

test("the language switcher moves between editions", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await page.getByRole("link", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1, name: "آخر الأخبار" })).toBeVisible();
});

test("pages are /page/{N}: beyond the last or malformed is 404, /page/1 is the front page", async ({ page }) => {
  for (const path of ["/page/2", "/page/abc", "/page/02", "/page/-1", "/ru/page/2"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  await page.goto("/page/1");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveCount(4);
});

test.describe("missing pages answer 404 in the reader's language", () => {
  test("unknown article id in Arabic", async ({ page }) => {
    const response = await page.goto("/news/999999/no-such-story");
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1, name: "الصفحة غير موجودة" })).toBeVisible();
  });

  test("unknown article id in English, and a non-numeric id", async ({ page }) => {
    const response = await page.goto("/en/news/999999/no-such-story");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    expect((await page.goto("/ru/news/not-a-number"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Страница не найдена" })).toBeVisible();
  });

  test("an address that is not valid percent-encoding is a 404 in its language, not a server error", async ({
    page,
  }) => {
    await expectLocalizedNotFound(page, [
      ["/news/5/%E0%A4%A", "الصفحة غير موجودة"],
      ["/%C0", "الصفحة غير موجودة"],
      ["/ru/tags/%FF", "Страница не найдена"],
      ["/en/sources/%E0%80?x=1", "Page not found"],
    ]);
  });

  test("an Arabic article is not served in the Russian edition (a notice instead, see language-fallback)", async ({
    page,
  }) => {
    await page.goto("/");
    const href = await page.getByRole("link", { name: PUBLISHED_SEED_TITLES[0], exact: true }).getAttribute("href");
    const response = await page.goto(`/ru${href}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Эта новость недоступна на русском языке");
    await expect(page.getByRole("heading", { level: 1, name: PUBLISHED_SEED_TITLES[0] })).toHaveCount(0);
  });
});
